/// Why `--retry-failed` cannot run; nothing in the workspace has been touched when it is thrown.
public enum RetryFailedError: Error, Sendable, Hashable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case notResults(path: String, line: Int, reason: String)
    /// The roster no longer matches the results file; each difference names its line.
    case rosterChanged(results: String, roster: String, differences: [String])

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            "cannot read the earlier results \(path): \(reason)"
        case .notResults(let path, let line, let reason):
            "\(path):\(line): error: not a Rollcall import results file: \(reason)"
        case .rosterChanged(let results, let roster, let differences):
            "\(roster) has changed since \(results) was written, so its failed rows cannot be matched; "
                + "re-run without --retry-failed (a full import only does what is missing). Differences:\n"
                + differences.map { "  \($0)" }.joined(separator: "\n")
        }
    }
}
