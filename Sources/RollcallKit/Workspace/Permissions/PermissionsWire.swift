/// Permissions API JSON (`/api/2.0/permissions/{type}/{id}`), snake_case.
enum PermissionsWire {
    struct ObjectPermissions: Decodable {
        var object_id: String?
        var object_type: String?
        var access_control_list: [Entry]?
    }

    struct Entry: Decodable {
        var user_name: String?
        var group_name: String?
        var service_principal_name: String?
        var all_permissions: [Permission]?

        var principal: Principal? {
            if let user_name { return .user(user_name) }
            if let group_name { return .group(group_name) }
            if let service_principal_name { return .servicePrincipal(service_principal_name) }
            return nil
        }
    }

    struct Permission: Decodable {
        var permission_level: String
        var inherited: Bool?
    }

    struct Request: Encodable {
        var access_control_list: [RequestEntry]
    }

    struct RequestEntry: Encodable {
        var user_name: String?
        var group_name: String?
        var service_principal_name: String?
        var permission_level: String

        init(_ grant: PermissionGrant) {
            switch grant.principal.kind {
            case .user: user_name = grant.principal.name
            case .group: group_name = grant.principal.name
            case .servicePrincipal: service_principal_name = grant.principal.name
            }
            permission_level = grant.level.rawValue
        }
    }

    static func acl(_ wire: ObjectPermissions, kind: ResourceKind) -> ObjectACL {
        var held: [Principal: [ObjectACL.HeldLevel]] = [:]
        for entry in wire.access_control_list ?? [] {
            guard let principal = entry.principal else { continue }
            held[principal, default: []] += (entry.all_permissions ?? []).map {
                ObjectACL.HeldLevel(level: PermissionLevel(rawValue: $0.permission_level), inherited: $0.inherited ?? false)
            }
        }
        return ObjectACL(kind: kind, objectID: wire.object_id, held: held)
    }
}
