import Foundation
import Testing
@testable import WorkspaceSandbox

struct SCIMUserTests {
    let client = APITestClient()

    @Test func createStoresLowerCaseAndAnswers201() {
        let response = client.post("\(Paths.scim)/Users", ["userName": "Alf@Melmak.ET", "displayName": "Alf"])
        #expect(response.status == 201)
        #expect(response.string["userName"] == "alf@melmak.et")
        #expect(response.route == "POST /api/2.0/preview/scim/v2/Users")
        #expect(response.mutated)
        #expect(response.header("X-Databricks-Org-Id") == "1234567890123456")
        let id = response.string["id"]!
        #expect(Int64(id) != nil)
        #expect(client.get("\(Paths.scim)/Users/\(id)").string["displayName"] == "Alf")
    }

    @Test func duplicateInAnyCaseIs409WithTheRealDetail() {
        _ = client.post("\(Paths.scim)/Users", ["userName": "willie@tanner.com"])
        let again = client.post("\(Paths.scim)/Users", ["userName": "WILLIE@Tanner.com"])
        #expect(again.status == 409)
        #expect(again.string["detail"] == "User with username willie@tanner.com already exists.")
        #expect(again.string["status"] == "409")
        #expect(!again.mutated)
    }

    @Test func missingUserIs404WithStringStatus() {
        let response = client.get("\(Paths.scim)/Users/42")
        #expect(response.status == 404)
        #expect(response.string["status"] == "404")
        #expect(response.string["detail"] == "User with id 42 is not found")
        #expect(response["schemas"] as? [String] == ["urn:ietf:params:scim:api:messages:2.0:Error"])
    }

    @Test func unparsableBodyIs400() {
        let response = client.call("POST", "\(Paths.scim)/Users", body: Array("not json".utf8),
                                   headers: ["content-type": "application/scim+json"])
        #expect(response.status == 400)
        #expect(response.string["scimType"] == "Invalid JSON provided in request body.")
    }

    @Test func meIsTheAdmin() {
        let me = client.get("\(Paths.scim)/Me")
        #expect(me.status == 200)
        #expect(me.string["userName"] == SeedState.adminUserName)
        #expect(me.string["id"] == SeedState.adminUserID)
    }

    @Test func filtersMatchCaseInsensitively() {
        for name in ["ann@x.com", "bob@x.com", "bea@y.org"] { _ = client.post("\(Paths.scim)/Users", ["userName": name]) }
        func names(_ filter: String) -> [String] {
            client.get("\(Paths.scim)/Users?filter=\(Paths.query(filter))").resourceValues("userName")
        }
        #expect(names("userName eq \"ANN@X.COM\"") == ["ann@x.com"])
        #expect(names("userName sw \"b\"") == ["bob@x.com", "bea@y.org"])
        #expect(names("userName co \"@x.\" and userName ne \"ann@x.com\"") == ["bob@x.com"])
        #expect(names("userName eq \"ann@x.com\" or userName eq \"bea@y.org\"") == ["ann@x.com", "bea@y.org"])
        #expect(names("active eq false").isEmpty)
        #expect(names("userName eq \"nobody@x.com\"").isEmpty)
    }

