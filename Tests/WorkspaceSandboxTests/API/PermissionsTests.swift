import Foundation
import Testing
@testable import WorkspaceSandbox

struct PermissionsTests {
    let client = APITestClient()
    let cluster = "/api/2.0/permissions/clusters/\(SeedState.clusterID)"

    private func entry(_ response: APITestResponse, _ key: String, _ name: String) -> [String]? {
        let list = response["access_control_list"] as? [[String: Any]] ?? []
        guard let item = list.first(where: { $0[key] as? String == name }) else { return nil }
        return (item["all_permissions"] as? [[String: Any]] ?? []).compactMap { $0["permission_level"] as? String }
    }

    @Test func getHasSingularTypeAndInheritedAdmins() {
        let response = client.get(cluster)
        #expect(response.status == 200)
        #expect(response.string["object_type"] == "cluster")
        #expect(response.string["object_id"] == "/clusters/\(SeedState.clusterID)")
        #expect(entry(response, "group_name", "admins") == ["CAN_MANAGE"])
        #expect(entry(response, "user_name", SeedState.adminUserName) == ["CAN_MANAGE"])
        #expect(response.route == "GET /api/2.0/permissions/clusters/{id}")
    }

    @Test func patchMergesAndPutReplaces() {
        _ = client.post("\(Paths.scim)/Users", ["userName": "a@x.com"])
        _ = client.post("\(Paths.scim)/Groups", ["displayName": "students"])
        let patched = client.patch(cluster, ["access_control_list": [["group_name": "students", "permission_level": "CAN_ATTACH_TO"]]])
        #expect(patched.status == 200)
        #expect(patched.mutated)
        #expect(entry(patched, "group_name", "students") == ["CAN_ATTACH_TO"])
        #expect(entry(patched, "user_name", SeedState.adminUserName) == ["CAN_MANAGE"])
        let again = client.patch(cluster, ["access_control_list": [["group_name": "students", "permission_level": "CAN_ATTACH_TO"]]])
        #expect(!again.mutated)
        let upgraded = client.patch(cluster, ["access_control_list": [["user_name": "A@X.com", "permission_level": "CAN_RESTART"]]])
        #expect(entry(upgraded, "user_name", "a@x.com") == ["CAN_RESTART"])
        let put = client.put(cluster, ["access_control_list": [["user_name": "a@x.com", "permission_level": "CAN_MANAGE"]]])
        #expect(entry(put, "group_name", "students") == nil)
        #expect(entry(put, "user_name", SeedState.adminUserName) == nil)
        #expect(entry(put, "user_name", "a@x.com") == ["CAN_MANAGE"])
        #expect(entry(put, "group_name", "admins") == ["CAN_MANAGE"])
    }

    @Test func foreignLevelIsTheRealInternalError() {
        let response = client.patch("/api/2.0/permissions/warehouses/\(SeedState.warehouseID)",
                                    ["access_control_list": [["group_name": "users", "permission_level": "CAN_RESTART"]]])
        #expect(response.status == 500)
        #expect(response.string["error_code"] == "INTERNAL_ERROR")
        #expect(response.string["message"] == "Unhandled Permission level")
    }

    @Test func unknownPrincipals() {
        let user = client.patch(cluster, ["access_control_list": [["user_name": "nobody@x.com", "permission_level": "CAN_ATTACH_TO"]]])
        #expect(user.status == 400)
        #expect(user.string["message"] == "Principal: UserName(nobody@x.com) does not exist")
        let group = client.patch(cluster, ["access_control_list": [["group_name": "ghosts", "permission_level": "CAN_ATTACH_TO"]]])
        #expect(group.string["message"] == "Principal: GroupName(ghosts) does not exist")
        let sp = client.patch(cluster, ["access_control_list": [["service_principal_name": "x", "permission_level": "CAN_ATTACH_TO"]]])
        #expect(sp.string["message"] == "Principal: ServicePrincipalName(x) does not exist")
    }

    @Test func unknownObjectsAndTypes() {
        let missing = client.get("/api/2.0/permissions/clusters/0000-000000-nothere")
        #expect(missing.status == 404)
        #expect(missing.string["error_code"] == "RESOURCE_DOES_NOT_EXIST")
        let wrongType = client.get("/api/2.0/permissions/sql-warehouses/\(SeedState.warehouseID)")
        #expect(wrongType.status == 400)
        #expect(wrongType.string["message"]?.hasPrefix("'sql-warehouses' is not a supported object type for permissions. Expected one of {") == true)
        #expect(client.get("/api/2.0/permissions/jobs/123").status == 404)
    }

    @Test func bothWarehouseSpellingsShareOneACL() {
        let sqlPath = "/api/2.0/permissions/sql/warehouses/\(SeedState.warehouseID)"
        let patched = client.patch(sqlPath, ["access_control_list": [["group_name": "users", "permission_level": "CAN_USE"]]])
        #expect(patched.string["object_type"] == "warehouses")
        #expect(patched.string["object_id"] == "/sql/warehouses/\(SeedState.warehouseID)")
        #expect(patched.route == "PATCH /api/2.0/permissions/sql/warehouses/{id}")
        let plain = client.get("/api/2.0/permissions/warehouses/\(SeedState.warehouseID)")
        #expect(plain.string["object_id"] == "/warehouses/\(SeedState.warehouseID)")
        #expect(entry(plain, "group_name", "users") == ["CAN_USE"])
        // PUT without an owner keeps the existing one.
        let put = client.put(sqlPath, ["access_control_list": [["group_name": "users", "permission_level": "CAN_MONITOR"]]])
        #expect(entry(put, "user_name", SeedState.adminUserName) == ["IS_OWNER"])
    }

    @Test func directoriesAndServingEndpoints() {
        let directory = client.patch("/api/2.0/permissions/directories/\(SeedState.directoryObjectID)",
                                     ["access_control_list": [["group_name": "users", "permission_level": "CAN_READ"]]])
        #expect(directory.status == 200)
        #expect(directory.string["object_type"] == "directory")
        let endpoint = client.patch("/api/2.0/permissions/serving-endpoints/\(SeedState.servingEndpointID)",
                                    ["access_control_list": [["group_name": "users", "permission_level": "CAN_QUERY"]]])
        #expect(endpoint.string["object_type"] == "serving-endpoint")
        #expect(client.get("/api/2.0/permissions/serving-endpoints/\(SeedState.servingEndpointName)").status == 404)
    }

    @Test func permissionLevelsPerType() {
        let levels = client.get("\(cluster)/permissionLevels")["permission_levels"] as? [[String: Any]]
        #expect(levels?.compactMap { $0["permission_level"] as? String } == ["CAN_ATTACH_TO", "CAN_RESTART", "CAN_MANAGE"])
        #expect(client.get("/api/2.0/permissions/clusters/nope/permissionLevels").status == 404)
    }

    @Test func deletedUserLeavesTheACL() {
        let id = client.post("\(Paths.scim)/Users", ["userName": "temp@x.com"]).string["id"]!
        _ = client.patch(cluster, ["access_control_list": [["user_name": "temp@x.com", "permission_level": "CAN_ATTACH_TO"]]])
        _ = client.delete("\(Paths.scim)/Users/\(id)")
        #expect(entry(client.get(cluster), "user_name", "temp@x.com") == nil)
    }
}
