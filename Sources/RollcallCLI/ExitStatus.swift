/// Process exit codes (DESIGN section 3).
public enum ExitStatus: Int32, Sendable {
    /// Every row succeeded (or: valid, printed, done).
    case success = 0
    /// Some rows failed; the results CSV says which.
    case rowsFailed = 1
    /// Usage error or invalid roster/config; nothing in the workspace was touched.
    case invalidInput = 2
    /// Cannot authenticate or reach the workspace.
    case unreachable = 3
    /// Stopped by Ctrl-C after finishing in-flight work.
    case interrupted = 130
}
