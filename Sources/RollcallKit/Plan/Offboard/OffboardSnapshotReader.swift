/// Reads an ``OffboardSnapshot`` batched like an import: users by `or`-joined filters (or one
/// listing), every roster group plus `users` and `admins` in one filtered request per 50 names, and
/// with `--delete-groups` each resource's ACL and each securable's grants, concurrently.
public struct OffboardSnapshotReader: Sendable {
    public let reader: any OffboardReader

    public init(reader: any OffboardReader) {
        self.reader = reader
    }

    /// `identity` comes from the `/Me` request the connection already made, so it costs nothing here.
    public func snapshot(for desired: DesiredState, identity: SCIMUser, deleteGroups: Bool) async throws
        -> OffboardSnapshot
    {
        let reader = self.reader
        let rosterGroups = desired.groups.map(\.name).filter { !BuiltInGroups.contains($0) }
        async let users = SnapshotReader(reader: reader).readUsers(desired.emails)
        async let groups = reader.groupStates(named: rosterGroups + [BuiltInGroups.users, BuiltInGroups.admins])

        var snapshot = OffboardSnapshot(identity: identity)
        let found = try await groups
        for name in rosterGroups { snapshot.groups[name] = found[name] }
        snapshot.adminIDs = found[BuiltInGroups.admins]?.memberIDs ?? []
        snapshot.usersGroup = found[BuiltInGroups.users]
        // Access is only revoked from groups that still exist: a second run reads no ACLs at all.
        if deleteGroups && !snapshot.groups.isEmpty {
            snapshot.acls = await Self.readACLs(desired.resources, with: reader)
            snapshot.grants = await readGrants(desired, acls: snapshot.acls)
        }
        snapshot.userIDs = try await users
        return snapshot
    }

    private static func readACLs(_ resources: [ResourceRef], with reader: any OffboardReader) async
        -> [ResourceRef: ACLState]
    {
        await withTaskGroup(of: (ResourceRef, ACLState).self) { group in
            for resource in resources {
                group.addTask {
                    do {
                        guard let objectID = try await reader.resolve(resource) else {
                            return (resource, .unavailable("\(resource) was not found in the workspace"))
                        }
                        let acl = try await reader.objectACL(kind: resource.kind, objectID: objectID)
                        return (resource, .found(objectID: objectID, acl: acl))
                    } catch {
                        return (resource, .unavailable("\(resource) could not be read: \(error)"))
                    }
                }
            }
            var states: [ResourceRef: ACLState] = [:]
            for await (resource, state) in group { states[resource] = state }
            return states
        }
    }

    /// An unreadable securable reads as "nothing to revoke"; the planner warns about it.
    private func readGrants(_ desired: DesiredState, acls: [ResourceRef: ACLState]) async
        -> [SecurableRef: [String: Set<String>]]
    {
        let via = desired.config.unityCatalog.grantsVia
        let warehouseID = desired.resources.first { $0.kind == .warehouse }.flatMap { ref -> String? in
            if case .found(let id, _)? = acls[ref] { return id }
            return nil
        }
        let securables = Set(desired.config.unityCatalog.grants.map { SecurableRef(securable: $0.securable, name: $0.name) })
        let reader = self.reader
        return await withTaskGroup(of: (SecurableRef, [String: Set<String>]?).self) { group in
            for securable in securables {
                group.addTask {
                    (securable, try? await reader.currentGrants(on: securable, via: via, warehouseID: warehouseID))
                }
            }
            var grants: [SecurableRef: [String: Set<String>]] = [:]
            for await (securable, held) in group {
                if let held { grants[securable] = held }
            }
            return grants
        }
    }
}
