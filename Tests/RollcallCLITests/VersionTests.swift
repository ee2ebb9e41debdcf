import Testing
import RollcallCLI

struct VersionTests {
    @Test func versionIsSemantic() {
        #expect(RollcallVersion.current.split(separator: ".").count == 3)
    }
}
