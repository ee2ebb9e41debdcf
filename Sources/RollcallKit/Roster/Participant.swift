/// One validated roster row: who joins, which group, and the levels the row asks for.
///
/// Values are effective: defaults from the workshop config are already applied, the email is
/// cleaned and lower-cased. `line` is the physical line where the row starts in the file, which is
/// the number users see in errors and in the results CSV.
public struct Participant: Sendable, Hashable {
    public var line: Int
    /// Cleaned, lower-cased login (`userName`).
    public var email: String
    /// `displayName`, or nil when the roster has no name for this row.
    public var name: String?
    public var group: String
    /// Effective level per resource kind; a missing key means no access on that kind.
    public var levels: [ResourceKind: PermissionLevel]

    public init(line: Int, email: String, name: String?, group: String, levels: [ResourceKind: PermissionLevel]) {
        self.line = line
        self.email = email
        self.name = name
        self.group = group
        self.levels = levels
    }
}

/// A roster that passed validation: participants in file order, plus warnings worth showing.
public struct Roster: Sendable, Hashable {
    public var participants: [Participant]
    public var warnings: [RosterDiagnostic]

    public init(participants: [Participant], warnings: [RosterDiagnostic] = []) {
        self.participants = participants
        self.warnings = warnings
    }

    /// Roster groups in order of first appearance.
    public var groups: [String] {
        var seen = Set<String>()
        return participants.map(\.group).filter { seen.insert($0).inserted }
    }
}

/// A problem found in a roster or config file, tied to the line users fix it on.
public struct RosterDiagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable { case error, warning }

    public var file: String
    /// 1-based physical line; 0 when the problem concerns the whole file.
    public var line: Int
    public var severity: Severity
    public var message: String

    public init(file: String, line: Int, severity: Severity, message: String) {
        self.file = file
        self.line = line
        self.severity = severity
        self.message = message
    }

    /// `roster.csv:12: error: message`, the shape compilers and editors understand.
    public var description: String {
        line > 0 ? "\(file):\(line): \(severity.rawValue): \(message)" : "\(file): \(severity.rawValue): \(message)"
    }
}
