/// Why a workshop config cannot be used. Every problem names the key path to fix.
public enum WorkshopConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    case unreadable(file: String, reason: String)
    case malformedJSON(file: String, reason: String)
    /// Every problem found in one pass, in document order.
    case invalid(file: String, problems: [WorkshopConfigProblem])

    public var file: String {
        switch self {
        case .unreadable(let file, _), .malformedJSON(let file, _), .invalid(let file, _): file
        }
    }

    /// One diagnostic per problem, for the CLI's `file: error: ...` lines.
    public var diagnostics: [RosterDiagnostic] {
        switch self {
        case .unreadable(let file, let reason):
            [
                RosterDiagnostic(
                    file: file, line: 0, severity: .error, message: "cannot read the workshop config: \(reason)")
            ]
        case .malformedJSON(let file, let reason):
            [RosterDiagnostic(file: file, line: 0, severity: .error, message: "not valid JSON: \(reason)")]
        case .invalid(let file, let problems):
            problems.map { RosterDiagnostic(file: file, line: 0, severity: .error, message: $0.description) }
        }
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// One problem at one key path of the workshop config.
public struct WorkshopConfigProblem: Sendable, Hashable, CustomStringConvertible {
    /// Dotted path with indices, e.g. `unityCatalog.grants[1].privilege`; empty for the document.
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}
