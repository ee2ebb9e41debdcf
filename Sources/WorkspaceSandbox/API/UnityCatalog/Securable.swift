import Foundation

/// A Unity Catalog securable the sandbox holds grants on.
struct Securable: Sendable, Equatable {
    enum Kind: String, Sendable, CaseIterable {
        case catalog, schema, connection

        /// The privileges valid on the kind, REST spelling (databricks-api.md §5; PY `Privilege`).
        var privileges: Set<String> {
            let data: Set<String> = [
                "ALL_PRIVILEGES", "APPLY_TAG", "BROWSE", "CREATE_FUNCTION", "CREATE_MATERIALIZED_VIEW",
                "CREATE_MODEL", "CREATE_TABLE", "CREATE_VOLUME", "EXECUTE", "MANAGE", "MODIFY", "READ_VOLUME",
                "REFRESH", "SELECT", "USE_SCHEMA", "WRITE_VOLUME",
            ]
            switch self {
            case .catalog: return data.union(["USE_CATALOG", "CREATE_SCHEMA", "CREATE_FOREIGN_SECURABLE"])
            case .schema: return data
            case .connection: return ["ALL_PRIVILEGES", "CREATE_FOREIGN_CATALOG", "MANAGE", "USE_CONNECTION"]
            }
        }
    }

    var kind: Kind
    /// As stored: `catalog`, `catalog.schema`, `connection`.
    var fullName: String

    var key: String { "\(kind.rawValue)/\(fullName)" }
}

/// Privilege names: REST uses underscores (`USE_CATALOG`), SQL spaces (`USE CATALOG`); the store
/// keeps the REST spelling and SQL converts (§5).
enum PrivilegeName {
    static func sql(_ rest: String) -> String { rest.replacingOccurrences(of: "_", with: " ") }
    static func rest(_ sql: String) -> String {
        sql.split(separator: " ").joined(separator: "_").uppercased()
    }
}
