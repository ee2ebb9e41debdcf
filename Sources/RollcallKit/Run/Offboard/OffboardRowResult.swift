/// One line of the offboard results CSV: what happened to one roster row.
public struct OffboardRowResult: Sendable, Hashable {
    public var participant: Participant
    public var userID: String?
    public var membership: OffboardOutcome
    public var user: OffboardOutcome
    public var status: OffboardStatus
    public var errors: [String]

    public init(
        participant: Participant, userID: String?, membership: OffboardOutcome, user: OffboardOutcome,
        status: OffboardStatus, errors: [String]
    ) {
        self.participant = participant
        self.userID = userID
        self.membership = membership
        self.user = user
        self.status = status
        self.errors = errors
    }
}

public enum OffboardOutcome: String, Sendable, Hashable, CaseIterable {
    case removed, absent, failed, skipped
}

/// `skipped`: a protected user (running identity, admin) or work an interrupt left undone.
public enum OffboardStatus: String, Sendable, Hashable, CaseIterable {
    case ok, failed, skipped
}
