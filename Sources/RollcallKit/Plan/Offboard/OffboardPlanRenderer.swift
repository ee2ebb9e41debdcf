/// The offboard plan as the organizer checks it before anything is removed: who is removed, who is
/// kept and why, and what `--delete-groups` revokes and deletes.
public enum OffboardPlanRenderer {
    public static func render(_ plan: OffboardPlan) -> String {
        let rows = plan.desired.participants.count
        var lines = ["Offboard plan for \(rows) participant\(rows == 1 ? "" : "s") in \(plan.desired.groups.count) group(s):"]
        if plan.isEmpty { lines.append("  nothing to remove: no roster user or group access is left") }
        let absent = plan.desired.emails.filter { plan.snapshot.userIDs[$0] == nil }.count
        if absent > 0 { lines.append("  \(absent) user(s) already absent") }
        var byGroup: [(String, Int, Int)] = []
        for removal in plan.membershipRemovals {
            if let last = byGroup.last, last.0 == removal.group {
                byGroup[byGroup.count - 1].1 += removal.members.count
                byGroup[byGroup.count - 1].2 += 1
            } else {
                byGroup.append((removal.group, removal.members.count, 1))
            }
        }
        for (group, members, requests) in byGroup {
            lines.append("  remove \(members) member(s) from group '\(group)' (\(requests) request\(requests == 1 ? "" : "s"))")
        }
        if !plan.userDeletions.isEmpty { lines.append("  delete \(plan.userDeletions.count) user(s)") }
        for (email, protection) in plan.protected.sorted(by: { $0.key < $1.key }) {
            lines.append("  keep \(email): \(protection.message)")
        }
        for rewrite in plan.aclRewrites {
            let groups = rewrite.removedGroups.map { "'\($0)'" }.joined(separator: ", ")
            lines.append("  \(rewrite.resource): remove \(groups) (PUT with the \(rewrite.kept.count) other direct entries)")
        }
        for revocation in plan.grantRevocations {
            lines.append("  revoke \(revocation.privileges.joined(separator: ", ")) on \(revocation.securable) from '\(revocation.group)'")
        }
        for deletion in plan.groupDeletions { lines.append("  delete group '\(deletion.name)'") }
        for kept in plan.keptGroups { lines.append("  keep group '\(kept.name)': \(kept.reason)") }
        lines.append("  \(plan.writeCount) write request(s)")
        for warning in plan.warnings { lines.append("warning: \(warning)") }
        return lines.joined(separator: "\n")
    }
}
