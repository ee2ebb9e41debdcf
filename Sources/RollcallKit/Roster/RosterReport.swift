/// Everything one pass over a roster found: the effective participants, per-group summary, and
/// every problem, sorted by line. The CLI prints it; import and offboard take ``roster``.
public struct RosterReport: Sendable, Hashable {
    /// The roster file as given, used in messages (`roster.csv:12: error: ...`).
    public var file: String
    /// Data rows read (header, blank and all-empty rows excluded).
    public var rows: Int
    /// Effective participants in file order, identical duplicates merged; empty when the loader was
    /// asked not to keep them.
    public var participants: [Participant]
    /// Number of effective participants (kept even when `participants` is not).
    public var participantCount: Int
    /// Groups in order of first appearance.
    public var groups: [GroupSummary]
    public var errors: [RosterDiagnostic]
    public var warnings: [RosterDiagnostic]

    public init(
        file: String, rows: Int = 0, participants: [Participant] = [], participantCount: Int = 0,
        groups: [GroupSummary] = [], errors: [RosterDiagnostic] = [], warnings: [RosterDiagnostic] = []
    ) {
        self.file = file
        self.rows = rows
        self.participants = participants
        self.participantCount = participantCount
        self.groups = groups
        self.errors = errors
        self.warnings = warnings
    }

    /// A roster with any error changes nothing.
    public var isValid: Bool { errors.isEmpty }

    /// The validated roster, or nil when there are errors.
    public var roster: Roster? { isValid ? Roster(participants: participants, warnings: warnings) : nil }

    /// Errors and warnings together, sorted by line (errors first on a tie).
    public var diagnostics: [RosterDiagnostic] {
        (errors + warnings).enumerated().sorted {
            ($0.element.line, $0.element.severity == .error ? 0 : 1, $0.offset)
                < ($1.element.line, $1.element.severity == .error ? 0 : 1, $1.offset)
        }.map(\.element)
    }
}

/// Why a roster cannot be used, for callers that prefer `throws` to a report.
public enum RosterError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Every problem found, sorted by line.
    case invalid([RosterDiagnostic])

    public var diagnostics: [RosterDiagnostic] {
        switch self {
        case .invalid(let diagnostics): diagnostics
        }
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
