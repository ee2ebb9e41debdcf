/// Reads and validates an `access_control_list` request body.
enum ACLRequest {
    enum Failure: Error {
        case malformed(String)
        case unhandledLevel
        case invalidLevel(String)
        case unknownPrincipal(String)

        var reply: Reply {
            switch self {
            case .malformed(let message): APIError.malformedRequest(message)
            // Quoted from the real API (databricks-api.md §3): a 500, not a 400.
            case .unhandledLevel: APIError.platform(500, "INTERNAL_ERROR", "Unhandled Permission level")
            case .invalidLevel(let level): APIError.invalidParameter("Invalid permission level: \(level)")
            // "Principal: UserName(x) does not exist" (§3, cli#4488, TF #1415).
            case .unknownPrincipal(let message): APIError.invalidParameter(message)
            }
        }
    }

    static func entries(_ body: [UInt8], for type: PermissionObjectType, in state: WorkspaceState) throws(Failure) -> [ACLEntry] {
        guard let object = JSONBody.object(body) else {
            throw .malformed("Invalid JSON given in the body of the request")
        }
        guard let list = object["access_control_list"] else { return [] }
        guard let items = JSONBody.objects(list) else {
            throw .malformed("Expected an array for access_control_list")
        }
        var entries: [ACLEntry] = []
        for item in items {
            let named = PrincipalRef.Kind.allCases.compactMap { kind in (item[kind.rawValue] as? String).map { (kind, $0) } }
            guard named.count == 1, let (kind, name) = named.first else {
                throw .malformed("Exactly one of user_name, group_name, service_principal_name must be set")
            }
            guard let level = item["permission_level"] as? String else {
                throw .malformed("permission_level is required")
            }
            guard type.levels.contains(level) else {
                throw PermissionObjectType.knownLevels.contains(level) ? .unhandledLevel : .invalidLevel(level)
            }
            entries.append(ACLEntry(principal: try resolve(kind, name, in: state), level: level))
        }
        return entries
    }

    /// The principal as stored: users by lower-cased userName, groups by exact display name,
    /// service principals by applicationId (a display name is not found, TF #1415).
    private static func resolve(_ kind: PrincipalRef.Kind, _ name: String, in state: WorkspaceState) throws(Failure) -> PrincipalRef {
        switch kind {
        case .user:
            guard let index = state.userIndex(userName: name), state.isInWorkspace(state.users[index].id) else {
                throw .unknownPrincipal("Principal: UserName(\(name)) does not exist")
            }
            return PrincipalRef(kind: .user, name: state.users[index].userName)
        case .group:
            guard state.workspaceGroup(named: name) != nil else {
                throw .unknownPrincipal("Principal: GroupName(\(name)) does not exist")
            }
            return PrincipalRef(kind: .group, name: name)
        case .servicePrincipal:
            guard state.servicePrincipals.contains(where: { $0.applicationId == name && state.isInWorkspace($0.id) }) else {
                throw .unknownPrincipal("Principal: ServicePrincipalName(\(name)) does not exist")
            }
            return PrincipalRef(kind: .servicePrincipal, name: name)
        }
    }
}