    @Test func emptyResultHasNoResourcesKey() {
        let response = client.get("\(Paths.scim)/Users?filter=\(Paths.query("userName eq \"none@x.com\""))")
        #expect(response.status == 200)
        #expect(response["totalResults"] as? Int == 0)
        #expect(response["Resources"] == nil)
    }

    @Test(arguments: ["userName gt \"a\"", "emails eq \"a\"", "(userName eq \"a\")", "userName pr", "userName eq"])
    func unsupportedFiltersAre400(_ filter: String) {
        let response = client.get("\(Paths.scim)/Users?filter=\(Paths.query(filter))")
        #expect(response.status == 400)
        #expect(response.string["status"] == "400")
    }

    @Test func pagingEchoesStartIndexAndCapsPages() {
        for index in 0..<120 { _ = client.post("\(Paths.scim)/Users", ["userName": "p\(index)@x.com"]) }
        let first = client.get("\(Paths.scim)/Users?count=10000")
        #expect(first["totalResults"] as? Int == 121)
        #expect(first["itemsPerPage"] as? Int == 100)
        #expect(first["startIndex"] as? Int == 1)
        let second = client.get("\(Paths.scim)/Users?startIndex=101&count=10000")
        #expect(second["startIndex"] as? Int == 101)
        #expect(second.resources.count == 21)
        let small = client.get("\(Paths.scim)/Users?startIndex=3&count=2")
        #expect(small.resourceValues("userName") == ["p1@x.com", "p2@x.com"])
        let all = Set(first.resourceValues("id") + second.resourceValues("id"))
        #expect(all.count == 121)
    }

    @Test func attributesAndExcludedAttributesProject() {
        _ = client.post("\(Paths.scim)/Users", ["userName": "proj@x.com", "entitlements": [["value": "workspace-access"]]])
        let only = client.get("\(Paths.scim)/Users?attributes=userName&filter=\(Paths.query("userName eq \"proj@x.com\""))")
        #expect(Set(only.resources[0].keys) == ["id", "schemas", "userName"])
        let without = client.get("\(Paths.scim)/Users?excludedAttributes=entitlements,emails&filter=\(Paths.query("userName eq \"proj@x.com\""))")
        #expect(without.resources[0]["entitlements"] == nil)
        #expect(without.resources[0]["emails"] == nil)
        #expect(without.resources[0]["userName"] as? String == "proj@x.com")
    }

    @Test func putReplacesAndIgnoresUserName() {
        let id = client.post("\(Paths.scim)/Users", ["userName": "put@x.com", "displayName": "Old"]).string["id"]!
        let put = client.put("\(Paths.scim)/Users/\(id)", ["userName": "other@x.com", "displayName": "New", "active": false])
        #expect(put.status == 200)
        #expect(put.string["userName"] == "put@x.com")
        #expect(put.string["displayName"] == "New")
        #expect(put["active"] as? Bool == false)
        #expect(put.mutated)
        #expect(!client.put("\(Paths.scim)/Users/\(id)", ["displayName": "New", "active": false]).mutated)
    }

    @Test func patchEntitlementsAndActive() {
        let id = client.post("\(Paths.scim)/Users", ["userName": "patch@x.com"]).string["id"]!
        let path = "\(Paths.scim)/Users/\(id)"
        let removeNone = client.patch(path, ["Operations": [["op": "remove", "path": "entitlements[value eq \"workspace-access\"]"]]])
        #expect(removeNone.status == 400)
        #expect(removeNone.string["scimType"] == "invalidPath")
        #expect(removeNone.string["detail"] == "No such attribute with the name : entitlements in the current resource")
        let add = client.patch(path, ["schemas": [SCIMSchema.patchOp], "Operations": [
            ["op": "add", "path": "entitlements", "value": [["value": "databricks-sql-access"]]],
            ["op": "replace", "path": "active", "value": false],
        ]])
        #expect(add.status == 200)
        #expect(add.mutated)
        #expect((add["entitlements"] as? [[String: Any]])?.first?["value"] as? String == "databricks-sql-access")
        #expect(add["active"] as? Bool == false)
        #expect(!client.patch(path, ["Operations": [["op": "add", "path": "entitlements", "value": [["value": "databricks-sql-access"]]]]]).mutated)
    }

    @Test func deleteAnswers204ThenGetIs404() {
        let id = client.post("\(Paths.scim)/Users", ["userName": "gone@x.com"]).string["id"]!
        let deleted = client.delete("\(Paths.scim)/Users/\(id)")
        #expect(deleted.status == 204)
        #expect(deleted.body.isEmpty)
        #expect(client.get("\(Paths.scim)/Users/\(id)").status == 404)
        #expect(client.delete("\(Paths.scim)/Users/\(id)").status == 404)
        // Re-adding the account user brings back the same id.
        #expect(client.post("\(Paths.scim)/Users", ["userName": "gone@x.com"]).string["id"] == id)
    }

    @Test func unknownRouteIs404EndpointNotFound() {
        let response = client.get("/api/2.0/preview/scim/v2/Bulk")
        #expect(response.status == 404)
        #expect(response.string["error_code"] == "ENDPOINT_NOT_FOUND")
        #expect(response.route == nil)
    }
}
