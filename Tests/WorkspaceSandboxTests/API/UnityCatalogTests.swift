import Foundation
import Testing
@testable import WorkspaceSandbox

struct UnityCatalogTests {
    let client = APITestClient()
    let path = "/api/2.1/unity-catalog/permissions/catalog/\(SeedState.catalogName)"

    @Test func seededOwnerGrant() {
        let response = client.get(path)
        #expect(response.status == 200)
        let assignments = response["privilege_assignments"] as? [[String: Any]]
        #expect(assignments?.first?["principal"] as? String == SeedState.adminUserName)
        #expect(response.route == "GET /api/2.1/unity-catalog/permissions/{securable_type}/{full_name}")
    }

    @Test func patchAddsAndRemoves() {
        let added = client.patch(path, ["changes": [["principal": "workshop-users", "add": ["USE_CATALOG", "BROWSE"]]]])
        #expect(added.status == 200)
        #expect(added.mutated)
        let again = client.patch(path, ["changes": [["principal": "workshop-users", "add": ["USE_CATALOG"]]]])
        #expect(!again.mutated)
        _ = client.patch(path, ["changes": [["principal": "workshop-users", "remove": ["BROWSE"]]]])
        let filtered = client.get("\(path)?principal=workshop-users")
        let assignments = filtered["privilege_assignments"] as? [[String: Any]]
        #expect(assignments?.count == 1)
        #expect(assignments?.first?["privileges"] as? [String] == ["USE_CATALOG"])
    }

    @Test func spacedPrivilegeAndAddRemoveConflictAre400() {
        let spaced = client.patch(path, ["changes": [["principal": "workshop-users", "add": ["USE CATALOG"]]]])
        #expect(spaced.status == 400)
        #expect(spaced.string["error_code"] == "INVALID_PARAMETER_VALUE")
        let both = client.patch(path, ["changes": [["principal": "workshop-users", "add": ["USE_CATALOG"], "remove": ["USE_CATALOG"]]]])
        #expect(both.status == 400)
        #expect(both.string["message"] == "Duplicate privileges to add and delete for principal workshop-users.")
        let wrongKind = client.patch("/api/2.1/unity-catalog/permissions/connection/\(SeedState.connectionName)",
                                     ["changes": [["principal": "workshop-users", "add": ["USE_CATALOG"]]]])
        #expect(wrongKind.status == 400)
    }

    @Test func workspaceGroupsAreUnknownPrincipals() {
        _ = client.post("\(Paths.scim)/Groups", ["displayName": "local"])
        let response = client.patch(path, ["changes": [["principal": "local", "add": ["USE_CATALOG"]]]])
        #expect(response.status == 404)
        #expect(response.string["message"] == "Could not find principal with name local")
    }

    @Test func missingSecurables() {
        let catalog = client.get("/api/2.1/unity-catalog/permissions/catalog/nope")
        #expect(catalog.status == 404)
        #expect(catalog.string["error_code"] == "CATALOG_DOES_NOT_EXIST")
        #expect(client.get("/api/2.1/unity-catalog/permissions/schema/\(SeedState.catalogName).default").status == 200)
        #expect(client.get("/api/2.1/unity-catalog/permissions/table/a.b.c").status == 400)
    }

    @Test func restGrantIsVisibleToSQL() {
        _ = client.patch(path, ["changes": [["principal": "account users", "add": ["USE_CATALOG"]]]])
        let body: [String: Any] = ["warehouse_id": SeedState.warehouseID, "wait_timeout": "5s",
                                   "statement": "SHOW GRANTS `account users` ON CATALOG `\(SeedState.catalogName)`"]
        let shown = client.post("/api/2.0/sql/statements", body)
        let rows = (shown["result"] as? [String: Any])?["data_array"] as? [[String]]
        #expect(rows == [["account users", "USE CATALOG", "CATALOG", SeedState.catalogName]])
        let stored = client.state.grants["catalog/\(SeedState.catalogName)"]
        #expect(stored?.contains(GrantEntry(principal: "account users", privileges: ["USE_CATALOG"])) == true)
    }
}
