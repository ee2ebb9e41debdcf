/// What has happened so far in an offboard, keyed the way rows look things up. Rows are assembled
/// from it every second and at the end, so an action not yet returned reads as interrupted.
struct OffboardLedger: Sendable {
    var memberships: [RunLedger.MembershipKey: Result<Void, ActionFailure>] = [:]
    var users: [String: Result<RemovalOutcome, ActionFailure>] = [:]
    var acl: [ResourceRef: Result<Void, ActionFailure>] = [:]
    var revocations: [RunLedger.GrantKey: Result<Void, ActionFailure>] = [:]
    /// A group whose access could not be removed is not deleted; the failure says why.
    var groups: [String: Result<RemovalOutcome, ActionFailure>] = [:]
}
