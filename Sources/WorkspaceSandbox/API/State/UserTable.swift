/// The account's users in creation order, with their positions indexed by id and by userName, so
/// that a lookup (a `userName eq` filter, a permissions display name, `Me`) is a hash probe, not a
/// scan of every user: the import client looks up 50 names at a time in workspaces of 1,000+ users.
///
/// Encodes as the plain array it replaces, so `--state` files and `/sandbox/state` are unchanged.
struct UserTable: RandomAccessCollection, ExpressibleByArrayLiteral, Codable, Sendable, Equatable {
    private(set) var records: [UserRecord]
    private var positionByID: [String: Int] = [:]
    private var positionByUserName: [String: Int] = [:]

    init(_ records: [UserRecord]) {
        self.records = records
        reindex()
    }

    init(arrayLiteral records: UserRecord...) { self.init(records) }

    init(from decoder: any Decoder) throws {
        self.init(try [UserRecord](from: decoder))
    }

    func encode(to encoder: any Encoder) throws { try records.encode(to: encoder) }

    static func == (lhs: UserTable, rhs: UserTable) -> Bool { lhs.records == rhs.records }

    var startIndex: Int { records.startIndex }
    var endIndex: Int { records.endIndex }

    /// Replacing a record re-indexes only if its id or userName changed (neither normally does).
    subscript(position: Int) -> UserRecord {
        get { records[position] }
        set {
            let old = records[position]
            records[position] = newValue
            if old.id != newValue.id || old.userName != newValue.userName { reindex() }
        }
    }

    mutating func append(_ record: UserRecord) {
        records.append(record)
        if positionByID[record.id] == nil { positionByID[record.id] = records.count - 1 }
        if positionByUserName[record.userName] == nil { positionByUserName[record.userName] = records.count - 1 }
    }

    @discardableResult
    mutating func remove(at position: Int) -> UserRecord {
        defer { reindex() }
        return records.remove(at: position)
    }

    /// The first user with this id, as a scan from the front would find it.
    func position(id: String) -> Int? { positionByID[id] }

    /// The first user whose stored userName is exactly `userName` (stored names are lower-case).
    func position(userName: String) -> Int? { positionByUserName[userName] }

    private mutating func reindex() {
        positionByID = Dictionary(records.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        positionByUserName = Dictionary(
            records.enumerated().map { ($1.userName, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
