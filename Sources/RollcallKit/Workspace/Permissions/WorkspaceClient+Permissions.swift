/// Object ACLs through the permissions API.
extension WorkspaceClient {
    /// The ACL of a cluster, warehouse, directory or serving endpoint.
    /// - Parameter objectID: cluster id, warehouse id, directory `object_id`, or serving endpoint id.
    public func getPermissions(kind: ResourceKind, objectID: String) async throws(WorkspaceError) -> ObjectACL {
        let request = WorkspaceRequest.get(Self.permissionsPath(kind, objectID), family: .permissionsReads)
        return PermissionsWire.acl(try await decode(PermissionsWire.ObjectPermissions.self, from: request), kind: kind)
    }

    /// Adds or raises the given grants, leaving every other entry as it is (PATCH merges per
    /// principal and never removes). Returns the ACL after the change.
    @discardableResult
    public func patchPermissions(kind: ResourceKind, objectID: String, grants: [PermissionGrant])
        async throws(WorkspaceError) -> ObjectACL
    {
        try await writePermissions(.patch, kind: kind, objectID: objectID, grants: grants)
    }

    /// Replaces every direct entry with `grants` (PUT); entries not listed are removed. For
    /// offboarding: read the ACL, drop the roster's groups from ``ObjectACL/directGrants``, PUT the rest.
    @discardableResult
    public func putPermissions(kind: ResourceKind, objectID: String, grants: [PermissionGrant])
        async throws(WorkspaceError) -> ObjectACL
    {
        try await writePermissions(.put, kind: kind, objectID: objectID, grants: grants)
    }

    private func writePermissions(_ method: HTTPMethod, kind: ResourceKind, objectID: String, grants: [PermissionGrant])
        async throws(WorkspaceError) -> ObjectACL
    {
        let body = PermissionsWire.Request(access_control_list: grants.map(PermissionsWire.RequestEntry.init))
        let request = try WorkspaceRequest.json(
            method, Self.permissionsPath(kind, objectID), body: body, family: .permissionsWrites)
        return PermissionsWire.acl(try await decode(PermissionsWire.ObjectPermissions.self, from: request), kind: kind)
    }

    static func permissionsPath(_ kind: ResourceKind, _ objectID: String) -> String {
        "/api/2.0/permissions/\(kind.permissionsPathType)/\(URLEncoding.pathSegment(objectID))"
    }
}
