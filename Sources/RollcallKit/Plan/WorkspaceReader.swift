/// The reads a plan needs, one method per question the planner asks of the workspace.
///
/// `WorkspaceClient` answers them over HTTP; ``SnapshotReader`` decides how to batch them.
public protocol WorkspaceReader: Sendable {
    /// Number of users in the workspace (`count=1` listing), to choose between filters and a listing.
    func countUsers() async throws -> Int
    /// Ids of the given users that exist, keyed by lower-cased userName; one request per `batch`.
    func userIDs(for userNames: [String]) async throws -> [String: String]
    /// Every user's id keyed by lower-cased userName, by paged listing.
    func allUserIDs() async throws -> [String: String]
    /// The page size `allUserIDs` uses, so the reader can count its requests.
    var userPageSize: Int { get }
    /// The groups among `names` that exist, with members and entitlements, keyed by displayName.
    func groupStates(named names: [String]) async throws -> [String: GroupState]
    /// The Permissions API id of a named object, or nil when it does not exist.
    func resolve(_ resource: ResourceRef) async throws -> String?
    /// Highest level per group name on an object (direct or inherited).
    func groupLevels(kind: ResourceKind, objectID: String) async throws -> [String: PermissionLevel]
    /// Current privileges per principal on a securable (SQL spelling). `warehouseID` is the
    /// workshop warehouse when it was found (the SQL path runs `SHOW GRANTS` on it).
    func currentGrants(
        on securable: SecurableRef, via: UnityCatalogConfig.GrantsVia, warehouseID: String?
    ) async throws -> [String: Set<String>]
}

/// The account-level question a plan asks when an account is configured.
public protocol AccountGroupReader: Sendable {
    /// The account groups among `names`, keyed by the name asked for, value the group id.
    func accountGroupIDs(named names: [String]) async throws -> [String: String]
}

extension AccountClient: AccountGroupReader {
    public func accountGroupIDs(named names: [String]) async throws -> [String: String] {
        try await findGroups(displayNames: names)
    }
}

/// Reads everything a plan needs in as few requests as the workspace allows, concurrently.
public struct SnapshotReader: Sendable {
    /// SCIM filters joined with `or` carry at most this many userNames (issue 4).
    public static let namesPerFilter = 50
    /// The built-in group every workspace user belongs to; the lockdown applies to it.
    static let usersGroup = "users"

    public let reader: any WorkspaceReader
    /// Set when an account is configured.
    public let accountReader: (any AccountGroupReader)?

    public init(reader: any WorkspaceReader, accountReader: (any AccountGroupReader)? = nil) {
        self.reader = reader
        self.accountReader = accountReader
    }

    /// Failures that make the whole plan impossible (cannot list users or groups) throw; a missing
    /// or unreadable resource or securable is recorded and fails only the rows that need it.
    public func snapshot(for desired: DesiredState) async throws -> WorkspaceSnapshot {
        let reader = self.reader
        async let users = readUsers(desired.emails)
        async let groups = reader.groupStates(named: desired.groups.map(\.name) + [Self.usersGroup])
        async let resources = withTaskGroup(of: (ResourceRef, ResourceState).self) { group in
            for resource in desired.resources {
                group.addTask { (resource, await Self.read(resource, with: reader)) }
            }
            var states: [ResourceRef: ResourceState] = [:]
            for await (resource, state) in group { states[resource] = state }
            return states
        }

        var snapshot = WorkspaceSnapshot()
        snapshot.userIDs = try await users
        let allGroups = try await groups
        for group in desired.groups {
            if let state = allGroups[group.name] { snapshot.groups[group.name] = state }
        }
        snapshot.usersGroup = allGroups[Self.usersGroup]
        snapshot.resources = await resources
        snapshot.grants = await readGrants(desired, warehouseID: snapshot.warehouseID(in: desired))
        if let accountReader {
            // Only groups the workspace lacks or holds as local need the account's answer, so a
            // re-run of a finished import asks nothing of the account.
            let unsettled = desired.groups.map(\.name).filter { snapshot.groups[$0]?.isAccountGroup != true }
            snapshot.accountGroups = unsettled.isEmpty ? [:] : try await accountReader.accountGroupIDs(named: unsettled)
        }
        return snapshot
    }

    /// Filters cost one request per 50 names; a listing costs one per page plus the count.
    /// Shared with the offboard snapshot, which finds roster users the same way.
    func readUsers(_ emails: [String]) async throws -> [String: String] {
        guard !emails.isEmpty else { return [:] }
        let filterRequests = (emails.count + Self.namesPerFilter - 1) / Self.namesPerFilter
        if filterRequests > 1 {
            let total = try await reader.countUsers()
            let listRequests = max(1, (total + reader.userPageSize - 1) / reader.userPageSize)
            if listRequests < filterRequests {
                let wanted = Set(emails)
                return try await reader.allUserIDs().filter { wanted.contains($0.key) }
            }
        }
        let reader = self.reader
        return try await withThrowingTaskGroup(of: [String: String].self) { group in
            var start = 0
            while start < emails.count {
                let batch = Array(emails[start..<min(start + Self.namesPerFilter, emails.count)])
                group.addTask { try await reader.userIDs(for: batch) }
                start += Self.namesPerFilter
            }
            var found: [String: String] = [:]
            for try await part in group { found.merge(part) { first, _ in first } }
            return found
        }
    }

    private static func read(_ resource: ResourceRef, with reader: any WorkspaceReader) async -> ResourceState {
        do {
            guard let objectID = try await reader.resolve(resource) else {
                return .unavailable("\(resource) was not found in the workspace")
            }
            let levels = try await reader.groupLevels(kind: resource.kind, objectID: objectID)
            return .found(objectID: objectID, groupLevels: levels)
        } catch {
            return .unavailable("\(resource) could not be read: \(error)")
        }
    }

    /// An unreadable securable reads as "nothing granted yet": the grant is attempted and its
    /// own error, if any, lands on the rows.
    private func readGrants(
        _ desired: DesiredState, warehouseID: String?
    ) async -> [SecurableRef: [String: Set<String>]] {
        let via = desired.config.unityCatalog.grantsVia
        let securables = desired.config.unityCatalog.grants.map { SecurableRef(securable: $0.securable, name: $0.name) }
        guard !desired.groups.isEmpty else { return [:] }
        let reader = self.reader
        return await withTaskGroup(of: (SecurableRef, [String: Set<String>]?).self) { group in
            for securable in Set(securables) {
                group.addTask { (securable, try? await reader.currentGrants(on: securable, via: via, warehouseID: warehouseID)) }
            }
            var grants: [SecurableRef: [String: Set<String>]] = [:]
            for await (securable, held) in group {
                if let held { grants[securable] = held }
            }
            return grants
        }
    }
}
