import Foundation
import Testing

@testable import RollcallKit

struct ObjectACLTests {
    let acl = ObjectACL(
        kind: .warehouse, objectID: "/sql/warehouses/w1",
        held: [
            .group("a"): [.init(level: .canUse, inherited: false), .init(level: .canManage, inherited: true)],
            .group("b"): [.init(level: PermissionLevel(rawValue: "CAN_VIEW"), inherited: false), .init(level: .canUse, inherited: false)],
            .user("u@x.com"): [.init(level: .isOwner, inherited: false)],
            .servicePrincipal("app-1"): [.init(level: PermissionLevel(rawValue: "CAN_VIEW"), inherited: false)],
        ])

    @Test func highestLevelCountsInheritedOnesAndRanksUnknownLevelsLowest() {
        #expect(acl.levels[.group("a")] == .canManage)
        #expect(acl.levels[.group("b")] == .canUse)
        #expect(acl.levels[.user("u@x.com")] == .isOwner)
        #expect(acl.levels[.servicePrincipal("app-1")]?.rawValue == "CAN_VIEW")
        #expect(acl.levels[.group("u@x.com")] == nil)  // same name, other kind
    }

    @Test func directGrantsLeaveInheritedOnesOut() {
        let grants = acl.directGrants
        #expect(grants.contains(PermissionGrant(principal: .group("a"), level: .canUse)))
        #expect(!grants.contains(PermissionGrant(principal: .group("a"), level: .canManage)))
        #expect(grants.count == 5)
    }

    @Test func decodesTheWireShape() throws {
        let json = """
            {"object_id":"/clusters/c1","object_type":"cluster","access_control_list":[
              {"group_name":"g","all_permissions":[{"permission_level":"CAN_RESTART","inherited":false}]},
              {"service_principal_name":"0000-app","all_permissions":[{"permission_level":"CAN_MANAGE","inherited":true,"inherited_from_object":["/clusters/"]}]},
              {"display_name":"nobody"}]}
            """
        let wire = try JSONDecoder().decode(PermissionsWire.ObjectPermissions.self, from: Data(json.utf8))
        let acl = PermissionsWire.acl(wire, kind: .cluster)
        #expect(acl.objectID == "/clusters/c1")
        #expect(acl.levels == [.group("g"): .canRestart, .servicePrincipal("0000-app"): .canManage])
    }
}
