/// The one entry point from a roster file to validated participants.
///
/// ```swift
/// let report = RosterLoader.load(path: "roster.csv", workshop: config)
/// guard let roster = report.roster else { /* print report.diagnostics, exit 2 */ }
/// ```
/// or, throwing: `let roster = try RosterLoader.roster(path: "roster.csv", workshop: config)`.
public enum RosterLoader {
    /// Reads, maps and validates the roster at `path` in one streaming pass and reports every problem.
    ///
    /// - Parameters:
    ///   - path: The CSV file; messages name it as given.
    ///   - workshop: Supplies the default group, default levels and which resources exist.
    ///   - delimiter: A fixed delimiter byte, or nil to sniff it from the header line.
    ///   - keepParticipants: false keeps only counts and groups (for summaries of huge files).
    /// - Returns: The report; `report.roster` is non-nil only when there are no errors.
    public static func load(
        path: String, workshop: WorkshopConfig = .default, delimiter: UInt8? = nil, keepParticipants: Bool = true
    ) -> RosterReport {
        intake(file: path, workshop: workshop, keepParticipants: keepParticipants) { body throws(CSVError) in
            try CSVReader(delimiter: delimiter).read(path: path, body)
        }
    }

    /// Same as ``load(path:workshop:delimiter:keepParticipants:)`` for bytes already in memory.
    public static func load(
        bytes: [UInt8], file: String, workshop: WorkshopConfig = .default, delimiter: UInt8? = nil,
        keepParticipants: Bool = true
    ) -> RosterReport {
        intake(file: file, workshop: workshop, keepParticipants: keepParticipants) { body throws(CSVError) in
            try CSVReader(delimiter: delimiter).read(bytes: bytes, body)
        }
    }

    /// Runs one read through header mapping and validation.
    private static func intake(
        file: String, workshop: WorkshopConfig, keepParticipants: Bool,
        read: ((CSVRecordView) -> Void) throws(CSVError) -> CSVReader.Summary
    ) -> RosterReport {
        var intake = RosterIntake(file: file, workshop: workshop, keepParticipants: keepParticipants)
        do {
            let summary = try read { intake.accept($0) }
            return intake.finish(summary: summary, error: nil)
        } catch {
            return intake.finish(summary: nil, error: error)
        }
    }

    /// The validated roster, or every problem as ``RosterError/invalid(_:)``.
    public static func roster(
        path: String, workshop: WorkshopConfig = .default, delimiter: UInt8? = nil
    ) throws(RosterError) -> Roster {
        let report = load(path: path, workshop: workshop, delimiter: delimiter)
        guard let roster = report.roster else { throw .invalid(report.diagnostics) }
        return roster
    }
}

/// Glue between the reader and the validator: the first record is the header.
private struct RosterIntake {
    let file: String
    let workshop: WorkshopConfig
    let keepParticipants: Bool
    var validator: RosterValidator?
    var headerErrors: [RosterDiagnostic] = []
    var headerWarnings: [RosterDiagnostic] = []

    init(file: String, workshop: WorkshopConfig, keepParticipants: Bool) {
        self.file = file
        self.workshop = workshop
        self.keepParticipants = keepParticipants
    }

    mutating func accept(_ record: CSVRecordView) {
        if validator != nil { return validator!.accept(record) }
        guard headerErrors.isEmpty else { return }
        let (header, problems) = RosterHeader.map(record.strings)
        for problem in problems {
            let diagnostic = RosterDiagnostic(
                file: file, line: record.line, severity: problem.isError ? .error : .warning, message: problem.message)
            if problem.isError { headerErrors.append(diagnostic) } else { headerWarnings.append(diagnostic) }
        }
        if !record.isValidUTF8 {
            headerErrors.append(
                RosterDiagnostic(
                    file: file, line: record.line, severity: .error,
                    message: "the header is not valid UTF-8; save the roster as \"CSV UTF-8\" (Excel: File > Save As)"))
        }
        if headerErrors.isEmpty {
            validator = RosterValidator(
                file: file, header: header, workshop: workshop, keepParticipants: keepParticipants)
        }
    }

    mutating func finish(summary: CSVReader.Summary?, error: CSVError?) -> RosterReport {
        var report = validator?.finish() ?? RosterReport(file: file)
        report.errors += headerErrors
        report.warnings += headerWarnings
        if let error {
            report.errors.append(
                RosterDiagnostic(file: file, line: error.line, severity: .error, message: error.description))
            report.participants = []
        } else if validator == nil && headerErrors.isEmpty {
            report.errors.append(
                RosterDiagnostic(
                    file: file, line: 0, severity: .error,
                    message: "the roster is empty; it needs a header line with an email column"))
        } else if validator != nil && report.rows == 0 {
            report.warnings.append(
                RosterDiagnostic(
                    file: file, line: 0, severity: .warning,
                    message: "the roster has a header but no participant rows; nothing would be imported"))
        }
        for warning in summary?.warnings ?? [] {
            report.warnings.append(
                RosterDiagnostic(file: file, line: warning.line, severity: .warning, message: warning.message))
        }
        report.errors = RosterValidator.sortedByLine(report.errors)
        report.warnings = RosterValidator.sortedByLine(report.warnings)
        return report
    }
}
