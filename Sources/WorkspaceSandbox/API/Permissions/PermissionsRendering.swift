/// The ObjectPermissions JSON (databricks-api.md §3): one entry per principal with
/// `all_permissions`, and the `admins` group's CAN_MANAGE inherited from the type's root.
enum PermissionsRendering {
    static func objectPermissions(_ object: PermissionObject, _ entries: [ACLEntry], state: WorkspaceState) -> JSONObject {
        var list: [JSONObject] = []
        var adminsListed = false
        for entry in entries {
            var item: JSONObject = [entry.principal.kind.rawValue: entry.principal.name]
            if let display = displayName(entry.principal, state) { item["display_name"] = display }
            var permissions: [JSONObject] = [["permission_level": entry.level, "inherited": false]]
            if entry.principal == PrincipalRef(kind: .group, name: "admins") {
                permissions.append(inheritedManage(object))
                adminsListed = true
            }
            item["all_permissions"] = permissions
            list.append(item)
        }
        if !adminsListed {
            list.append(["group_name": "admins", "all_permissions": [inheritedManage(object)]])
        }
        return ["object_id": object.objectID, "object_type": object.type.objectType, "access_control_list": list]
    }

    private static func inheritedManage(_ object: PermissionObject) -> JSONObject {
        ["permission_level": "CAN_MANAGE", "inherited": true, "inherited_from_object": [object.type.rootObject]]
    }

    private static func displayName(_ principal: PrincipalRef, _ state: WorkspaceState) -> String? {
        switch principal.kind {
        case .user: state.userIndex(userName: principal.name).flatMap { state.users[$0].displayName }
        case .group: nil
        case .servicePrincipal: state.servicePrincipals.first { $0.applicationId == principal.name }?.displayName
        }
    }
}
