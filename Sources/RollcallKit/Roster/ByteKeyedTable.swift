#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A hash table from byte strings to values that stores every key in one arena.
///
/// The duplicate-email check of a 1,000,000-row roster needs every address seen so far; as
/// `[String: V]` that is a heap object per address plus SipHash per row. Here a key is a slice
/// of one `[UInt8]`, hashed with FNV-1a, so memory is about the bytes themselves.
struct ByteKeyedTable<Value> {
    private struct Entry {
        var hash: UInt64
        var offset: Int
        var length: Int32
        var value: Value
    }

    private var arena: [UInt8] = []
    private var entries: [Entry] = []
    /// 0 = empty; else the hash's high 32 bits (a tag) and entry index + 1, so a miss (the common case:
    /// a new email) reads only this array and costs one cache miss, not three.
    private var slots: [UInt64] = Array(repeating: 0, count: 1024)

    var count: Int { entries.count }

    /// The entry index for `key`, or nil.
    func find(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        find(key, hash: CellBytes.hash(key))
    }

    /// The entry index for `key` whose ``CellBytes/hash(_:)`` the caller already has.
    func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        let tag = hash >> 32
        while true {
            let packed = slots[slot]
            if packed == 0 { return nil }
            if packed >> 32 == tag, matches(Int(packed & 0xFFFF_FFFF) - 1, key, hash: hash) {
                return Int(packed & 0xFFFF_FFFF) - 1
            }
            slot = (slot + 1) & mask
        }
    }

    /// Adds `key` (which must not be present) and returns its entry index.
    @discardableResult
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, value: Value) -> Int {
        insert(key, hash: CellBytes.hash(key), value: value)
    }

    /// Adds `key` with its precomputed ``CellBytes/hash(_:)``, saving a second pass over the bytes.
    @discardableResult
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64, value: Value) -> Int {
        if (entries.count + 1) * 4 > slots.count * 3 { grow() }
        entries.append(Entry(hash: hash, offset: arena.count, length: Int32(key.count), value: value))
        arena.append(contentsOf: key)
        place(entries.count - 1, hash: hash)
        return entries.count - 1
    }

    subscript(index: Int) -> Value {
        get { entries[index].value }
        set { entries[index].value = newValue }
    }

    /// The key bytes of an entry, as text.
    func key(at index: Int) -> String {
        let entry = entries[index]
        return String(decoding: arena[entry.offset..<(entry.offset + Int(entry.length))], as: UTF8.self)
    }

    private func matches(_ index: Int, _ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Bool {
        let entry = entries[index]
        guard entry.hash == hash, Int(entry.length) == key.count else { return false }
        return arena.withUnsafeBufferPointer { all in
            key.isEmpty || memcmp(all.baseAddress! + entry.offset, key.baseAddress!, key.count) == 0
        }
    }

    private mutating func place(_ index: Int, hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = (hash >> 32) << 32 | UInt64(index + 1)
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        for index in entries.indices { place(index, hash: entries[index].hash) }
    }
}
