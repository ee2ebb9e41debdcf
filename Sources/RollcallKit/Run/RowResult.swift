/// One line of the results CSV: what happened to one roster row, column by column.
public struct RowResult: Sendable, Hashable {
    public var participant: Participant
    public var userID: String?
    public var user: UserOutcome
    public var membership: MembershipOutcome
    /// Per resource kind; kinds the row asks nothing on are `.notApplicable`.
    public var access: [ResourceKind: AccessOutcome]
    public var grants: AccessOutcome
    /// The API's own messages, in the order they happened.
    public var errors: [String]

    public init(
        participant: Participant, userID: String?, user: UserOutcome, membership: MembershipOutcome,
        access: [ResourceKind: AccessOutcome], grants: AccessOutcome, errors: [String]
    ) {
        self.participant = participant
        self.userID = userID
        self.user = user
        self.membership = membership
        self.access = access
        self.grants = grants
        self.errors = errors
    }

    /// A row is ok only when nothing it needs failed or was left undone.
    public var succeeded: Bool {
        errors.isEmpty && user != .failed && user != .skipped && membership != .failed && membership != .skipped
            && !access.values.contains { $0 == .failed || $0 == .skipped } && grants != .failed && grants != .skipped
    }
}

public enum UserOutcome: String, Sendable, Hashable, CaseIterable {
    case created, existing, failed, skipped
}

public enum MembershipOutcome: String, Sendable, Hashable, CaseIterable {
    case added, already, failed, skipped
}

/// Outcome of a group-level grant (ACL level or UC privileges) as seen from one row.
public enum AccessOutcome: String, Sendable, Hashable, CaseIterable {
    case granted, unchanged, failed, skipped
    /// Nothing asked on this resource, or the workshop has none: `-` in the CSV.
    case notApplicable = "-"

    /// Folds the outcomes of several objects of one kind (serving endpoints) into one cell.
    static func combined(_ outcomes: [AccessOutcome]) -> AccessOutcome {
        for worst in [AccessOutcome.failed, .skipped, .granted, .unchanged] where outcomes.contains(worst) {
            return worst
        }
        return .notApplicable
    }
}
