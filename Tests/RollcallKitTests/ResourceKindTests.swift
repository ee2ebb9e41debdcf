import Testing
import RollcallKit

struct ResourceKindTests {
    @Test(arguments: [
        ("CAN_ATTACH_TO", "CAN_ATTACH_TO"), ("can attach to", "CAN_ATTACH_TO"), ("Can-Attach-To", "CAN_ATTACH_TO"),
        ("  can_use ", "CAN_USE"), ("is owner", "IS_OWNER"),
    ])
    func readsLevelsAsUsersWriteThem(text: String, expected: String) {
        #expect(PermissionLevel(userText: text)?.rawValue == expected)
    }

    @Test func emptyCellIsNoLevel() {
        #expect(PermissionLevel(userText: "  ") == nil)
    }

    @Test func higherLevelSatisfiesLowerOne() {
        #expect(ResourceKind.cluster.satisfies(held: .canManage, wanted: .canAttachTo))
        #expect(!ResourceKind.cluster.satisfies(held: .canAttachTo, wanted: .canRestart))
        #expect(ResourceKind.warehouse.rank(of: .canAttachTo) == nil)
    }
}
