/// Who an ACL entry or grant is for. Service principals are named by application id, as the
/// permissions API requires.
public struct Principal: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case user, group, servicePrincipal
    }

    public var kind: Kind
    /// User name (email), group display name, or service principal application id.
    public var name: String

    public init(kind: Kind, name: String) {
        self.kind = kind
        self.name = name
    }

    public static func user(_ name: String) -> Principal { Principal(kind: .user, name: name) }
    public static func group(_ name: String) -> Principal { Principal(kind: .group, name: name) }
    public static func servicePrincipal(_ applicationID: String) -> Principal {
        Principal(kind: .servicePrincipal, name: applicationID)
    }

    public var description: String {
        switch kind {
        case .user: "user \(name)"
        case .group: "group \(name)"
        case .servicePrincipal: "service principal \(name)"
        }
    }
}

/// One principal at one level, as sent in a permissions PATCH or PUT.
public struct PermissionGrant: Sendable, Hashable {
    public var principal: Principal
    public var level: PermissionLevel

    public init(principal: Principal, level: PermissionLevel) {
        self.principal = principal
        self.level = level
    }

    public static func group(_ name: String, _ level: PermissionLevel) -> PermissionGrant {
        PermissionGrant(principal: .group(name), level: level)
    }
}
