import Foundation
import Testing
@testable import WorkspaceSandbox

struct AccountTests {
    let workspace = APITestClient(OAuthTestSupport.configure)
    var account: APITestClient {
        var client = workspace
        client.token = OAuthTestSupport.token(workspace, path: OAuthTestSupport.accountTokenPath).string["access_token"]
        return client
    }

    @Test func accountUsersCreateListGetPatchDelete() {
        let account = account
        let created = account.post("\(Paths.account)/scim/v2/Users", ["userName": "Kate@Tanner.com"])
        #expect(created.status == 201)
        #expect(created.string["userName"] == "kate@tanner.com")
        #expect(created.string["account_id"] == SandboxConfiguration().accountID)
        let id = created.string["id"]!
        let duplicate = account.post("\(Paths.account)/scim/v2/Users", ["userName": "kate@tanner.com"])
        #expect(duplicate.status == 409)
        #expect(duplicate.string["detail"] == "User with email kate@tanner.com already exists in this account")
        let listed = account.get("\(Paths.account)/scim/v2/Users?filter=\(Paths.query("userName eq \"KATE@tanner.com\""))")
        #expect(listed.resourceValues("id") == [id])
        // Not in the workspace until assigned.
        #expect(workspace.get("\(Paths.scim)/Users/\(id)").status == 404)
        let patched = account.patch("\(Paths.account)/scim/v2/Users/\(id)",
                                    ["Operations": [["op": "replace", "path": "displayName", "value": "Kate"]]])
        #expect(patched.string["displayName"] == "Kate")
        #expect(account.delete("\(Paths.account)/scim/v2/Users/\(id)").status == 204)
        #expect(account.get("\(Paths.account)/scim/v2/Users/\(id)").status == 404)
    }

    @Test func accountGroupBecomesVisibleWhenAssignedAndCanBeGranted() {
        let account = account
        let created = account.post("\(Paths.account)/scim/v2/Groups", ["displayName": "neo4j-students"])
        #expect(created.status == 201)
        let id = created.string["id"]!
        let filter = "\(Paths.scim)/Groups?filter=\(Paths.query("displayName eq \"neo4j-students\""))"
        #expect(workspace.get(filter).resources.isEmpty)
        // Unity Catalog knows account groups even before assignment.
        let grant = workspace.patch("/api/2.1/unity-catalog/permissions/catalog/\(SeedState.catalogName)",
                                    ["changes": [["principal": "neo4j-students", "add": ["USE_CATALOG"]]]])
        #expect(grant.status == 200)
        let assigned = account.put("\(Paths.assignments)/principals/\(id)", ["permissions": ["USER"]])
        #expect(assigned.status == 200)
        #expect(assigned.mutated)
        #expect((assigned["principal"] as? [String: Any])?["group_name"] as? String == "neo4j-students")
        let visible = workspace.get(filter).resources.first
        #expect((visible?["meta"] as? [String: Any])?["resourceType"] as? String == "Group")
        let list = account.get(Paths.assignments)["permission_assignments"] as? [[String: Any]] ?? []
        #expect(list.contains { ($0["principal"] as? [String: Any])?["group_name"] as? String == "neo4j-students" })
        #expect(account.delete("\(Paths.assignments)/principals/\(id)").status == 200)
        #expect(workspace.get(filter).resources.isEmpty)
        let again = account.delete("\(Paths.assignments)/principals/\(id)")
        #expect(again.status == 404)
        #expect(again.string["message"] == "Principal \(id) not in workspace \(SandboxConfiguration().workspaceID)")
    }

    @Test func adminAssignmentJoinsAdmins() {
        let account = account
        let id = account.post("\(Paths.account)/scim/v2/Users", ["userName": "boss@x.com"]).string["id"]!
        _ = account.put("\(Paths.assignments)/principals/\(id)", ["permissions": ["USER", "ADMIN"]])
        let admins = workspace.get("\(Paths.scim)/Groups/\(SeedState.adminsGroupID)")["members"] as? [[String: Any]]
        #expect(admins?.contains { $0["value"] as? String == id } == true)
        #expect(workspace.get("\(Paths.scim)/Users/\(id)").status == 200)
        let lowered = account.put("\(Paths.assignments)/principals/\(id)", ["permissions": ["user"]])
        #expect(lowered["permissions"] as? [String] == [])
        #expect(workspace.get("\(Paths.scim)/Users/\(id)").status == 404)
    }

    @Test func accountGroupMembersAndLevels() {
        let account = account
        let user = account.post("\(Paths.account)/scim/v2/Users", ["userName": "m@x.com"]).string["id"]!
        let group = account.post("\(Paths.account)/scim/v2/Groups", ["displayName": "team"]).string["id"]!
        let patched = account.patch("\(Paths.account)/scim/v2/Groups/\(group)",
                                    ["Operations": [["op": "add", "value": ["members": [["value": user]]]]]])
        #expect(patched.status == 200)
        #expect((patched["members"] as? [[String: Any]])?.first?["value"] as? String == user)
        let levels = account.get("\(Paths.assignments)/permissions")["permissions"] as? [[String: Any]]
        #expect(levels?.compactMap { $0["permission_level"] as? String } == ["USER", "ADMIN"])
        #expect(account.get("/api/2.0/accounts/other/scim/v2/Users").status == 404)
        #expect(account.put("\(Paths.assignments)/principals/999", ["permissions": ["USER"]]).status == 404)
    }

    @Test func membersOfAnAssignedGroupAreInTheWorkspace() {
        let account = account
        let id = account.post("\(Paths.account)/scim/v2/Users", ["userName": "student@x.com"]).string["id"]!
        #expect(workspace.get("\(Paths.scim)/Users/\(id)").status == 404)
        _ = account.patch("\(Paths.account)/scim/v2/Groups/\(SeedState.workshopUsersGroupID)",
                          ["Operations": [["op": "add", "path": "members", "value": [["value": id]]]]])
        let user = workspace.get("\(Paths.scim)/Users/\(id)")
        #expect(user.status == 200)
        #expect((user["groups"] as? [[String: Any]])?.first?["display"] as? String == "workshop-users")
        let acl = workspace.patch("/api/2.0/permissions/clusters/\(SeedState.clusterID)",
                                  ["access_control_list": [["user_name": "student@x.com", "permission_level": "CAN_ATTACH_TO"]]])
        #expect(acl.status == 200)
    }

    @Test func deletingAnAccountGroupRemovesItsGrantsAndAssignment() {
        let account = account
        let id = account.post("\(Paths.account)/scim/v2/Groups", ["displayName": "short-lived"]).string["id"]!
        _ = account.put("\(Paths.assignments)/principals/\(id)", ["permissions": ["USER"]])
        _ = workspace.patch("/api/2.1/unity-catalog/permissions/catalog/\(SeedState.catalogName)",
                            ["changes": [["principal": "short-lived", "add": ["BROWSE"]]]])
        let deleted = account.delete("\(Paths.account)/scim/v2/Groups/\(id)")
        #expect(deleted.status == 204)
        #expect(account.get("\(Paths.account)/scim/v2/Groups/\(id)").status == 404)
        #expect(workspace.get("\(Paths.scim)/Groups/\(id)").status == 404)
        #expect(workspace.state.grants["catalog/\(SeedState.catalogName)"]?.contains { $0.principal == "short-lived" } == false)
        #expect(workspace.state.assignments[id] == nil)
    }

    @Test func workspaceGroupsCannotJoinAccountGroups() {
        let account = account
        let local = workspace.post("\(Paths.scim)/Groups", ["displayName": "local"]).string["id"]!
        let group = account.post("\(Paths.account)/scim/v2/Groups", ["displayName": "team"]).string["id"]!
        let response = account.patch("\(Paths.account)/scim/v2/Groups/\(group)",
                                     ["Operations": [["op": "add", "path": "members", "value": [["value": local]]]]])
        #expect(response.status == 404)
    }
}
