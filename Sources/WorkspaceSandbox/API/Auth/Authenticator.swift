import Foundation

extension WorkspaceEngine {
    /// Resolves the bearer token of a request for a route of `audience`.
    func authenticate(_ request: SandboxRequest, for audience: Audience, now: Date) -> Result<Caller, AuthFailure> {
        if audience == .open { return .success(.anonymous) }
        guard let header = request.headers["authorization"], header.lowercased().hasPrefix("bearer ") else {
            return .failure(.missing)
        }
        let token = header.dropFirst("bearer ".count).trimmingCharacters(in: .whitespaces)
        if token == configuration.token {
            // A personal access token belongs to a workspace; account APIs refuse it (issue 3).
            return audience == .workspace ? .success(.user(id: state.adminUserID)) : .failure(.wrongAudience)
        }
        if let memberToken = configuration.memberToken, token == memberToken {
            return audience == .workspace ? .success(.user(id: SeedState.memberUserID)) : .failure(.wrongAudience)
        }
        guard let grant = tokens.lookup(token) else { return .failure(.invalid) }
        guard grant.expiresAt > now else { return .failure(.expired) }
        guard grant.audience == audience else { return .failure(.wrongAudience) }
        return .success(.servicePrincipal(id: grant.servicePrincipalID))
    }
}

extension WorkspaceEngine {
    /// Workspace SCIM is admin-only except `Me` and reading `Users` and `Groups`
    /// (databricks-api.md §1: "non-admins only Me, Users GET ... and Groups GET").
    func refusesNonAdmin(_ caller: Caller, method: String, path: String) -> Reply? {
        guard case .user(let id) = caller, path.hasPrefix("/api/2.0/preview/scim/v2/") else { return nil }
        if let admins = state.groupIndex(id: SeedState.adminsGroupID), state.groups[admins].members.contains(id) {
            return nil
        }
        let resource = path.dropFirst("/api/2.0/preview/scim/v2/".count).split(separator: "/").first ?? ""
        if resource == "Me" || (method == "GET" && (resource == "Users" || resource == "Groups")) { return nil }
        return APIError.scim(403, "Only workspace admins can access this API.")
    }
}
