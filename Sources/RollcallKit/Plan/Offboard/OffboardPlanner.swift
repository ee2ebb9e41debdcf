/// Decides what an offboard removes. Pure, like ``Planner``: only effects still present in the
/// snapshot become actions, so a second offboard of the same roster plans nothing.
///
/// Never planned: the running identity, workspace admins (unless `includeAdmins`), the built-in
/// `users` and `admins` groups, and any principal that is not on the roster.
public enum OffboardPlanner {
    public struct Options: Sendable, Hashable {
        public var deleteGroups: Bool
        public var includeAdmins: Bool

        public init(deleteGroups: Bool = false, includeAdmins: Bool = false) {
            self.deleteGroups = deleteGroups
            self.includeAdmins = includeAdmins
        }
    }

    public static let accountGroupKept = "account group (configure an account to delete it)"

    public static func plan(_ desired: DesiredState, against snapshot: OffboardSnapshot, options: Options)
        -> OffboardPlan
    {
        var plan = OffboardPlan(desired: desired, snapshot: snapshot, deleteGroups: options.deleteGroups)

        var leaving: [OffboardMember] = []
        for email in desired.emails {
            guard let id = snapshot.userIDs[email] else { continue }
            if let protection = protection(email: email, id: id, snapshot: snapshot, includeAdmins: options.includeAdmins) {
                plan.protected[email] = protection
            } else {
                leaving.append(OffboardMember(email: email, id: id))
            }
        }

        for group in desired.groups {
            guard let state = snapshot.groups[group.name] else { continue }
            let members = leaving.filter { state.memberIDs.contains($0.id) }
            var start = 0
            while start < members.count {
                let end = min(start + Planner.membershipChunkSize, members.count)
                plan.membershipRemovals.append(
                    MembershipRemoval(group: group.name, groupID: state.id, members: Array(members[start..<end])))
                start = end
            }
        }
        plan.userDeletions = leaving.map { UserDeletion(email: $0.email, id: $0.id) }

        if options.deleteGroups { planGroupTeardown(&plan) }
        return plan
    }

    private static func protection(email: String, id: String, snapshot: OffboardSnapshot, includeAdmins: Bool)
        -> Protection?
    {
        if id == snapshot.identity.id || email == snapshot.identity.userName.lowercased() { return .runningIdentity }
        if !includeAdmins && snapshot.adminIDs.contains(id) { return .workspaceAdmin }
        return nil
    }

    /// ACL entries and grants go from every existing roster group; then workspace-local groups are
    /// deleted, and account groups kept (deleting them is an account-level act).
    private static func planGroupTeardown(_ plan: inout OffboardPlan) {
        let groups = plan.desired.groups.map(\.name).filter { plan.snapshot.groups[$0] != nil }
        let removable = Set(groups.map { $0.lowercased() })
        guard !removable.isEmpty else { return }

        for resource in plan.desired.resources {
            switch plan.snapshot.acls[resource] {
            case .found(let objectID, let acl)?:
                let direct = acl.directGrants
                let isRoster = { (grant: PermissionGrant) in
                    grant.principal.kind == .group && removable.contains(grant.principal.name.lowercased())
                }
                let dropped = direct.filter(isRoster).map(\.principal.name)
                guard !dropped.isEmpty else { continue }
                plan.aclRewrites.append(
                    ACLRewrite(
                        resource: resource, objectID: objectID, kept: direct.filter { !isRoster($0) },
                        removedGroups: unique(dropped)))
            case .unavailable(let reason)?:
                plan.warnings.append("\(reason); the groups' entries on it stay")
            case nil:
                break
            }
        }

        for grant in plan.desired.config.unityCatalog.grants {
            let securable = SecurableRef(securable: grant.securable, name: grant.name)
            guard let current = plan.snapshot.grants[securable] else {
                plan.warnings.append("grants on \(securable) could not be read; nothing is revoked there")
                continue
            }
            let configured = Set(grant.privileges.map(PrivilegeName.sql))
            for group in groups {
                let held = (current[group] ?? []).intersection(configured).sorted()
                if !held.isEmpty && !plan.grantRevocations.contains(where: { $0.securable == securable && $0.group == group }) {
                    plan.grantRevocations.append(GrantRevocation(securable: securable, group: group, privileges: held))
                }
            }
        }

        for group in groups {
            guard let state = plan.snapshot.groups[group] else { continue }
            if state.isAccountGroup {
                plan.keptGroups.append(KeptGroup(name: group, reason: accountGroupKept))
            } else {
                plan.groupDeletions.append(GroupDeletion(name: group, id: state.id))
            }
        }
    }

    private static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}
