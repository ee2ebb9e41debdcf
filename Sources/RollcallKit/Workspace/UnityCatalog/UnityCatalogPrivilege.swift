/// Unity Catalog privileges are spelled with spaces in SQL (`USE CATALOG`) and with underscores
/// in REST (`USE_CATALOG`); REST rejects the spaced form.
public enum UnityCatalogPrivilege {
    /// `use catalog` -> `USE_CATALOG`.
    public static func restSpelling(_ privilege: String) -> String {
        privilege.split(whereSeparator: { $0 == " " || $0 == "_" }).map { $0.uppercased() }.joined(separator: "_")
    }

    /// `USE_CATALOG` -> `USE CATALOG`.
    public static func sqlSpelling(_ privilege: String) -> String {
        privilege.split(whereSeparator: { $0 == " " || $0 == "_" }).map { $0.uppercased() }.joined(separator: " ")
    }
}
