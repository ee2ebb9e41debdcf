import RollcallCLI
import Testing

struct VersionTests {
    @Test func versionIsSemantic() {
        #expect(RollcallVersion.current.split(separator: ".").count == 3)
    }
}
