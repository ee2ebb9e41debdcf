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
        guard let grant = tokens.lookup(token) else { return .failure(.invalid) }
        guard grant.expiresAt > now else { return .failure(.expired) }
        guard grant.audience == audience else { return .failure(.wrongAudience) }
        return .success(.servicePrincipal(id: grant.servicePrincipalID))
    }
}
