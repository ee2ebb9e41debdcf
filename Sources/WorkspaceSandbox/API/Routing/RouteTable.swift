/// One served route: template, the credentials it takes, and its handler.
struct RouteEntry: Sendable {
    typealias Handler = @Sendable (inout WorkspaceEngine, RequestContext) -> Reply
    let route: Route
    let audience: Audience
    let handler: Handler
}

/// Every route the sandbox serves, with the template `/sandbox/stats` counts it under.
enum RouteTable {
    static let scim = "/api/2.0/preview/scim/v2"
    static let account = "/api/2.0/accounts/{account_id}"

    static func match(_ entries: [RouteEntry], _ request: SandboxRequest) -> (RouteEntry, [String: String])? {
        let parts = request.path.split(separator: "/")
        for entry in entries {
            if let params = entry.route.match(method: request.method, parts: parts) { return (entry, params) }
        }
        return nil
    }

    static var entries: [RouteEntry] {
        oauth + workspaceSCIM + permissions + lookups + statements + unityCatalog + accountAPIs
    }

    private static func entry(
        _ method: String, _ template: String, _ audience: Audience = .workspace,
        _ handler: @escaping RouteEntry.Handler
    ) -> RouteEntry {
        RouteEntry(route: Route(method, template), audience: audience, handler: handler)
    }

    private static var oauth: [RouteEntry] {
        [
            entry("GET", "/.well-known/databricks-config", .open) { $0.databricksConfig($1) },
            entry("GET", "/oidc/.well-known/oauth-authorization-server", .open) { $0.authorizationServer($1, .workspace) },
            entry("POST", "/oidc/v1/token", .open) { $0.issueToken($1, .workspace) },
            entry("GET", "/oidc/accounts/{account_id}/.well-known/oauth-authorization-server", .open) {
                $0.authorizationServer($1, .account)
            },
            entry("POST", "/oidc/accounts/{account_id}/v1/token", .open) { $0.issueToken($1, .account) },
        ]
    }

    private static var workspaceSCIM: [RouteEntry] {
        [
            entry("GET", "\(scim)/Me") { $0.me($1) },
            entry("POST", "\(scim)/Users") { $0.createWorkspaceUser($1) },
            entry("GET", "\(scim)/Users") { $0.listWorkspaceUsers($1) },
            entry("GET", "\(scim)/Users/{id}") { $0.getWorkspaceUser($1) },
            entry("PUT", "\(scim)/Users/{id}") { $0.replaceWorkspaceUser($1) },
            entry("PATCH", "\(scim)/Users/{id}") { $0.patchWorkspaceUser($1) },
            entry("DELETE", "\(scim)/Users/{id}") { $0.deleteWorkspaceUser($1) },
            entry("POST", "\(scim)/Groups") { $0.createWorkspaceGroup($1) },
            entry("GET", "\(scim)/Groups") { $0.listWorkspaceGroups($1) },
            entry("GET", "\(scim)/Groups/{id}") { $0.getWorkspaceGroup($1) },
            entry("PUT", "\(scim)/Groups/{id}") { $0.replaceWorkspaceGroup($1) },
            entry("PATCH", "\(scim)/Groups/{id}") { $0.patchWorkspaceGroup($1) },
            entry("DELETE", "\(scim)/Groups/{id}") { $0.deleteWorkspaceGroup($1) },
            entry("GET", "\(scim)/ServicePrincipals") { $0.listServicePrincipals($1) },
            entry("GET", "\(scim)/ServicePrincipals/{id}") { $0.getServicePrincipal($1) },
        ]
    }

    /// One template per modelled type, as `/sandbox/stats` keys them; `{type}` catches the rest.
    private static var permissions: [RouteEntry] {
        var entries: [RouteEntry] = []
        for type in PermissionObjectType.allCases {
            let base = "/api/2.0/permissions/\(type.rawValue)/{id}"
            entries += [
                entry("GET", base) { $0.getPermissions($1, type) },
                entry("PUT", base) { $0.setPermissions($1, type, replace: true) },
                entry("PATCH", base) { $0.setPermissions($1, type, replace: false) },
                entry("GET", "\(base)/permissionLevels") { $0.permissionLevels($1, type) },
            ]
        }
        let base = "/api/2.0/permissions/{type}/{id}"
        for method in ["GET", "PUT", "PATCH"] {
            entries.append(entry(method, base) { $0.unmodelledPermissions($1) })
        }
        entries.append(entry("GET", "\(base)/permissionLevels") { $0.unmodelledPermissions($1) })
        return entries
    }

    private static var lookups: [RouteEntry] {
        [
            entry("GET", "/api/2.0/clusters/list") { $0.listClusters($1, paged: false) },
            entry("GET", "/api/2.1/clusters/list") { $0.listClusters($1, paged: true) },
            entry("GET", "/api/2.0/sql/warehouses") { $0.listWarehouses($1) },
            entry("GET", "/api/2.0/workspace/get-status") { $0.workspaceStatus($1) },
            entry("GET", "/api/2.0/serving-endpoints") { $0.listServingEndpoints($1) },
        ]
    }

    private static var statements: [RouteEntry] {
        [
            entry("POST", "/api/2.0/sql/statements") { $0.executeStatement($1) },
            entry("GET", "/api/2.0/sql/statements/{statement_id}") { $0.getStatement($1) },
            entry("POST", "/api/2.0/sql/statements/{statement_id}/cancel") { $0.cancelStatement($1) },
        ]
    }

    private static var unityCatalog: [RouteEntry] {
        let base = "/api/2.1/unity-catalog/permissions/{securable_type}/{full_name}"
        return [
            entry("GET", base) { $0.getGrants($1) },
            entry("PATCH", base) { $0.updateGrants($1) },
        ]
    }

    private static var accountAPIs: [RouteEntry] {
        let assignments = "\(account)/workspaces/{workspace_id}/permissionassignments"
        return [
            entry("POST", "\(account)/scim/v2/Users", .account) { $0.createAccountUser($1) },
            entry("GET", "\(account)/scim/v2/Users", .account) { $0.listAccountUsers($1) },
            entry("GET", "\(account)/scim/v2/Users/{id}", .account) { $0.getAccountUser($1) },
            entry("PATCH", "\(account)/scim/v2/Users/{id}", .account) { $0.patchAccountUser($1) },
            entry("DELETE", "\(account)/scim/v2/Users/{id}", .account) { $0.deleteAccountUser($1) },
            entry("POST", "\(account)/scim/v2/Groups", .account) { $0.createAccountGroup($1) },
            entry("GET", "\(account)/scim/v2/Groups", .account) { $0.listAccountGroups($1) },
            entry("GET", "\(account)/scim/v2/Groups/{id}", .account) { $0.getAccountGroup($1) },
            entry("PATCH", "\(account)/scim/v2/Groups/{id}", .account) { $0.patchAccountGroup($1) },
            entry("DELETE", "\(account)/scim/v2/Groups/{id}", .account) { $0.deleteAccountGroup($1) },
            entry("GET", assignments, .account) { $0.listAssignments($1) },
            entry("GET", "\(assignments)/permissions", .account) { $0.assignmentLevels($1) },
            entry("PUT", "\(assignments)/principals/{principal_id}", .account) { $0.putAssignment($1) },
            entry("DELETE", "\(assignments)/principals/{principal_id}", .account) { $0.deleteAssignment($1) },
        ]
    }
}
