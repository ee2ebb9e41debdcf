import Testing

struct VersionTests {
    @Test func placeholder() { #expect(Bool(true)) }
}
