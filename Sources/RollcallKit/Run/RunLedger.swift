/// Everything that has happened so far in a run, keyed the way rows look things up.
///
/// Rows are assembled from it both at the end and every second during the run (for the results
/// file), so an action that has not finished yet reads as `skipped` / interrupted.
struct RunLedger: Sendable {
    var createdUsers: [String: String] = [:]
    var userFailures: [String: String] = [:]
    var createdGroups: [String: String] = [:]
    var groupFailures: [String: String] = [:]
    /// email+group -> outcome of the chunk that carried it.
    var memberships: [MembershipKey: Result<Void, ActionFailure>] = [:]
    var entitlementFailures: [String: String] = [:]
    var lockdownFailure: String?
    var acl: [ACLKey: Result<Void, ActionFailure>] = [:]
    var grants: [GrantKey: Result<Void, ActionFailure>] = [:]

    struct MembershipKey: Hashable, Sendable {
        var email: String
        var group: String
    }

    struct ACLKey: Hashable, Sendable {
        var resource: ResourceRef
        var group: String
    }

    struct GrantKey: Hashable, Sendable {
        var securable: SecurableRef
        var group: String
    }
}

/// A failed action's message, as the API put it.
struct ActionFailure: Error, Hashable, Sendable {
    var message: String

    /// Runs one action and keeps its error as a value, so one row's failure never stops another's.
    static func attempt<T>(_ body: () async throws -> T) async -> Result<T, ActionFailure> {
        do {
            return .success(try await body())
        } catch {
            return .failure(ActionFailure(message: String(describing: error)))
        }
    }
}
