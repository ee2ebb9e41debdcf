/// The `User-Agent` in the Databricks SDKs' style: space-separated `key/value` pairs whose parts
/// match `[0-9A-Za-z_.+-]+`, e.g. `rollcall/0.1.0 swift/6.3 os/linux auth/pat`. Databricks uses
/// it to attribute traffic, so it names the product, the language, the OS and the auth type.
public enum UserAgent {
    public static func make(
        version: String, authType: String, swiftVersion: String = currentSwiftVersion, os: String = currentOS
    ) -> String {
        [("rollcall", version), ("swift", swiftVersion), ("os", os), ("auth", authType)]
            .map { "\(sanitized($0.0))/\(sanitized($0.1))" }
            .joined(separator: " ")
    }

    /// Replaces characters outside `[0-9A-Za-z_.+-]` with `-` (an empty part becomes `unknown`).
    static func sanitized(_ part: String) -> String {
        let allowed = part.map { character -> Character in
            character.isASCII && (character.isLetter || character.isNumber || "_.+-".contains(character))
                ? character : "-"
        }
        return allowed.isEmpty ? "unknown" : String(allowed)
    }

    /// The compiler's language version, major.minor.
    public static var currentSwiftVersion: String {
        #if swift(>=7.0)
            "7.0"
        #elseif swift(>=6.4)
            "6.4"
        #elseif swift(>=6.3)
            "6.3"
        #elseif swift(>=6.2)
            "6.2"
        #elseif swift(>=6.1)
            "6.1"
        #else
            "6.0"
        #endif
    }

    public static var currentOS: String {
        #if os(Linux)
            "linux"
        #elseif os(macOS)
            "darwin"
        #elseif os(Windows)
            "windows"
        #else
            "unknown"
        #endif
    }
}
