/// Workspace SCIM `ServicePrincipals`, read-only: the OAuth client's principal is seeded there.
extension WorkspaceEngine {
    func listServicePrincipals(_ context: RequestContext) -> Reply {
        let resources = state.servicePrincipals.filter { state.isInWorkspace($0.id) }.map(state.servicePrincipalJSON)
        return SCIMListing.reply(resources, context, filterable: ["applicationId", "displayName", "id", "active"])
    }

    func getServicePrincipal(_ context: RequestContext) -> Reply {
        let id = context.param("id")
        guard let index = state.servicePrincipalIndex(id: id), state.isInWorkspace(id) else {
            return APIError.scimNotFound("Service principal", id)
        }
        return .ok(state.servicePrincipalJSON(state.servicePrincipals[index]))
    }
}
