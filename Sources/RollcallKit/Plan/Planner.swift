/// Compares what the roster wants with what the workspace has and keeps only the difference.
///
/// Pure: no I/O, so a re-run against an unchanged workspace yields an empty plan, which is how a
/// second import makes zero writes.
public enum Planner {
    /// SCIM PATCH requests carry at most this many members (DESIGN section 6).
    public static let membershipChunkSize = 100

    public static func plan(_ desired: DesiredState, against snapshot: WorkspaceSnapshot) -> Plan {
        var plan = Plan(desired: desired, snapshot: snapshot)
        let config = desired.config

        var seenEmails = Set<String>()
        for participant in desired.participants where snapshot.userIDs[participant.email] == nil {
            guard seenEmails.insert(participant.email).inserted else { continue }
            plan.userCreations.append(UserCreation(email: participant.email, displayName: participant.name))
        }

        for group in desired.groups {
            guard let existing = snapshot.groups[group.name] else {
                let scope: GroupScope = snapshot.hasAccount
                    ? .account(existingID: snapshot.accountGroups?[group.name]) : .workspaceLocal
                plan.groupCreations.append(
                    GroupCreation(name: group.name, entitlements: config.groupEntitlements, scope: scope))
                appendMemberships(group.memberEmails, to: group.name, in: &plan)
                continue
            }
            let missingEntitlements = config.groupEntitlements.filter { !existing.entitlements.contains($0) }
            if !missingEntitlements.isEmpty {
                plan.entitlementGrants.append(
                    EntitlementGrant(group: group.name, groupID: existing.id, entitlements: missingEntitlements))
            }
            let missingMembers = unique(group.memberEmails).filter { email in
                guard let id = snapshot.userIDs[email] else { return true }
                return !existing.memberIDs.contains(id)
            }
            appendMemberships(missingMembers, to: group.name, in: &plan)
        }

        if let users = snapshot.usersGroup {
            let stillThere = config.lockDownUsersGroup.filter { users.entitlements.contains($0) }
            if !stillThere.isEmpty {
                plan.lockdown = UsersGroupLockdown(groupID: users.id, entitlements: stillThere)
            }
        }

        for resource in desired.resources {
            guard case .found(let objectID, let held)? = snapshot.resources[resource] else { continue }
            let entries = desired.groups.compactMap { group -> ACLEntry? in
                guard let wanted = group.levels[resource.kind] else { return nil }
                if let current = held[group.name], resource.kind.satisfies(held: current, wanted: wanted) { return nil }
                return ACLEntry(group: group.name, level: wanted)
            }
            if !entries.isEmpty {
                plan.aclUpdates.append(ACLUpdate(resource: resource, objectID: objectID, entries: entries))
            }
        }

        for grant in config.unityCatalog.grants {
            let securable = SecurableRef(securable: grant.securable, name: grant.name)
            let current = snapshot.grants[securable] ?? [:]
            // A grant by name to a group with a local and an account namesake would land on the
            // account group, which the roster's members are not in: send none.
            for group in desired.groups where !snapshot.hasNameConflict(group.name) {
                let held = current[group.name] ?? []
                if held.contains("ALL PRIVILEGES") { continue }
                let missing = unique(grant.privileges.map(PrivilegeName.sql)).filter { !held.contains($0) }
                if !missing.isEmpty {
                    plan.grantAdditions.append(GrantAddition(securable: securable, group: group.name, privileges: missing))
                }
            }
        }

        plan.warnings = warnings(for: plan)
        return plan
    }

    private static func appendMemberships(_ emails: [String], to group: String, in plan: inout Plan) {
        let emails = unique(emails)
        var start = 0
        while start < emails.count {
            let end = min(start + membershipChunkSize, emails.count)
            plan.membershipAdditions.append(MembershipAddition(group: group, emails: Array(emails[start..<end])))
            start = end
        }
    }

    private static func warnings(for plan: Plan) -> [String] {
        var warnings: [String] = []
        for resource in plan.desired.resources {
            if case .unavailable(let reason)? = plan.snapshot.resources[resource] {
                warnings.append("\(reason); rows that need it will fail")
            }
        }
        let grantedGroups = Set(plan.grantAdditions.map(\.group))
        for group in plan.desired.groups {
            let snapshot = plan.snapshot
            if snapshot.hasNameConflict(group.name) {
                warnings.append(LocalGroupAdvice.conflict(group: group.name))
                continue
            }
            guard grantedGroups.contains(group.name) else { continue }
            if let existing = snapshot.groups[group.name], !existing.isAccountGroup {
                warnings.append(LocalGroupAdvice.warning(group: group.name, exists: true))
            } else if snapshot.groups[group.name] == nil && !snapshot.hasAccount {
                warnings.append(LocalGroupAdvice.warning(group: group.name, exists: false))
            }
        }
        return warnings
    }

    private static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}

/// Unity Catalog privilege names: SQL writes `USE CATALOG`, REST writes `USE_CATALOG`.
public enum PrivilegeName {
    /// Upper case with single spaces: the form plans and snapshots compare.
    public static func sql(_ name: String) -> String {
        name.uppercased().split(whereSeparator: { $0 == " " || $0 == "_" }).joined(separator: " ")
    }

    public static func rest(_ name: String) -> String {
        sql(name).split(separator: " ").joined(separator: "_")
    }
}

/// Why grants to a workspace-local group fail, and what the organizer can do about it.
public enum LocalGroupAdvice {
    public static func warning(group: String, exists: Bool) -> String {
        let what = exists
            ? "group '\(group)' is a workspace-local group"
            : "group '\(group)' does not exist and would be created as a workspace-local group"
        return "\(what); Unity Catalog only grants to account groups, so its grants will fail "
            + "(\"Could not find principal with name \(group)\"). \(fix(group: group))"
    }

    public static func fix(group: String) -> String {
        "Fix: create '\(group)' as an account group and assign it to this workspace "
            + "(or configure account_id so that Rollcall does it), then run the import again."
    }

    /// A local group and an account group share the name: which one the organizer meant is theirs
    /// to say, so Rollcall converts nothing and grants go to neither.
    public static func conflict(group: String) -> String {
        "group '\(group)' exists both as a workspace-local group and as an account group not assigned to "
            + "this workspace; Rollcall does not convert or pick between them, and Unity Catalog grants "
            + "to the local one fail. \(conflictFix(group: group))"
    }

    public static func conflictFix(group: String) -> String {
        "Fix: delete or rename the workspace-local '\(group)' (or the account group), assign the account "
            + "group to this workspace, then run the import again."
    }

    /// `validate` works offline: it cannot see the workspace, only that no account is configured.
    public static func offlineWarning(group: String) -> String {
        "group '\(group)' needs Unity Catalog grants; if it does not already exist as an account group it "
            + "will be created workspace-local and its grants will fail, because no account is configured. "
            + "Configure account_id (profile, DATABRICKS_ACCOUNT_ID or --account-id) so that Rollcall creates "
            + "it at the account level, or create it there yourself."
    }
}
