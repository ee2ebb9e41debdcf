/// What one level cell asks for on one resource.
public enum LevelCell: Sendable, Hashable {
    /// Empty cell: the workshop default applies.
    case useDefault
    /// `none`: no access on this resource for the group.
    case noAccess
    case level(PermissionLevel)

    /// Reads a cell as users write it (`CAN_ATTACH_TO`, `can attach to`, `Can Attach To`, `none`).
    public init(text: String) {
        guard let level = PermissionLevel(userText: text) else {
            self = .useDefault
            return
        }
        self = ["NONE", "NO_ACCESS"].contains(level.rawValue) ? .noAccess : .level(level)
    }

    /// Why `level` cannot be asked for on `kind` by a roster group, or nil when it can.
    public static func problem(level: PermissionLevel, kind: ResourceKind, column: String) -> String? {
        if level == .isOwner {
            return "\(column): IS_OWNER cannot be given to a group (an object has a single owner, "
                + "and a group cannot be it); use CAN_MANAGE"
        }
        guard kind.rank(of: level) == nil else { return nil }
        let valid = kind.levels.filter { $0 != .isOwner }.map(\.rawValue).joined(separator: ", ")
        let elsewhere = ResourceKind.allCases.first { $0 != kind && $0.rank(of: level) != nil }
        let hint = elsewhere.map { " (\(level) is a \($0.displayName) level)" } ?? ""
        return "\(column): '\(level)' is not a \(kind.displayName) level\(hint); use one of \(valid), or none"
    }
}
