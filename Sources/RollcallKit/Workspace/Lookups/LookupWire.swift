/// JSON of the lookup endpoints (clusters, warehouses, workspace, serving endpoints).
enum LookupWire {
    /// A page of a token-paged listing, reduced to what a lookup by name needs.
    protocol NamedPage: Decodable {
        var items: [ComputeResource] { get }
        var next_page_token: String? { get }
    }

    struct ClusterList: NamedPage {
        struct Cluster: Decodable {
            var cluster_id: String
            var cluster_name: String?
            var state: String?
        }
        var clusters: [Cluster]?
        var next_page_token: String?

        var items: [ComputeResource] {
            (clusters ?? []).map { ComputeResource(id: $0.cluster_id, name: $0.cluster_name ?? "", state: $0.state) }
        }
    }

    struct WarehouseList: NamedPage {
        struct Warehouse: Decodable {
            var id: String
            var name: String?
            var state: String?
        }
        var warehouses: [Warehouse]?
        var next_page_token: String?

        var items: [ComputeResource] {
            (warehouses ?? []).map { ComputeResource(id: $0.id, name: $0.name ?? "", state: $0.state) }
        }
    }

    struct ObjectStatus: Decodable {
        var object_type: String?
        var path: String?
        var object_id: Int64?
    }

    struct EndpointList: Decodable {
        struct Endpoint: Decodable {
            var name: String
            var id: String?
        }
        var endpoints: [Endpoint]?
    }
}
