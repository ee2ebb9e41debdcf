/// The plan as an organizer reads it before 9 a.m.: what will be created, added and granted,
/// with counts first and names after, and the warnings last so they stay on screen.
public enum PlanRenderer {
    public static func render(_ plan: Plan) -> String {
        var lines: [String] = []
        let participants = plan.desired.participants.count
        lines.append("Plan for \(participants) participant\(participants == 1 ? "" : "s") in \(plan.desired.groups.count) group(s):")
        if plan.isEmpty {
            lines.append("  nothing to change: the workspace already matches the roster")
        }
        if !plan.userCreations.isEmpty {
            lines.append("  create \(plan.userCreations.count) user(s)")
        }
        let existingUsers = plan.desired.emails.count - plan.userCreations.count
        if existingUsers > 0 { lines.append("  \(existingUsers) user(s) already exist") }
        for creation in plan.groupCreations {
            let entitlements = "entitlements \(creation.entitlements.joined(separator: ", "))"
            switch creation.scope {
            case .workspaceLocal:
                lines.append("  create group '\(creation.name)' (workspace-local) with \(entitlements)")
            case .account(nil):
                lines.append(
                    "  create group '\(creation.name)' at the account level, assign it to the workspace, give it \(entitlements)")
            case .account(let id?):
                lines.append("  assign account group '\(creation.name)' (id \(id)) to the workspace, give it \(entitlements)")
            }
        }
        for grant in plan.entitlementGrants {
            lines.append("  add entitlements \(grant.entitlements.joined(separator: ", ")) to group '\(grant.group)'")
        }
        var membersByGroup: [(String, Int)] = []
        for addition in plan.membershipAdditions {
            if let last = membersByGroup.last, last.0 == addition.group {
                membersByGroup[membersByGroup.count - 1].1 += addition.emails.count
            } else {
                membersByGroup.append((addition.group, addition.emails.count))
            }
        }
        for (group, count) in membersByGroup {
            let requests = plan.membershipAdditions.filter { $0.group == group }.count
            lines.append("  add \(count) member(s) to group '\(group)' (\(requests) request\(requests == 1 ? "" : "s"))")
        }
        if let lockdown = plan.lockdown {
            lines.append("  lock down group 'users': remove \(lockdown.entitlements.joined(separator: ", "))")
        }
        for update in plan.aclUpdates {
            let entries = update.entries.map { "'\($0.group)' \($0.level)" }.joined(separator: ", ")
            lines.append("  \(update.resource): raise \(entries)")
        }
        for grant in plan.grantAdditions {
            lines.append("  grant \(grant.privileges.joined(separator: ", ")) on \(grant.securable) to '\(grant.group)'")
        }
        lines.append("  \(plan.writeRequestCount) write request(s)")
        for warning in plan.warnings { lines.append("warning: \(warning)") }
        return lines.joined(separator: "\n")
    }
}
