/// Validates roster records one at a time, as the reader streams them, and accumulates the report.
///
/// The hot path works on the record's bytes: emails, group names and level cells become `String`s
/// only when a participant is kept or a message needs them. Memory stays proportional to the
/// distinct emails (one arena for the duplicate check) plus, only when asked, the participants.
struct RosterValidator {
    private let file: String
    private let header: RosterHeader
    private let workshop: WorkshopConfig
    private let keepParticipants: Bool
    private let defaults: LevelSet
    private let levelColumns: [(kind: ResourceKind, index: Int, column: String)]
    /// Field positions, looked up once instead of per row.
    private let emailIndex: Int
    private let groupIndex: Int?
    private let nameIndex: Int?
    private let nameParts: [Int]

    private(set) var report: RosterReport
    /// First accepted row per email, to tell merges from conflicts.
    private var firstByEmail = ByteKeyedTable<FirstRow>()
    /// Every distinct group cell seen: its name, whether it is valid, its summary once a row is accepted.
    private var groupCells = ByteKeyedTable<GroupCell>()
    private var groups: [GroupSummary] = []
    /// Level cells per column, decoded once per distinct spelling.
    private var levelCells: [ByteKeyedTable<ResolvedLevel>]
    private var sharedLevels: [LevelSet: [ResourceKind: PermissionLevel]] = [:]
    private var emailBytes: [UInt8] = []
    private var nameBytes: [UInt8] = []

    /// A level cell checked against its column's resource, cached per distinct spelling.
    private enum ResolvedLevel {
        case useDefault, noAccess
        case level(PermissionLevel)
        case invalid(String)
    }

    private struct FirstRow {
        var line: Int32
        var group: Int32
        var nameHash: UInt64
    }

    private struct GroupCell {
        var name: String
        var problem: String?
        /// Index into `groups`, set when the group's first row is accepted.
        var summary: Int32 = -1
    }

