import Testing

@testable import RollcallKit

struct ByteKeyedTableTests {
    static func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// Enough keys to grow the slot array several times; every key stays findable with its value.
    @Test func findsEveryKeyAcrossGrowth() {
        var table = ByteKeyedTable<Int>()
        for number in 0..<20_000 {
            Self.withBytes("user\(number)@example.org") { _ = table.insert($0, value: number) }
        }
        #expect(table.count == 20_000)
        for number in stride(from: 0, to: 20_000, by: 7) {
            let index = Self.withBytes("user\(number)@example.org") { table.find($0) }
            #expect(index.map { table[$0] } == number)
            #expect(index.map { table.key(at: $0) } == "user\(number)@example.org")
        }
        #expect(Self.withBytes("user20000@example.org") { table.find($0) } == nil)
        #expect(Self.withBytes("") { table.find($0) } == nil)
    }

    @Test func emptyKeyAndPrefixesAreDistinct() {
        var table = ByteKeyedTable<String>()
        for key in ["", "a", "ab", "abcdefgh", "abcdefghi"] {
            Self.withBytes(key) { _ = table.insert($0, value: key) }
        }
        for key in ["", "a", "ab", "abcdefgh", "abcdefghi"] {
            #expect(Self.withBytes(key) { table.find($0) }.map { table[$0] } == key)
        }
        #expect(Self.withBytes("abc") { table.find($0) } == nil)
    }
}
