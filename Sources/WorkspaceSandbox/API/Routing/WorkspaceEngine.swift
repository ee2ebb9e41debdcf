import Foundation

/// The mutable heart of the sandbox: state, issued tokens and stale-read memory. Only ever touched
/// while `WorkspaceAPI.lock` is held; handlers are its methods, grouped by domain in extensions.
struct WorkspaceEngine {
    let configuration: SandboxConfiguration
    var state: WorkspaceState
    var tokens = TokenStore()
    var stale: StaleReads
    var random: SeededRandom

    init(configuration: SandboxConfiguration, state: WorkspaceState) {
        self.configuration = configuration
        self.state = state
        stale = StaleReads(milliseconds: configuration.staleReadsMilliseconds, seed: configuration.seed)
        random = SeededRandom(seed: configuration.seed ^ 0x5EED)
    }

    mutating func reset() {
        state = SeedState.state(for: configuration)
        stale.removeAll()
    }

    // MARK: Stale reads

    /// What a GET of `key` answers now, taken before a write when stale reads are on.
    func snapshot(_ key: StaleKey) -> SandboxResponse? {
        stale.enabled ? render(key).response : nil
    }

    /// After a write: remembers the pre-write answer when the write changed something.
    mutating func commit(_ key: StaleKey, before: SandboxResponse?, _ reply: Reply, now: Date) -> Reply {
        if reply.mutated, let before { stale.recordWrite(key.description, previous: before, at: now) }
        return reply
    }

    /// A GET of `key`: usually fresh, sometimes (stale reads on) the previous version.
    mutating func read(_ key: StaleKey, now: Date) -> Reply {
        if let old = stale.staleAnswer(key.description, at: now) { return Reply(response: old) }
        return render(key)
    }

    /// List entries as a stale read may see them: a recently written object may show its previous
    /// version, or be missing if it was just created (databricks-api.md §8: list-after-create is where
    /// clients meet eventual consistency). Objects deleted recently are not brought back.
    mutating func applyingStaleReads(_ items: [(StaleKey, SCIMListItem)], now: Date) -> [SCIMListItem] {
        guard stale.enabled else { return items.map(\.1) }
        return items.compactMap { key, item in
            guard let old = stale.staleAnswer(key.description, at: now) else { return item }
            guard old.status == 200, let json = JSONBody.object(old.body) else { return nil }
            return SCIMListItem(attributes: json) { json }
        }
    }

    /// A SCIM GET by id, honouring `attributes`/`excludedAttributes` as lists do.
    mutating func projectedRead(_ key: StaleKey, _ context: RequestContext) -> Reply {
        let reply = read(key, now: context.now)
        guard reply.response.status == 200,
              context.query("attributes") != nil || context.query("excludedAttributes") != nil,
              let json = JSONBody.object(reply.response.body)
        else { return reply }
        return .ok(Projection(context).apply(json))
    }

    func render(_ key: StaleKey) -> Reply {
        switch key {
        case .workspaceUser(let id): renderWorkspaceUser(id)
        case .workspaceGroup(let id): renderWorkspaceGroup(id)
        case .accountUser(let id): renderAccountUser(id)
        case .accountGroup(let id): renderAccountGroup(id)
        case .acl(let object): renderPermissions(object)
        case .grants(let securable): renderGrants(securable, principal: nil)
        }
    }
}

/// The objects whose reads may be stale: what a write changes and a GET reads back.
enum StaleKey: CustomStringConvertible {
    case workspaceUser(String)
    case workspaceGroup(String)
    case accountUser(String)
    case accountGroup(String)
    case acl(PermissionObject)
    case grants(Securable)

    var description: String {
        switch self {
        case .workspaceUser(let id): "Users/\(id)"
        case .workspaceGroup(let id): "Groups/\(id)"
        case .accountUser(let id): "account/Users/\(id)"
        case .accountGroup(let id): "account/Groups/\(id)"
        case .acl(let object): "permissions/\(object.storageKey)"
        case .grants(let securable): "grants/\(securable.key)"
        }
    }
}
