/// A Databricks permission level such as `CAN_ATTACH_TO`, kept in the API's spelling.
///
/// A struct rather than an enum so that a level read from the workspace which Rollcall does not
/// know (for example `CAN_VIEW`) survives a round trip unchanged.
public struct PermissionLevel: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// Reads a level as users write it: `CAN_ATTACH_TO`, `can attach to`, `Can-Attach-To`.
    /// Returns nil for an empty cell; does not check the level against any resource.
    public init?(userText: String) {
        var folded = ""
        var lastWasSeparator = false
        for scalar in userText.unicodeScalars {
            if scalar == " " || scalar == "_" || scalar == "-" || scalar == "\u{00A0}" || scalar == "\t" {
                if !folded.isEmpty { lastWasSeparator = true }
                continue
            }
            if lastWasSeparator { folded.append("_") }
            lastWasSeparator = false
            folded.unicodeScalars.append(scalar)
        }
        guard !folded.isEmpty else { return nil }
        self.rawValue = folded.uppercased()
    }

    public var description: String { rawValue }

    public static let canAttachTo = PermissionLevel(rawValue: "CAN_ATTACH_TO")
    public static let canRestart = PermissionLevel(rawValue: "CAN_RESTART")
    public static let canManage = PermissionLevel(rawValue: "CAN_MANAGE")
    public static let canUse = PermissionLevel(rawValue: "CAN_USE")
    public static let canMonitor = PermissionLevel(rawValue: "CAN_MONITOR")
    public static let isOwner = PermissionLevel(rawValue: "IS_OWNER")
    public static let canRead = PermissionLevel(rawValue: "CAN_READ")
    public static let canRun = PermissionLevel(rawValue: "CAN_RUN")
    public static let canEdit = PermissionLevel(rawValue: "CAN_EDIT")
    public static let canQuery = PermissionLevel(rawValue: "CAN_QUERY")
}
