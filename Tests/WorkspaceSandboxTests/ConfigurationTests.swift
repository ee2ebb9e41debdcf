import Testing
import WorkspaceSandbox

struct ConfigurationTests {
    @Test func defaultsInjectNoFaults() {
        let configuration = SandboxConfiguration()
        #expect(configuration.errorRate == 0)
        #expect(configuration.dropRate == 0)
        #expect(configuration.rateLimits == .off)
    }
}
