/// Look-ups a client resolves names with: clusters, SQL warehouses, workspace paths and serving
/// endpoints (databricks-api.md §4).
extension WorkspaceEngine {
    /// 2.0 answers everything at once; 2.1 pages with `page_size`/`page_token` and says
    /// `next_page_token` only when there is more (§4).
    func listClusters(_ context: RequestContext, paged: Bool) -> Reply {
        let clusters = state.clusters.map { cluster -> JSONObject in
            [
                "cluster_id": cluster.id, "cluster_name": cluster.name, "state": cluster.state,
                "spark_version": cluster.sparkVersion, "node_type_id": cluster.nodeTypeID,
                "creator_user_name": cluster.creator, "num_workers": 0, "cluster_source": "UI",
            ]
        }
        guard paged else { return .ok(["clusters": clusters]) }
        return pagedReply(clusters, key: "clusters", context, defaultSize: 100, maximumSize: 100)
    }

    func listWarehouses(_ context: RequestContext) -> Reply {
        let warehouses = state.warehouses.map { warehouse -> JSONObject in
            [
                "id": warehouse.id, "name": warehouse.name, "state": warehouse.state,
                "cluster_size": warehouse.clusterSize, "creator_name": warehouse.creator,
                "warehouse_type": "PRO", "enable_serverless_compute": true, "num_clusters": 1,
                "odbc_params": ["hostname": context.request.headers["host"] ?? "localhost",
                                "path": "/sql/1.0/warehouses/\(warehouse.id)", "port": 443, "protocol": "https"],
            ]
        }
        return pagedReply(warehouses, key: "warehouses", context, defaultSize: 1000, maximumSize: 1000)
    }

    private func pagedReply(_ items: [JSONObject], key: String, _ context: RequestContext,
                            defaultSize: Int, maximumSize: Int) -> Reply {
        var size = defaultSize
        if let text = context.query("page_size"), !text.isEmpty {
            guard let requested = Int(text), requested >= 0 else {
                return APIError.invalidParameter("page_size must be a non-negative integer")
            }
            size = requested == 0 ? defaultSize : min(requested, maximumSize)
        }
        guard let page = PageToken.page(items, size: size, token: context.query("page_token")) else {
            return APIError.invalidParameter("Invalid page token")
        }
        var body: JSONObject = [key: page.items]
        if let next = page.next { body["next_page_token"] = next }
        return .ok(body)
    }

    /// `object_id` is the int64 the Permissions API takes for directories (§4).
    func workspaceStatus(_ context: RequestContext) -> Reply {
        guard let path = context.query("path"), !path.isEmpty else {
            return APIError.invalidParameter("Path is required")
        }
        let normalized = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        guard let directory = state.workspaceDirectories.first(where: { $0.path == normalized }) else {
            return APIError.doesNotExist("Path (\(path)) doesn't exist.")
        }
        return .ok([
            "object_type": "DIRECTORY", "path": directory.path, "object_id": directory.objectID,
            "resource_id": String(directory.objectID),
        ])
    }

    /// Each endpoint's `id` is what `/permissions/serving-endpoints/{id}` takes, not its name (§4).
    func listServingEndpoints(_ context: RequestContext) -> Reply {
        let endpoints = state.servingEndpoints.map { endpoint -> JSONObject in
            [
                "name": endpoint.name, "id": endpoint.id, "task": endpoint.task, "creator": endpoint.creator,
                "endpoint_type": "FOUNDATION_MODEL_API",
                "state": ["ready": "READY", "config_update": "NOT_UPDATING"],
            ]
        }
        return .ok(["endpoints": endpoints])
    }
}
