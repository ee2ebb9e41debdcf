import Foundation
import Testing
@testable import WorkspaceSandbox

struct LookupTests {
    /// A sandbox with 5 clusters, so paging has pages.
    private func clientWithClusters() -> APITestClient {
        let configuration = SandboxConfiguration()
        var state = SeedState.state(for: configuration)
        for index in 1...4 {
            state.clusters.append(ClusterRecord(id: "1204-000000-extra00\(index)", name: "Extra \(index)", state: "TERMINATED",
                                                sparkVersion: "17.3.x-scala2.13", nodeTypeID: "m5d.large", creator: "x"))
        }
        return APITestClient(api: WorkspaceAPI(configuration: configuration, state: state), token: configuration.token)
    }

    @Test func clustersListV20IsUnpaged() {
        let response = clientWithClusters().get("/api/2.0/clusters/list")
        let clusters = response["clusters"] as? [[String: Any]] ?? []
        #expect(clusters.count == 5)
        #expect(clusters.first?["cluster_name"] as? String == SeedState.clusterName)
        #expect(response["next_page_token"] == nil)
    }

    @Test func clustersListV21Pages() {
        let client = clientWithClusters()
        var names: [String] = []
        var token: String?
        var pages = 0
        repeat {
            var path = "/api/2.1/clusters/list?page_size=2"
            if let token { path += "&page_token=\(Paths.query(token))" }
            let response = client.get(path)
            #expect(response.status == 200)
            names += (response["clusters"] as? [[String: Any]] ?? []).compactMap { $0["cluster_name"] as? String }
            token = response.string["next_page_token"]
            pages += 1
        } while token != nil && pages < 10
        #expect(pages == 3)
        #expect(names == [SeedState.clusterName, "Extra 1", "Extra 2", "Extra 3", "Extra 4"])
        #expect(client.get("/api/2.1/clusters/list?page_token=garbage").status == 400)
    }

    @Test func warehouses() {
        let response = APITestClient().get("/api/2.0/sql/warehouses")
        let warehouses = response["warehouses"] as? [[String: Any]] ?? []
        #expect(warehouses.first?["id"] as? String == SeedState.warehouseID)
        #expect(warehouses.first?["name"] as? String == SeedState.warehouseName)
    }

    @Test func workspaceStatus() {
        let client = APITestClient()
        let found = client.get("/api/2.0/workspace/get-status?path=\(Paths.query(SeedState.directoryPath))")
        #expect(found.string["object_type"] == "DIRECTORY")
        #expect((found["object_id"] as? NSNumber)?.int64Value == SeedState.directoryObjectID)
        let missing = client.get("/api/2.0/workspace/get-status?path=\(Paths.query("/Shared/nope"))")
        #expect(missing.status == 404)
        #expect(missing.string["error_code"] == "RESOURCE_DOES_NOT_EXIST")
        #expect(missing.string["message"] == "Path (/Shared/nope) doesn't exist.")
    }

    @Test func workspaceUsersHaveHomeFolders() {
        let client = APITestClient()
        _ = client.post("\(Paths.scim)/Users", ["userName": "Home@x.com"])
        let home = client.get("/api/2.0/workspace/get-status?path=\(Paths.query("/Users/home@x.com"))")
        #expect(home.string["object_type"] == "DIRECTORY")
        let objectID = (home["object_id"] as? NSNumber)?.int64Value ?? 0
        let acl = client.patch("/api/2.0/permissions/directories/\(objectID)",
                               ["access_control_list": [["user_name": "home@x.com", "permission_level": "CAN_MANAGE"]]])
        #expect(acl.status == 200)
        #expect(client.get("/api/2.0/workspace/get-status?path=\(Paths.query("/Users/nobody@x.com"))").status == 404)
    }

    @Test func servingEndpointsCarryTheirIDs() {
        let endpoints = APITestClient().get("/api/2.0/serving-endpoints")["endpoints"] as? [[String: Any]]
        #expect(endpoints?.first?["name"] as? String == SeedState.servingEndpointName)
        #expect(endpoints?.first?["id"] as? String == SeedState.servingEndpointID)
    }
}
