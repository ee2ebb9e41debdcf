/// The roster columns Rollcall understands, and the header spellings that mean each one.
public enum RosterColumn: String, CaseIterable, Sendable, Hashable {
    case email
    case name
    case firstName = "first_name"
    case lastName = "last_name"
    case group
    case clusterLevel = "cluster_level"
    case warehouseLevel = "warehouse_level"
    case directoryLevel = "directory_level"
    case endpointLevel = "endpoint_level"

    /// Header spellings after ``fold(_:)`` (trimmed, case-folded, `_`, `-` and spaces removed).
    /// Covers Google Forms, Eventbrite, Microsoft Forms and SCIM exports.
    public var aliases: [String] {
        switch self {
        case .email: ["email", "emailaddress", "workemail", "username", "useremail", "mail", "attendeeemail"]
        case .name: ["name", "fullname", "displayname", "attendeename", "participantname"]
        case .firstName: ["firstname", "givenname", "first"]
        case .lastName: ["lastname", "surname", "familyname", "last"]
        case .group: ["group", "team", "cohort", "groupname"]
        case .clusterLevel: ["clusterlevel", "cluster", "clusterpermission"]
        case .warehouseLevel: ["warehouselevel", "warehouse", "sqlwarehouse", "warehousepermission"]
        case .directoryLevel: ["directorylevel", "directory", "folder", "folderlevel"]
        case .endpointLevel: ["endpointlevel", "endpoint", "endpoints", "servingendpoint", "servingendpointlevel"]
        }
    }

    /// The resource a level column sets, nil for the other columns.
    public var resourceKind: ResourceKind? {
        switch self {
        case .clusterLevel: .cluster
        case .warehouseLevel: .warehouse
        case .directoryLevel: .directory
        case .endpointLevel: .servingEndpoint
        default: nil
        }
    }

    /// The column a header cell means, or nil for a column Rollcall ignores.
    public init?(header: String) {
        let folded = Self.fold(header)
        guard let column = Self.byAlias[folded] else { return nil }
        self = column
    }

    /// Trims, case-folds and drops `_`, `-` and whitespace, so `E-mail`, `email_address` and
    /// `Email Address` compare equal.
    public static func fold(_ header: String) -> String {
        String(
            String.UnicodeScalarView(
                header.lowercased().unicodeScalars.filter {
                    !($0 == "_" || $0 == "-" || $0.properties.isWhitespace || $0 == "\u{FEFF}")
                }))
    }

    private static let byAlias: [String: RosterColumn] = Dictionary(
        uniqueKeysWithValues: allCases.flatMap { column in column.aliases.map { ($0, column) } })
}

/// Where each understood column sits in the file, read from the header record.
public struct RosterHeader: Sendable, Hashable {
    /// Field index per column.
    public var indices: [RosterColumn: Int]
    /// The header cells as written, for messages.
    public var names: [String]

    /// Maps header cells to columns. Two cells meaning `email` is an error naming both; other
    /// repeats keep the first cell and produce a warning; a missing email column lists the headers found.
    public static func map(_ names: [String]) -> (header: RosterHeader, problems: [HeaderProblem]) {
        var indices: [RosterColumn: Int] = [:]
        var problems: [HeaderProblem] = []
        for (index, name) in names.enumerated() {
            guard let column = RosterColumn(header: name) else { continue }
            if let first = indices[column] {
                problems.append(.repeated(column: column, first: names[first], second: name))
            } else {
                indices[column] = index
            }
        }
        if indices[.email] == nil { problems.append(.missingEmail(found: names)) }
        return (RosterHeader(indices: indices, names: names), problems)
    }
}

/// A problem with the header line itself.
public enum HeaderProblem: Sendable, Hashable {
    case missingEmail(found: [String])
    case repeated(column: RosterColumn, first: String, second: String)

    /// Only a repeated `email` or a missing one stops the roster; other repeats use the first cell.
    public var isError: Bool {
        switch self {
        case .missingEmail: true
        case .repeated(let column, _, _): column == .email
        }
    }

    public var message: String {
        switch self {
        case .missingEmail(let found):
            let list = found.filter { !$0.isEmpty }.map { "'\($0)'" }.joined(separator: ", ")
            return "no email column; the header has \(list.isEmpty ? "no names" : list). "
                + "Name one column 'email' (or 'Email Address', 'E-mail', 'Work Email', 'userName')"
        case .repeated(.email, let first, let second):
            return "columns '\(first)' and '\(second)' both mean email; keep one of them or rename the other"
        case .repeated(let column, let first, let second):
            return "columns '\(first)' and '\(second)' both mean \(column.rawValue); using '\(first)'"
        }
    }
}
