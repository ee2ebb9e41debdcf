extension UserRecord {
    /// What list filters and sorting read (`userName`, `displayName`, `id`, `active`).
    var filterAttributes: JSONObject {
        ["id": id, "userName": userName, "displayName": displayName ?? userName, "active": active]
    }
}

extension GroupRecord {
    var filterAttributes: JSONObject { ["id": id, "displayName": displayName] }
}

/// SCIM JSON for identities. Empty multi-valued attributes are left out, as Databricks does
/// (removing entitlements from a resource without any is "No such attribute", §1).
extension WorkspaceState {
    func workspaceUserJSON(_ user: UserRecord) -> JSONObject {
        var json = accountUserJSON(user)
        json["schemas"] = [SCIMSchema.user, SCIMSchema.workspaceUser]
        json["account_id"] = nil
        if !user.entitlements.isEmpty { json["entitlements"] = user.entitlements.map { ["value": $0] } }
        let parents = workspaceParents(of: user.id)
        if !parents.isEmpty { json["groups"] = parents.map(groupReference) }
        return json
    }

    /// AccountUser has no entitlements or groups (databricks-api.md §2).
    func accountUserJSON(_ user: UserRecord) -> JSONObject {
        var json: JSONObject = [
            "schemas": [SCIMSchema.user],
            "id": user.id,
            "userName": user.userName,
            "active": user.active,
            "emails": [["value": user.userName, "type": "work", "primary": true]],
        ]
        if let displayName = user.displayName { json["displayName"] = displayName }
        var name: JSONObject = [:]
        if let given = user.givenName { name["givenName"] = given }
        if let family = user.familyName { name["familyName"] = family }
        if !name.isEmpty { json["name"] = name }
        if let externalId = user.externalId { json["externalId"] = externalId }
        return json
    }

    /// `meta.resourceType` tells a workspace-local group (`WorkspaceGroup`) from an account group
    /// assigned to the workspace (`Group`) (§1).
    func workspaceGroupJSON(_ group: GroupRecord) -> JSONObject {
        var json = accountGroupJSON(group)
        if group.id == SeedState.usersGroupID {
            // Everyone in the workspace is implicitly a member of `users` (issue 3; TF #1088).
            let everyone = users.filter { isInWorkspace($0.id) }.map(\.id)
                + servicePrincipals.filter { isInWorkspace($0.id) }.map(\.id)
            json["members"] = everyone.isEmpty ? nil : memberReferences(everyone)
        }
        json["meta"] = ["resourceType": group.origin == .workspace ? "WorkspaceGroup" : "Group"]
        if !group.entitlements.isEmpty { json["entitlements"] = group.entitlements.map { ["value": $0] } }
        let parents = workspaceParents(of: group.id)
        if !parents.isEmpty { json["groups"] = parents.map(groupReference) }
        return json
    }

    func accountGroupJSON(_ group: GroupRecord) -> JSONObject {
        var json: JSONObject = [
            "schemas": [SCIMSchema.group],
            "id": group.id,
            "displayName": group.displayName,
            "meta": ["resourceType": "Group"],
        ]
        if !group.members.isEmpty { json["members"] = memberReferences(group.members) }
        if let externalId = group.externalId { json["externalId"] = externalId }
        return json
    }

    func servicePrincipalJSON(_ principal: ServicePrincipalRecord) -> JSONObject {
        var json: JSONObject = [
            "schemas": [SCIMSchema.servicePrincipal],
            "id": principal.id,
            "applicationId": principal.applicationId,
            "displayName": principal.displayName,
            "active": principal.active,
        ]
        if !principal.entitlements.isEmpty { json["entitlements"] = principal.entitlements.map { ["value": $0] } }
        let parents = workspaceParents(of: principal.id)
        if !parents.isEmpty { json["groups"] = parents.map(groupReference) }
        return json
    }

    private func memberReferences(_ ids: [String]) -> [JSONObject] {
        ids.compactMap { id in
            guard let summary = principalSummary(id) else { return nil }
            return ["value": id, "display": summary.display, "$ref": "\(summary.ref)/\(id)"]
        }
    }

    private func groupReference(_ group: GroupRecord) -> JSONObject {
        ["value": group.id, "display": group.displayName, "$ref": "Groups/\(group.id)", "type": "direct"]
    }
}
