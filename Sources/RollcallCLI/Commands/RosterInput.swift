import RollcallKit

/// Step 1 of every roster command (`validate`, `import`, `offboard`): read the workshop config and
/// the roster offline, and report problems the same way everywhere.
///
/// ```swift
/// guard let input = RosterInput.load(roster: options.roster, workshop: options.workshop,
///                                    delimiter: options.delimiter, console: console)
/// else { return .invalidInput }   // problems are already on stderr; nothing was touched
/// ```
enum RosterInput {
    /// A roster that passed validation, with the config it was checked against.
    struct Loaded {
        var roster: Roster
        var workshop: WorkshopConfig
        var report: RosterReport
    }

    /// Loads both files; on any error prints the diagnostics and returns nil (exit 2). Warnings are
    /// printed either way.
    static func load(roster: String, workshop: String?, delimiter: UInt8?, console: Console) -> Loaded? {
        let (report, config) = read(roster: roster, workshop: workshop, delimiter: delimiter, keepParticipants: true)
        printDiagnostics(report, console: console)
        guard let config, let validRoster = report.roster else { return nil }
        return Loaded(roster: validRoster, workshop: config, report: report)
    }

    /// The report, with config errors as its errors when the workshop file is unusable (the roster is
    /// then not read: its levels could not be checked).
    static func read(roster: String, workshop: String?, delimiter: UInt8?, keepParticipants: Bool)
        -> (report: RosterReport, workshop: WorkshopConfig?)
    {
        let config: WorkshopConfig
        if let workshop {
            do {
                config = try WorkshopConfigDecoder.load(path: workshop)
            } catch {
                return (RosterReport(file: roster, errors: error.diagnostics), nil)
            }
        } else {
            config = .default
        }
        let report = RosterLoader.load(
            path: roster, workshop: config, delimiter: delimiter, keepParticipants: keepParticipants)
        return (report, config)
    }

    /// Every problem as `file:line: severity: message` on stderr, then a count when invalid.
    static func printDiagnostics(_ report: RosterReport, console: Console) {
        var text = report.diagnostics.map { "\($0)\n" }.joined()
        if !report.isValid {
            let count = report.errors.count
            text += "\(report.file): \(count) error\(count == 1 ? "" : "s"); nothing was changed\n"
        }
        if !text.isEmpty { console.err(text) }
    }
}
