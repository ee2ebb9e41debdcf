import Testing
import WorkspaceSandbox

struct APIFamilyTests {
    @Test(arguments: [
        ("GET", "/api/2.0/preview/scim/v2/Users", APIFamily?.some(.scimReads)),
        ("GET", "/api/2.0/preview/scim/v2/Me", .scimReads),
        ("POST", "/api/2.0/preview/scim/v2/Users", .scimWrites),
        ("DELETE", "/api/2.0/preview/scim/v2/Users/1", .scimWrites),
        ("GET", "/api/2.0/permissions/sql/warehouses/w1", .permissionsReads),
        ("GET", "/api/2.0/permissions/clusters/c1/permissionLevels", .permissionsReads),
        ("PATCH", "/api/2.0/permissions/serving-endpoints/e1", .permissionsWrites),
        ("POST", "/api/2.0/sql/statements", .sqlStatements),
        ("GET", "/api/2.0/sql/statements/s1", .sqlStatements),
        ("POST", "/api/2.0/sql/statements/s1/cancel", .sqlStatements),
        ("GET", "/api/2.0/clusters/list", .lookups),
        ("GET", "/api/2.0/sql/warehouses", .lookups),
        ("GET", "/api/2.0/workspace/get-status", .lookups),
        ("GET", "/api/2.0/serving-endpoints", .lookups),
        ("GET", "/api/2.1/unity-catalog/permissions/catalog/x", .unityCatalog),
        ("GET", "/api/2.0/accounts/a1/scim/v2/Users", .accountSCIMReads),
        ("PUT", "/api/2.0/accounts/a1/scim/v2/Groups/g", .accountSCIMWrites),
        ("PATCH", "/api/2.0/accounts/a1/scim/v2/Groups/g", .accountSCIMPatches),
        ("PUT", "/api/2.0/accounts/a1/workspaces/1/permissionassignments/principals/2", nil),
        ("POST", "/oidc/v1/token", nil),
        ("GET", "/.well-known/databricks-config", nil),
        ("GET", "/api/2.0/sql/statementsX", nil),
        ("GET", "/api/2.0/preview/scim/v2x/Users", nil),
    ])
    func classifiesByMethodAndPath(method: String, path: String, family: APIFamily?) {
        #expect(APIFamily.classify(method: method, path: path) == family)
    }

    @Test func ratesAreTheDocumentedAssumptions() {
        #expect(APIFamily.scimReads.requestsPerSecond == 4.25)
        #expect(APIFamily.scimReads.burst == 4.25)
        #expect(APIFamily.accountSCIMPatches.requestsPerSecond == 2)
        #expect(APIFamily.allCases.allSatisfy { $0.burst >= 1 })
        #expect(APIFamily.allCases.filter(\.isWorkspaceSCIM) == [.scimReads, .scimWrites])
    }

    @Test func minimumSecondsIsTheTimeToDrainTheBucketAtItsRate() {
        #expect(APIFamily.scimWrites.minimumSeconds(forRequests: 10) == 0)
        #expect(APIFamily.scimWrites.minimumSeconds(forRequests: 510) == 50)
        #expect(APIFamily.scimReads.minimumSeconds(forRequests: 4) == 0)
        #expect(abs(APIFamily.scimReads.minimumSeconds(forRequests: 5) - 0.75 / 4.25) < 1e-9)
        #expect(APIFamily.accountSCIMPatches.minimumSeconds(forRequests: 3) == 0.5)
    }
}
