/// A command line that cannot run; printed as `Error: ...` with a pointer to help, exit 2.
public struct UsageError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    /// The command whose help to point at (`import`, `auth check`), nil for the tool.
    public var command: String?

    public init(_ message: String, command: String? = nil) {
        self.message = message
        self.command = command
    }

    public var description: String { message }

    /// `Run 'rollcall import --help' for usage.`
    public var helpHint: String {
        "Run 'rollcall\(command.map { " \($0)" } ?? "") --help' for usage."
    }
}
