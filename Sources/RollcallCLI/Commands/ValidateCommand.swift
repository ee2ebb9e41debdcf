import Foundation
import RollcallKit

/// `rollcall validate`: reads the roster and config offline and reports every problem.
///
/// Problems go to stderr as `roster.csv:12: error: ...`; the summary (or `--json` report) to stdout.
/// Exit 0 when valid, 2 when not.
enum ValidateCommand {
    static func run(
        _ options: ValidateOptions, console: Console,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        workingDirectory: String = FileManager.default.currentDirectoryPath
    ) -> ExitStatus {
        var (report, config) = RosterInput.read(
            roster: options.roster, workshop: options.workshop, delimiter: options.delimiter,
            keepParticipants: options.json)
        if report.isValid, let config {
            // Local settings only (environment, .env, ~/.databrickscfg): validate stays offline.
            let account = CredentialResolver.accountConfigured(
                CredentialInputs(environment: environment, workingDirectory: workingDirectory))
            report.warnings += OfflineGroupCheck.warnings(for: report, config: config, accountConfigured: account)
        }
        if options.json {
            console.out(ValidateReportJSON.render(report))
        } else {
            RosterInput.printDiagnostics(report, console: console)
            if report.isValid { console.out(summary(report)) }
        }
        return report.isValid ? .success : .invalidInput
    }

    /// `N participants in G groups`, then one line per group with its count and effective levels.
    static func summary(_ report: RosterReport) -> String {
        let count = report.participantCount
        var text =
            "\(report.file): valid, \(count) participant\(count == 1 ? "" : "s") "
            + "in \(report.groups.count) group\(report.groups.count == 1 ? "" : "s") (\(report.rows) rows)\n"
        let width = (report.groups.map(\.name.count).max() ?? 0) + 2
        for group in report.groups {
            let levels = ResourceKind.allCases.compactMap { kind in
                group.levels[kind].map { "\(kind.displayName) \($0)" }
            }
            let members = "\(group.participantCount) participant\(group.participantCount == 1 ? "" : "s")"
            text +=
                "  " + group.name + String(repeating: " ", count: width - group.name.count)
                + members + (levels.isEmpty ? "" : "; " + levels.joined(separator: ", ")) + "\n"
        }
        return text
    }
}

/// The `--json` shape of the issue: `{"valid", "rows", "participants", "errors", "warnings"}`.
enum ValidateReportJSON {
    static func render(_ report: RosterReport) -> String {
        var text = "{\"valid\": \(report.isValid), \"rows\": \(report.rows),\n \"participants\": ["
        for (index, participant) in report.participants.enumerated() {
            text += index == 0 ? "\n  " : ",\n  "
            text += "{\"line\": \(participant.line), \"email\": \(JSONText.quoted(participant.email)), "
            text +=
                "\"name\": \(JSONText.quotedOrNull(participant.name)), \"group\": \(JSONText.quoted(participant.group))"
            for kind in ResourceKind.allCases {
                text += ", \"\(kind.rosterColumn)\": \(JSONText.quotedOrNull(participant.levels[kind]?.rawValue))"
            }
            text += "}"
        }
        text += report.participants.isEmpty ? "],\n" : "\n ],\n"
        text += " \"errors\": \(diagnostics(report.errors)),\n \"warnings\": \(diagnostics(report.warnings))}\n"
        return text
    }

    /// Messages of problems in other files (the workshop config) carry the file name.
    private static func diagnostics(_ list: [RosterDiagnostic]) -> String {
        let items = list.map { diagnostic in
            let message = diagnostic.line == 0 ? "\(diagnostic.file): \(diagnostic.message)" : diagnostic.message
            return "{\"line\": \(diagnostic.line), \"message\": \(JSONText.quoted(message))}"
        }
        return "[" + items.joined(separator: ", ") + "]"
    }
}
