/// Finding the workshop's objects by name, so the plan can address them by id.
extension WorkspaceClient {
    /// Most pages a lookup follows; a workspace with more is not a workshop workspace, and a server
    /// that keeps returning a token must not keep the run in a loop.
    static let maximumLookupPages = 100

    /// The first cluster named `name` (exact match), paging through `/api/2.1/clusters/list`.
    public func findCluster(named name: String) async throws(WorkspaceError) -> ComputeResource? {
        try await firstNamed(name, in: "/api/2.1/clusters/list", as: LookupWire.ClusterList.self)
    }

    /// The first SQL warehouse named `name`, paging through `/api/2.0/sql/warehouses`.
    public func findWarehouse(named name: String) async throws(WorkspaceError) -> ComputeResource? {
        try await firstNamed(name, in: "/api/2.0/sql/warehouses", as: LookupWire.WarehouseList.self)
    }

    /// Follows `page_token` until an item named `name` shows up or the pages end.
    private func firstNamed<Page: LookupWire.NamedPage>(_ name: String, in path: String, as page: Page.Type)
        async throws(WorkspaceError) -> ComputeResource?
    {
        var token: String?
        for _ in 0..<Self.maximumLookupPages {
            var query: [(name: String, value: String)] = [("page_size", "100")]
            if let token { query.append(("page_token", token)) }
            let page = try await decode(Page.self, from: .get(path, query: query, family: .lookups))
            if let match = page.items.first(where: { $0.name == name }) { return match }
            guard let next = page.next_page_token, !next.isEmpty, next != token else { return nil }
            token = next
        }
        return nil
    }

    /// The object at a workspace path (e.g. `/Shared/workshop`), or nil when the path does not exist.
    public func workspaceObject(path: String) async throws(WorkspaceError) -> WorkspaceObject? {
        let request = WorkspaceRequest.get("/api/2.0/workspace/get-status", query: [("path", path)], family: .lookups)
        do throws(WorkspaceError) {
            let status = try await decode(LookupWire.ObjectStatus.self, from: request)
            guard let objectID = status.object_id else {
                throw .unexpectedResponse(method: .get, path: request.path, detail: "no object_id for \(path)")
            }
            return WorkspaceObject(
                path: status.path ?? path, objectType: status.object_type ?? "", objectID: String(objectID))
        } catch {
            if let failure = error.apiFailure, failure.isNotFound { return nil }
            throw error
        }
    }

    /// Serving endpoints among `names` that exist, keyed by name (one listing for all of them).
    public func findServingEndpoints(named names: [String]) async throws(WorkspaceError)
        -> [String: ServingEndpointSummary]
    {
        guard !names.isEmpty else { return [:] }
        let wanted = Set(names)
        let list = try await decode(
            LookupWire.EndpointList.self, from: .get("/api/2.0/serving-endpoints", family: .lookups))
        var found: [String: ServingEndpointSummary] = [:]
        for endpoint in list.endpoints ?? [] where wanted.contains(endpoint.name) && found[endpoint.name] == nil {
            guard let id = endpoint.id else { continue }
            found[endpoint.name] = ServingEndpointSummary(id: id, name: endpoint.name)
        }
        return found
    }
}
