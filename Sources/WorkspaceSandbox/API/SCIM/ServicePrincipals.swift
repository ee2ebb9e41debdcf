/// Workspace SCIM `ServicePrincipals`, read-only: the OAuth client's principal is seeded there.
extension WorkspaceEngine {
    func listServicePrincipals(_ context: RequestContext) -> Reply {
        let state = state
        let resources = state.servicePrincipals.filter { state.isInWorkspace($0.id) }.map { principal in
            SCIMListItem(attributes: ["id": principal.id, "applicationId": principal.applicationId,
                                      "displayName": principal.displayName, "active": principal.active]) {
                state.servicePrincipalJSON(principal)
            }
        }
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
