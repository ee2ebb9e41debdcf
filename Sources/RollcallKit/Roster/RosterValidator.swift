/// Validates roster records one at a time, as the reader streams them, and accumulates the report.
///
/// Memory stays proportional to the distinct emails (for the duplicate check) and, only when asked,
/// the participants: `rollcall validate` on a 1,000,000-row file keeps no `Participant`s.
struct RosterValidator {
    private let file: String
    private let header: RosterHeader
    private let workshop: WorkshopConfig
    private let keepParticipants: Bool
    private let defaults: LevelSet
    private let levelColumns: [(kind: ResourceKind, index: Int, column: String)]

    private(set) var report: RosterReport
    /// First row per email: line, group index and name fingerprint, to tell merges from conflicts.
    private var firstByEmail: [String: FirstRow] = [:]
    private var groupIndexByName: [String: Int] = [:]
    private var groups: [GroupSummary] = []
    private var levelCells: [String: LevelCell] = [:]
    private var sharedLevels: [LevelSet: [ResourceKind: PermissionLevel]] = [:]

    private struct FirstRow {
        var line: Int32
        var group: Int32
        var nameHash: Int
    }

    init(file: String, header: RosterHeader, workshop: WorkshopConfig, keepParticipants: Bool) {
        self.file = file
        self.header = header
        self.workshop = workshop
        self.keepParticipants = keepParticipants
        self.defaults = LevelSet.defaults(of: workshop)
        self.levelColumns = RosterColumn.allCases.compactMap { column in
            guard let kind = column.resourceKind, let index = header.indices[column] else { return nil }
            return (kind, index, header.names[index].isEmpty ? column.rawValue : header.names[index])
        }
        self.report = RosterReport(file: file)
    }

    mutating func error(_ line: Int, _ message: String) {
        report.errors.append(RosterDiagnostic(file: file, line: line, severity: .error, message: message))
    }

    mutating func warning(_ line: Int, _ message: String) {
        report.warnings.append(RosterDiagnostic(file: file, line: line, severity: .warning, message: message))
    }

    mutating func accept(_ record: CSVRecordView) {
        let line = record.line
        report.rows += 1
        guard record.isValidUTF8 else {
            return error(
                line, "this line is not valid UTF-8; save the roster as \"CSV UTF-8\" (Excel: File > Save As) and retry")
        }
        let errorCount = report.errors.count
        let email = self.email(record, line: line)
        let group = self.group(record, line: line)
        let levels = self.levels(record, line: line)
        guard report.errors.count == errorCount, let email, let group else { return }
        let name = self.name(record)

        let existingGroup = groupIndexByName[group]
        let nameHash = name.hashValue
        if let first = firstByEmail[email] {
            let firstGroup = groups[Int(first.group)]
            let sameGroup = Int(first.group) == existingGroup
            if sameGroup && first.nameHash == nameHash && firstGroup.levels == levels {
                return warning(line, "'\(email)' repeats line \(first.line) with the same values; merged into line \(first.line)")
            }
            var differences: [String] = []
            if first.nameHash != nameHash { differences.append("name") }
            if !sameGroup { differences.append("group '\(group)' here, '\(firstGroup.name)' there") }
            if firstGroup.levels != levels { differences.append("levels") }
            return error(
                line, "'\(email)' is already on line \(first.line) with different values ("
                    + differences.joined(separator: "; ") + "); keep one row per participant")
        }
        let groupIndex = existingGroup ?? addGroup(group, levels: levels, line: line)
        guard checkGroupLevels(groupIndex, levels: levels, line: line) else { return }
        firstByEmail[email] = FirstRow(line: Int32(clamping: line), group: Int32(groupIndex), nameHash: nameHash)
        groups[groupIndex].participantCount += 1
        report.participantCount += 1
        if keepParticipants {
            report.participants.append(
                Participant(line: line, email: email, name: name, group: group, levels: shared(levels)))
        }
    }

    /// Sorts the problems by line and hands over the report.
    mutating func finish() -> RosterReport {
        report.groups = groups.filter { $0.participantCount > 0 }
        report.errors = Self.sortedByLine(report.errors)
        report.warnings = Self.sortedByLine(report.warnings)
        return report
    }