    init(file: String, header: RosterHeader, workshop: WorkshopConfig, keepParticipants: Bool) {
        self.file = file
        self.header = header
        self.workshop = workshop
        self.keepParticipants = keepParticipants
        self.defaults = LevelSet.defaults(of: workshop)
        let levelColumns = RosterColumn.allCases.compactMap { column -> (ResourceKind, Int, String)? in
            guard let kind = column.resourceKind, let index = header.indices[column] else { return nil }
            return (kind, index, header.names[index].isEmpty ? column.rawValue : header.names[index])
        }
        self.levelColumns = levelColumns
        self.emailIndex = header.indices[.email] ?? 0
        self.groupIndex = header.indices[.group]
        self.nameIndex = header.indices[.name]
        self.nameParts = [RosterColumn.firstName, .lastName].compactMap { header.indices[$0] }
        self.levelCells = Array(repeating: ByteKeyedTable(), count: levelColumns.count)
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
                line, "this line is not valid UTF-8; save the roster as \"CSV UTF-8\" (Excel: File > Save As) and retry"
            )
        }
        let errorCount = report.errors.count
        let emailValid = cleanEmail(record, line: line)
        let groupCell = self.groupCell(record, line: line)
        let levels = self.levels(record, line: line)
        guard report.errors.count == errorCount, emailValid, let groupCell else { return }
        let nameHash = buildName(record)
        let groupSummary = Int(groupCells[groupCell].summary)

        let emailHash = emailBytes.withUnsafeBufferPointer { CellBytes.hash($0) }
        let existing = emailBytes.withUnsafeBufferPointer { firstByEmail.find($0, hash: emailHash) }
        if let existing {
            let first = firstByEmail[existing]
            let firstGroup = groups[Int(first.group)]
            let sameGroup = Int(first.group) == groupSummary
            let email = firstByEmail.key(at: existing)
            if sameGroup && first.nameHash == nameHash && firstGroup.levels == levels {
                return warning(
                    line, "'\(email)' repeats line \(first.line) with the same values; merged into line \(first.line)")
            }
            var differences: [String] = []
            if first.nameHash != nameHash { differences.append("name") }
            if !sameGroup {
                differences.append("group '\(groupCells[groupCell].name)' here, '\(firstGroup.name)' there")
            }
            if firstGroup.levels != levels { differences.append("levels") }
            return error(
                line,
                "'\(email)' is already on line \(first.line) with different values ("
                    + differences.joined(separator: "; ") + "); keep one row per participant")
        }
        let summary = groupSummary >= 0 ? groupSummary : addGroup(groupCell, levels: levels, line: line)
        guard checkGroupLevels(summary, levels: levels, line: line) else { return }
        emailBytes.withUnsafeBufferPointer {
            _ = firstByEmail.insert(
                $0, hash: emailHash, value: FirstRow(line: Int32(clamping: line), group: Int32(summary), nameHash: nameHash))
        }
        groups[summary].participantCount += 1
        report.participantCount += 1
        if keepParticipants {
            report.participants.append(
                Participant(
                    line: line, email: String(decoding: emailBytes, as: UTF8.self), name: nameString(),
                    group: groups[summary].name, levels: shared(levels)))
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

    /// Leaves the cleaned address in `emailBytes`.
    private mutating func cleanEmail(_ record: CSVRecordView, line: Int) -> Bool {
        switch EmailCell.clean(record.field(emailIndex), into: &emailBytes) {
        case .valid:
            return true
        case .empty:
            error(line, "the email cell is empty; every row needs the participant's email")
        case .malformed(let reason):
            let value = String(decoding: emailBytes, as: UTF8.self)
            error(line, "malformed email '\(value.debugEscaped)': \(reason); expected name@domain.tld")
        }
        return false
    }

    /// The entry of the row's group cell in `groupCells`, or nil when the name is unusable.
    private mutating func groupCell(_ record: CSVRecordView, line: Int) -> Int? {
        let cell = groupIndex.map { CellBytes.trimmed(record.field($0)) } ?? UnsafeBufferPointer(start: nil, count: 0)
        let index: Int
        if let known = groupCells.find(cell) {
            index = known
        } else {
            let name = cell.isEmpty ? workshop.defaultGroup : String(decoding: cell, as: UTF8.self)
            index = groupCells.insert(cell, value: GroupCell(name: name, problem: GroupName.problem(in: name)))
        }
        if let problem = groupCells[index].problem {
            error(line, problem)
            return nil
        }
        return index
    }

    /// Builds the display name into `nameBytes` (name column, else first + last) and returns its hash.
    private mutating func buildName(_ record: CSVRecordView) -> UInt64 {
        nameBytes.removeAll(keepingCapacity: true)
        if let nameIndex { nameBytes.append(contentsOf: CellBytes.trimmed(record.field(nameIndex))) }
        if nameBytes.isEmpty {
            for index in nameParts {
                let part = CellBytes.trimmed(record.field(index))
                if part.isEmpty { continue }
                if !nameBytes.isEmpty { nameBytes.append(0x20) }
                nameBytes.append(contentsOf: part)
            }
        }
        return nameBytes.withUnsafeBufferPointer { CellBytes.hash($0) }
    }

    /// The name in `nameBytes`, control characters turned into spaces; nil when empty.
    private func nameString() -> String? {
        guard !nameBytes.isEmpty else { return nil }
        let name = String(decoding: nameBytes, as: UTF8.self)
        guard GroupName.mayBeUnsafe(name) && name.unicodeScalars.contains(where: GroupName.isUnsafe) else {
            return name
        }
        return String(String.UnicodeScalarView(name.unicodeScalars.map { GroupName.isUnsafe($0) ? " " : $0 }))
    }

    private mutating func levels(_ record: CSVRecordView, line: Int) -> LevelSet {
        var levels = defaults
        for (position, (kind, index, column)) in levelColumns.enumerated() {
            let field = record.field(index)
            if field.isEmpty { continue }
            let resolved: ResolvedLevel
            if let known = levelCells[position].find(field) {
                resolved = levelCells[position][known]
            } else {
                resolved = resolve(String(decoding: field, as: UTF8.self), kind: kind, column: column)
                levelCells[position].insert(field, value: resolved)
            }
            switch resolved {
            case .useDefault: continue
            case .noAccess: levels[kind] = nil
            case .level(let level): levels[kind] = level
            case .invalid(let message): error(line, message)
            }
        }
        return levels
    }

    private func resolve(_ text: String, kind: ResourceKind, column: String) -> ResolvedLevel {
        switch LevelCell(text: text) {
        case .useDefault: return .useDefault
        case .noAccess: return .noAccess
        case .level(let level):
            if let problem = LevelCell.problem(level: level, kind: kind, column: column) { return .invalid(problem) }
            guard workshop.hasResource(kind) else {
                return .invalid(
                    "\(column): the workshop has no \(kind.displayName); leave the cell empty or add one to the workshop config"
                )
            }
            return .level(level)
        }
    }

    // MARK: - Groups

    private mutating func addGroup(_ cell: Int, levels: LevelSet, line: Int) -> Int {
        groups.append(GroupSummary(name: groupCells[cell].name, participantCount: 0, levels: levels, firstLine: line))
        groupCells[cell].summary = Int32(groups.count - 1)
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
                line,
                "group '\(group.name)' gets \(kind.displayName) level \(here) here but \(there) on line "
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
