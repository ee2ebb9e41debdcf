/// SCIM JSON shapes (RFC 7644 as Databricks speaks it): `Resources` with a capital R, multi-valued
/// attributes as `{value, display, $ref}`, PATCH bodies with `Operations` with a capital O.
enum SCIMWire {
    static let userSchema = "urn:ietf:params:scim:schemas:core:2.0:User"
    static let groupSchema = "urn:ietf:params:scim:schemas:core:2.0:Group"
    static let patchSchema = "urn:ietf:params:scim:api:messages:2.0:PatchOp"

    struct ListResponse<Resource: Decodable>: Decodable {
        var totalResults: Int?
        var startIndex: Int?
        var itemsPerPage: Int?
        var Resources: [Resource]?
    }

    struct ComplexValue: Codable {
        var value: String?
        var display: String?

        init(value: String) {
            self.value = value
            self.display = nil
        }
    }

    struct User: Decodable {
        var id: String
        var userName: String?
        var displayName: String?
        var groups: [ComplexValue]?

        var model: SCIMUser { SCIMUser(id: id, userName: userName ?? "", displayName: displayName) }
    }

    struct Group: Decodable {
        struct Meta: Decodable { var resourceType: String? }
        var id: String
        var displayName: String?
        var members: [ComplexValue]?
        var entitlements: [ComplexValue]?
        var meta: Meta?

        var model: SCIMGroup {
            SCIMGroup(
                id: id, displayName: displayName ?? "", memberIDs: (members ?? []).compactMap(\.value),
                entitlements: (entitlements ?? []).compactMap(\.value), resourceType: meta?.resourceType)
        }
    }

    struct NewUser: Encodable {
        var schemas = [userSchema]
        var userName: String
        var displayName: String?
    }

    struct NewGroup: Encodable {
        var schemas = [groupSchema]
        var displayName: String
        var entitlements: [ComplexValue]
    }

    struct Patch: Encodable {
        var schemas = [patchSchema]
        var Operations: [Operation]
    }

    struct Operation: Encodable {
        var op: String
        var path: String
        var value: [ComplexValue]?
    }
}
