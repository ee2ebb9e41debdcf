import Foundation
import Testing
@testable import WorkspaceSandbox

/// `memberToken`: an ordinary workspace user, refused (403) where Databricks refuses non-admins.
struct MemberTokenTests {
    @Test func aNonAdminReadsButCannotWrite() {
        var client = APITestClient { $0.memberToken = "dapi-member" }
        client.token = "dapi-member"
        let me = client.get("\(Paths.scim)/Me")
        #expect(me.status == 200)
        #expect(me.string["userName"] == SeedState.memberUserName)
        #expect(client.get("\(Paths.scim)/Users").status == 200)
        #expect(client.get("\(Paths.scim)/Groups").status == 200)
        let create = client.post("\(Paths.scim)/Users", ["userName": "x@example.org"])
        #expect(create.status == 403)
        #expect(create.string["status"] == "403")
        #expect(!create.mutated)
        #expect(client.patch("\(Paths.scim)/Groups/\(SeedState.usersGroupID)", ["Operations": []]).status == 403)
    }

    @Test func withoutTheKnobThereIsNoSuchUser() {
        var client = APITestClient()
        client.token = "dapi-member"
        #expect(client.get("\(Paths.scim)/Me").status == 403)
        #expect(APITestClient().get("\(Paths.scim)/Users?filter=userName%20eq%20%22\(SeedState.memberUserName)%22")
            .status == 200)
    }
}
