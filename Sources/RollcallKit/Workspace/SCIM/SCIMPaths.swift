/// Workspace SCIM 2.0 endpoints.
enum SCIMPaths {
    static let base = "/api/2.0/preview/scim/v2"
    static let users = base + "/Users"
    static let groups = base + "/Groups"

    static func user(_ id: String) -> String { users + "/" + URLEncoding.pathSegment(id) }
    static func group(_ id: String) -> String { groups + "/" + URLEncoding.pathSegment(id) }
}
