/// PATCH on a user: `active`, `displayName`, `name.*`, `externalId` and `entitlements`;
/// `userName`, `emails`, `groups` and `roles` are accepted and ignored (databricks-api.md §1).
enum UserPatch {
    static func apply(_ operations: [PatchOperation], to user: inout UserRecord, entitlements: Bool) throws(PatchError) {
        for operation in operations {
            let scalar = operation.op == .remove ? nil : operation.value
            switch operation.attribute {
            case "active":
                guard let flag = JSONBody.bool(scalar) ?? (operation.op == .remove ? false : nil) else {
                    throw .invalidValue("Invalid value for attribute active")
                }
                user.active = flag
            case "displayname": user.displayName = scalar as? String
            case "externalid": user.externalId = scalar as? String
            case "name.givenname": user.givenName = scalar as? String
            case "name.familyname": user.familyName = scalar as? String
            case "name":
                let name = scalar as? JSONObject
                user.givenName = name?["givenName"] as? String
                user.familyName = name?["familyName"] as? String
            case "entitlements" where entitlements:
                user.entitlements = try MultiValuedPatch.apply(operation, to: user.entitlements, attribute: "entitlements")
            case "username", "emails", "groups", "roles":
                continue
            default:
                throw .noSuchAttribute(operation.attribute)
            }
        }
    }
}
