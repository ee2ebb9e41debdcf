/// SCIM schema URNs (databricks-api.md §1).
enum SCIMSchema {
    static let user = "urn:ietf:params:scim:schemas:core:2.0:User"
    static let workspaceUser = "urn:ietf:params:scim:schemas:extension:workspace:2.0:User"
    static let group = "urn:ietf:params:scim:schemas:core:2.0:Group"
    static let servicePrincipal = "urn:ietf:params:scim:schemas:core:2.0:ServicePrincipal"
    static let listResponse = "urn:ietf:params:scim:api:messages:2.0:ListResponse"
    static let patchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp"
    static let error = "urn:ietf:params:scim:api:messages:2.0:Error"
}
