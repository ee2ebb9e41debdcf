import Foundation

/// The order `JSONSerialization` writes an object's keys in with `.sortedKeys`: Foundation's
/// numeric, case-insensitive compare (so `itemsPerPage` comes before `Resources`). That compare is
/// slow, and responses reuse a few dozen key sets, so each set is ordered once and remembered.
enum JSONKeyOrder {
    /// Key sets seen so far, by their plain sorted form. Bounded so odd inputs cannot grow it forever.
    private static let known = LockedState<[[String]: [String]]>([:])
    private static let capacity = 4096

    static func sorted(_ keys: [String]) -> [String] {
        let plain = keys.sorted()
        if let ordered = known.withLock({ $0[plain] }) { return ordered }
        let ordered = plain.sorted(by: foundationPrecedes)
        known.withLock { if $0.count < capacity { $0[plain] = ordered } }
        return ordered
    }

    /// The comparison `JSONSerialization` sorts keys with (swift-corelibs-foundation `JSONWriter`).
    static func foundationPrecedes(_ a: String, _ b: String) -> Bool {
        a.compare(b, options: [.numeric, .caseInsensitive, .forcedOrdering], range: a.startIndex..<a.endIndex,
                  locale: NSLocale.system) == .orderedAscending
    }
}
