/// Why Unity Catalog refused a grants request, with the body it answers.
enum UnityCatalogError: Error, Equatable {
    case unsupportedSecurableType(String)
    case missing(Securable.Kind, String)
    case malformedBody
    case principalRequired
    /// A privilege not valid on the kind, the spaced SQL spelling included ("READ FILES is not
    /// allowed on external_location", databricks-api.md §5, TF #1818).
    case notAllowed(privilege: String, on: Securable.Kind)
    /// Same privilege in `add` and `remove` (CLI-TS, §5).
    case addAndRemove(principal: String)
    /// Not an account principal: "Could not find principal with name X" (§2, TF #4680).
    case principalNotFound(String)

    var reply: Reply {
        switch self {
        case .unsupportedSecurableType(let type):
            APIError.invalidParameter("Unsupported securable type: \(type)")
        case .missing(.catalog, let name):
            APIError.platform(404, "CATALOG_DOES_NOT_EXIST", "Catalog '\(name)' does not exist.")
        case .missing(.schema, let name):
            APIError.platform(404, "SCHEMA_DOES_NOT_EXIST", "Schema '\(name)' does not exist.")
        case .missing(.connection, let name):
            APIError.doesNotExist("Connection '\(name)' does not exist.")
        case .malformedBody:
            APIError.malformedRequest("Invalid JSON given in the body of the request")
        case .principalRequired:
            APIError.invalidParameter("Principal is required")
        case .notAllowed(let privilege, let kind):
            APIError.invalidParameter("\(privilege) is not allowed on \(kind.rawValue)")
        case .addAndRemove(let principal):
            APIError.invalidParameter("Duplicate privileges to add and delete for principal \(principal).")
        case .principalNotFound(let name):
            APIError.platform(404, "PRINCIPAL_DOES_NOT_EXIST", "Could not find principal with name \(name)")
        }
    }
}