    static func sortedByLine(_ diagnostics: [RosterDiagnostic]) -> [RosterDiagnostic] {
        diagnostics.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
    }

    // MARK: - Cells

    private mutating func email(_ record: CSVRecordView, line: Int) -> String? {
        switch EmailCell.clean(record.field(header.indices[.email] ?? 0)) {
        case .valid(let email):
            return email
        case .empty:
            error(line, "the email cell is empty; every row needs the participant's email")
        case .malformed(let value, let reason):
            error(line, "malformed email '\(value.debugEscaped)': \(reason); expected name@domain.tld")
        }
        return nil
    }

    private mutating func group(_ record: CSVRecordView, line: Int) -> String? {
        guard let index = header.indices[.group] else { return workshop.defaultGroup }
        let cell = CellBytes.string(record.field(index))
        if cell.isEmpty { return workshop.defaultGroup }
        if groupIndexByName[cell] != nil { return cell }
        if let problem = GroupName.problem(in: cell) {
            error(line, problem)
            return nil
        }
        return cell
    }

    private func name(_ record: CSVRecordView) -> String? {
        var name = header.indices[.name].map { CellBytes.string(record.field($0)) } ?? ""
        if name.isEmpty {
            let parts = [RosterColumn.firstName, .lastName].compactMap { column in
                header.indices[column].map { CellBytes.string(record.field($0)) }
            }
            name = parts.filter { !$0.isEmpty }.joined(separator: " ")
        }
        guard !name.isEmpty else { return nil }
        if GroupName.mayBeUnsafe(name) && name.unicodeScalars.contains(where: GroupName.isUnsafe) {
            name = String(String.UnicodeScalarView(name.unicodeScalars.map { GroupName.isUnsafe($0) ? " " : $0 }))
        }
        return name
    }

    private mutating func levels(_ record: CSVRecordView, line: Int) -> LevelSet {
        var levels = defaults
        for (kind, index, column) in levelColumns {
            let field = record.field(index)
            if field.isEmpty { continue }
            let text = String(decoding: field, as: UTF8.self)
            let cell: LevelCell
            if let cached = levelCells[text] {
                cell = cached
            } else {
                cell = LevelCell(text: text)
                levelCells[text] = cell
            }
            switch cell {
            case .useDefault:
                continue
            case .noAccess:
                levels[kind] = nil
            case .level(let level):
                if let problem = LevelCell.problem(level: level, kind: kind, column: column) {
                    error(line, problem)
                } else if !workshop.hasResource(kind) {
                    error(
                        line, "\(column): the workshop has no \(kind.displayName); leave the cell empty "
                            + "or add one to the workshop config")
                } else {
                    levels[kind] = level
                }
            }
        }
        return levels
    }

    // MARK: - Groups

    private mutating func addGroup(_ name: String, levels: LevelSet, line: Int) -> Int {
        groups.append(GroupSummary(name: name, participantCount: 0, levels: levels, firstLine: line))
        groupIndexByName[name] = groups.count - 1
        return groups.count - 1
    }

    /// Levels are granted to the group, so every row of a group must ask for the same ones.
    private mutating func checkGroupLevels(_ index: Int, levels: LevelSet, line: Int) -> Bool {
        let group = groups[index]
        guard group.levels != levels else { return true }
        for kind in ResourceKind.allCases where group.levels[kind] != levels[kind] {
            let here = levels[kind]?.rawValue ?? "no access"
            let there = group.levels[kind]?.rawValue ?? "no access"
            error(
                line, "group '\(group.name)' gets \(kind.displayName) level \(here) here but \(there) on line "
                    + "\(group.firstLine); levels are granted to the whole group, so its rows must agree")
        }
        return false
    }

    /// One shared dictionary per distinct level set, so a million participants share a handful.
    private mutating func shared(_ levels: LevelSet) -> [ResourceKind: PermissionLevel] {
        if let dictionary = sharedLevels[levels] { return dictionary }
        let dictionary = levels.dictionary
        sharedLevels[levels] = dictionary
        return dictionary
    }
}
