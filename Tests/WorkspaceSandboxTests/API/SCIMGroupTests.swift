import Foundation
import Testing
@testable import WorkspaceSandbox

struct SCIMGroupTests {
    let client = APITestClient()

    private func user(_ name: String) -> String {
        client.post("\(Paths.scim)/Users", ["userName": name]).string["id"]!
    }

    private func group(_ name: String) -> String {
        client.post("\(Paths.scim)/Groups", ["displayName": name]).string["id"]!
    }

    private func members(_ id: String) -> [String] {
        (client.get("\(Paths.scim)/Groups/\(id)")["members"] as? [[String: Any]] ?? []).compactMap { $0["value"] as? String }
    }

    @Test func seededGroups() {
        let users = client.get("\(Paths.scim)/Groups/\(SeedState.usersGroupID)")
        #expect(users.string["displayName"] == "users")
        let entitlements = (users["entitlements"] as? [[String: Any]] ?? []).compactMap { $0["value"] as? String }
        #expect(Set(entitlements) == ["allow-cluster-create", "allow-instance-pool-create", "databricks-sql-access", "workspace-access"])
        #expect((users["meta"] as? [String: Any])?["resourceType"] as? String == "WorkspaceGroup")
        #expect(members(SeedState.adminsGroupID) == [SeedState.adminUserID])
        let workshop = client.get("\(Paths.scim)/Groups?filter=\(Paths.query("displayName eq \"workshop-users\""))")
        #expect((workshop.resources.first?["meta"] as? [String: Any])?["resourceType"] as? String == "Group")
    }

    @Test func createIsWorkspaceGroupAndDuplicateIs409() {
        let created = client.post("\(Paths.scim)/Groups", ["displayName": "neo4j-workshop"])
        #expect(created.status == 201)
        #expect((created["meta"] as? [String: Any])?["resourceType"] as? String == "WorkspaceGroup")
        let again = client.post("\(Paths.scim)/Groups", ["displayName": "neo4j-workshop"])
        #expect(again.status == 409)
        #expect(again.string["detail"] == "Group with name neo4j-workshop already exists.")
        #expect(client.post("\(Paths.scim)/Groups", ["displayName": "workshop-users"]).status == 409)
    }

    @Test func addMemberInBothFormsAndRemoveByFilter() {
        let groupID = group("g1")
        let alice = user("alice@x.com")
        let bob = user("bob@x.com")
        let path = "\(Paths.scim)/Groups/\(groupID)"
        let valueForm = client.patch(path, ["schemas": [SCIMSchema.patchOp],
                                            "Operations": [["op": "add", "value": ["members": [["value": alice]]]]]])
        #expect(valueForm.status == 200)
        #expect(valueForm.mutated)
        #expect(valueForm.route == "PATCH /api/2.0/preview/scim/v2/Groups/{id}")
        let pathForm = client.patch(path, ["Operations": [["op": "add", "path": "members", "value": [["value": bob]]]]])
        #expect(pathForm.mutated)
        #expect(members(groupID) == [alice, bob])
        let repeated = client.patch(path, ["Operations": [["op": "add", "path": "members", "value": [["value": bob]]]]])
        #expect(repeated.status == 200)
        #expect(!repeated.mutated)
        let removed = client.patch(path, ["Operations": [["op": "remove", "path": "members[value eq \"\(alice)\"]"]]])
        #expect(removed.mutated)
        #expect(members(groupID) == [bob])
        let groups = client.get("\(Paths.scim)/Users/\(bob)")["groups"] as? [[String: Any]]
        #expect(groups?.first?["value"] as? String == groupID)
    }

    @Test func unknownMemberIsRefused() {
        let response = client.patch("\(Paths.scim)/Groups/\(group("g2"))",
                                    ["Operations": [["op": "add", "path": "members", "value": [["value": "999"]]]]])
        #expect(response.status == 404)
        #expect(response.string["status"] == "404")
    }

    @Test func usersGroupRefusesMembers() {
        let alice = user("alice@x.com")
        let response = client.patch("\(Paths.scim)/Groups/\(SeedState.usersGroupID)",
                                    ["Operations": [["op": "add", "path": "members", "value": [["value": alice]]]]])
        #expect(response.status == 400)
        #expect(!response.mutated)
        // Everyone is a member implicitly; the refused PATCH changed nothing.
        #expect(members(SeedState.usersGroupID) == [SeedState.adminUserID, alice])
    }

    @Test func entitlementsAddRemoveAndReplace() {
        let path = "\(Paths.scim)/Groups/\(group("g3"))"
        let none = client.patch(path, ["Operations": [["op": "remove", "path": "entitlements", "value": [["value": "workspace-access"]]]]])
        #expect(none.string["detail"] == "No such attribute with the name : entitlements in the current resource")
        _ = client.patch(path, ["Operations": [["op": "add", "path": "entitlements",
                                                "value": [["value": "workspace-access"], ["value": "databricks-sql-access"]]]]])
        _ = client.patch(path, ["Operations": [["op": "remove", "path": "entitlements[value eq \"workspace-access\"]"]]])
        let after = client.get(path)["entitlements"] as? [[String: Any]]
        #expect(after?.compactMap { $0["value"] as? String } == ["databricks-sql-access"])
        let replaced = client.patch(path, ["Operations": [["op": "replace", "path": "displayName", "value": "g3-renamed"]]])
        #expect(replaced.string["displayName"] == "g3-renamed")
    }

    @Test func removeWithoutPathIsNoTarget() {
        let response = client.patch("\(Paths.scim)/Groups/\(group("g4"))", ["Operations": [["op": "remove"]]])
        #expect(response.status == 400)
        #expect(response.string["scimType"] == "noTarget")
        #expect(client.patch("\(Paths.scim)/Groups/\(group("g5"))", ["Operations": [["op": "move"]]]).status == 400)
        #expect(client.patch("\(Paths.scim)/Groups/\(group("g6"))", ["ops": []]).status == 400)
    }

    @Test func putReplacesMembers() {
        let groupID = group("g7")
        let alice = user("alice@x.com")
        let bob = user("bob@x.com")
        _ = client.put("\(Paths.scim)/Groups/\(groupID)", ["displayName": "g7", "members": [["value": alice], ["value": bob]]])
        #expect(members(groupID) == [alice, bob])
        _ = client.put("\(Paths.scim)/Groups/\(groupID)", ["displayName": "g7", "members": [["value": bob]]])
        #expect(members(groupID) == [bob])
    }

    @Test func deleteAndBuiltIns() {
        let groupID = group("g8")
        #expect(client.delete("\(Paths.scim)/Groups/\(groupID)").status == 204)
        let missing = client.get("\(Paths.scim)/Groups/\(groupID)")
        #expect(missing.string["detail"] == "Group with id \(groupID) is not found")
        #expect(client.delete("\(Paths.scim)/Groups/\(SeedState.adminsGroupID)").status == 400)
    }

    @Test func groupFiltersAndPaging() {
        for index in 0..<5 { _ = group("team-\(index)") }
        let filtered = client.get("\(Paths.scim)/Groups?filter=\(Paths.query("displayName sw \"team-\""))&startIndex=2&count=2")
        #expect(filtered["totalResults"] as? Int == 5)
        #expect(filtered.resourceValues("displayName") == ["team-1", "team-2"])
        #expect(client.get("\(Paths.scim)/Groups?filter=\(Paths.query("members eq \"1\""))").status == 400)
    }
}
