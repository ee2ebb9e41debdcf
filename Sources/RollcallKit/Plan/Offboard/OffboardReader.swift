/// The reads an offboard adds to an import's: a resource's full ACL, because removing a group's
/// entry means writing back every other direct entry.
public protocol OffboardReader: WorkspaceReader {
    func objectACL(kind: ResourceKind, objectID: String) async throws -> ObjectACL
}

extension WorkspaceClient: OffboardReader {
    public func objectACL(kind: ResourceKind, objectID: String) async throws -> ObjectACL {
        try await getPermissions(kind: kind, objectID: objectID)
    }
}
