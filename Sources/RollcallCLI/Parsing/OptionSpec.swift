import RollcallKit

/// One `--option` of a command: its spelling, its value's placeholder, its help, and how it sets
/// the command's options. Commands are tables of these, so parsing, suggestions and help agree.
struct OptionSpec<Options>: Sendable {
    let name: String
    /// Placeholder for the value (`N`, `FILE`), nil for a flag without value.
    let value: String?
    let help: String
    let apply: @Sendable (inout Options, String) throws(UsageError) -> Void

    /// An option that takes a value.
    init(
        _ name: String, _ value: String, _ help: String,
        _ apply: @escaping @Sendable (inout Options, String) throws(UsageError) -> Void
    ) {
        self.name = name
        self.value = value
        self.help = help
        self.apply = apply
    }

    /// A flag.
    init(_ name: String, _ help: String, _ set: @escaping @Sendable (inout Options) -> Void) {
        self.name = name
        self.value = nil
        self.help = help
        self.apply = { options, _ in set(&options) }
    }

    /// A flag that can refuse to combine with what came before.
    init(_ name: String, _ help: String, checked: @escaping @Sendable (inout Options) throws(UsageError) -> Void) {
        self.name = name
        self.value = nil
        self.help = help
        self.apply = { options, _ throws(UsageError) in try checked(&options) }
    }
}

/// A command's grammar: positionals and options, parsed into `Options`.
struct CommandSpec<Options>: Sendable {
    /// `import`, `auth check`.
    let name: String
    let summary: String
    /// Required positionals in order (`ROSTER`); each sets the options through `positional`.
    let positionals: [String]
    let options: [OptionSpec<Options>]
    let positional: @Sendable (inout Options, Int, String) throws(UsageError) -> Void
    /// Checks across options once everything is read.
    var validate: @Sendable (Options) throws(UsageError) -> Void = { _ throws(UsageError) in }

    /// Parses `arguments` (after the command words); nil when they ask for help.
    func parse(_ arguments: ArraySlice<String>, into initial: Options) throws(UsageError) -> Options? {
        var options = initial
        var iterator = arguments.makeIterator()
        var onlyPositionals = false
        var positionalCount = 0
        while let argument = iterator.next() {
            if !onlyPositionals && argument == "--" {
                onlyPositionals = true
            } else if !onlyPositionals && (argument == "--help" || argument == "-h") {
                return nil
            } else if !onlyPositionals && argument.hasPrefix("-") && argument != "-" {
                try apply(argument, next: { iterator.next() }, to: &options)
            } else {
                guard positionalCount < positionals.count else {
                    throw error("unexpected argument '\(argument)'")
                }
                try withCommand { () throws(UsageError) in try positional(&options, positionalCount, argument) }
                positionalCount += 1
            }
        }
        if positionalCount < positionals.count {
            throw error("missing \(positionals[positionalCount]); usage: rollcall \(name) \(synopsis)")
        }
        try withCommand { () throws(UsageError) in try validate(options) }
        return options
    }

    private func apply(_ argument: String, next: () -> String?, to options: inout Options) throws(UsageError) {
        let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let name = String(parts[0])
        let inline = parts.count > 1 ? String(parts[1]) : nil
        guard let spec = self.options.first(where: { $0.name == name }) else {
            let hint = Suggestion.closest(to: name, among: self.options.map(\.name) + ["--help"])
            throw error(
                "unknown option '\(name)' for 'rollcall \(self.name)'" + (hint.map { "; did you mean '\($0)'?" } ?? ""))
        }
        guard let placeholder = spec.value else {
            if inline != nil { throw error("\(name) takes no value") }
            return try withCommand { () throws(UsageError) in try spec.apply(&options, "") }
        }
        guard let value = inline ?? next(), inline != nil || !value.hasPrefix("--") else {
            throw error("\(name) needs a value (\(name) \(placeholder))")
        }
        try withCommand { () throws(UsageError) in try spec.apply(&options, value) }
    }

    /// Value errors are raised without knowing the command; attach it for the help hint.
    private func withCommand(_ body: () throws(UsageError) -> Void) throws(UsageError) {
        do {
            try body()
        } catch {
            throw UsageError(error.message, command: error.command ?? name)
        }
    }

    func error(_ message: String) -> UsageError { UsageError(message, command: name) }

    /// `ROSTER [options]`
    var synopsis: String { (positionals + (options.isEmpty ? [] : ["[options]"])).joined(separator: " ") }

    /// The text `rollcall NAME --help` prints.
    var help: String {
        let rows =
            options.map { option in (option.value.map { "\(option.name) \($0)" } ?? option.name, option.help) }
            + [("--help", "Show this help.")]
        let width = (rows.map(\.0.count).max() ?? 0) + 2
        let lines = rows.map { "  " + $0.0 + String(repeating: " ", count: width - $0.0.count) + $0.1 }
        return "\(summary)\n\nUSAGE: rollcall \(name) \(synopsis)\n\nOPTIONS:\n" + lines.joined(separator: "\n") + "\n"
    }
}
