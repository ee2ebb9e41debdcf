/// The offboard deliberately leaves the `users` group locked down (giving everyone cluster creation
/// back is an admin decision), so it ends by printing the one request that would restore it.
public enum LockdownRestoreAdvice {
    /// Nil when the `users` group already has every entitlement the workshop took away (or the
    /// workshop took none). The token stays in the environment variable: it is never printed.
    public static func message(snapshot: OffboardSnapshot, config: WorkshopConfig, host: String) -> String? {
        guard let (users, missing) = lockedDown(snapshot: snapshot, config: config) else { return nil }
        return "note: the 'users' group is still locked down (\(missing.joined(separator: ", ")) removed by the import); "
            + "offboard does not restore it. To restore it:\n  " + command(groupID: users.id, entitlements: missing, host: host)
    }

    /// Just the command, for `--json`.
    public static func command(snapshot: OffboardSnapshot, config: WorkshopConfig, host: String) -> String? {
        lockedDown(snapshot: snapshot, config: config).map { command(groupID: $0.0.id, entitlements: $0.1, host: host) }
    }

    private static func lockedDown(snapshot: OffboardSnapshot, config: WorkshopConfig) -> (GroupState, [String])? {
        guard let users = snapshot.usersGroup else { return nil }
        let missing = config.lockDownUsersGroup.filter { !users.entitlements.contains($0) }
        return missing.isEmpty ? nil : (users, missing)
    }

    /// A `curl` SCIM PATCH adding the entitlements back, with `$DATABRICKS_TOKEN` left for the shell.
    public static func command(groupID: String, entitlements: [String], host: String) -> String {
        let values = entitlements.map { "{\"value\":\"\($0)\"}" }.joined(separator: ",")
        let body = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
            + "\"Operations\":[{\"op\":\"add\",\"path\":\"entitlements\",\"value\":[\(values)]}]}"
        return "curl -X PATCH '\(host)/api/2.0/preview/scim/v2/Groups/\(groupID)' "
            + "-H \"Authorization: Bearer $DATABRICKS_TOKEN\" -H 'Content-Type: application/scim+json' -d '\(body)'"
    }
}
