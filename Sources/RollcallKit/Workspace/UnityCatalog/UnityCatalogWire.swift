/// Unity Catalog grants REST JSON (`/api/2.1/unity-catalog/permissions/{type}/{full_name}`).
enum UnityCatalogWire {
    struct Assignments: Decodable {
        struct Assignment: Decodable {
            var principal: String
            var privileges: [String]?
        }
        var privilege_assignments: [Assignment]?
        var next_page_token: String?

        /// Privileges per principal in REST spelling.
        var privilegesByPrincipal: [String: Set<String>] {
            var grants: [String: Set<String>] = [:]
            for assignment in privilege_assignments ?? [] {
                grants[assignment.principal, default: []].formUnion(
                    (assignment.privileges ?? []).map(UnityCatalogPrivilege.restSpelling))
            }
            return grants
        }
    }

    struct Update: Encodable {
        var changes: [Change]
    }

    struct Change: Encodable {
        var principal: String
        var add: [String]
        var remove: [String]
    }
}

/// One principal's privilege change on a securable, in any spelling (sent with underscores).
public struct UnityCatalogChange: Sendable, Hashable {
    public var principal: String
    public var add: [String]
    public var remove: [String]

    public init(principal: String, add: [String] = [], remove: [String] = []) {
        self.principal = principal
        self.add = add
        self.remove = remove
    }
}
