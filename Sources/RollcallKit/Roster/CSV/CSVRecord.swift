/// One CSV record as the reader hands it out. It points into the reader's buffers: use it inside the
/// callback that receives it and never keep it (copy with ``strings`` or ``CSVRecord``).
///
/// Fields are byte ranges into the reader's reusable buffer, so a 1,000,000-row file costs no
/// allocation per field; callers turn only the cells they need into `String`s.
public struct CSVRecordView {
    /// Physical line (1-based) where the record starts; the number users see in errors.
    public let line: Int
    /// Whether every field is valid UTF-8. When false, ``string(at:)`` repairs bytes with U+FFFD.
    public let isValidUTF8: Bool
    @usableFromInline let bytes: UnsafeBufferPointer<UInt8>
    @usableFromInline let ends: UnsafeBufferPointer<Int>

    init(line: Int, isValidUTF8: Bool, bytes: UnsafeBufferPointer<UInt8>, ends: UnsafeBufferPointer<Int>) {
        self.line = line
        self.isValidUTF8 = isValidUTF8
        self.bytes = bytes
        self.ends = ends
    }

    /// Number of fields, trailing empty fields already dropped.
    public var count: Int { ends.count }

    /// The raw bytes of field `index`, or an empty buffer past the last field.
    @inlinable
    public func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        guard index >= 0, index < ends.count else { return UnsafeBufferPointer(start: nil, count: 0) }
        let start = index == 0 ? 0 : ends[index - 1]
        return UnsafeBufferPointer(rebasing: bytes[start..<ends[index]])
    }

    /// Field `index` decoded as UTF-8 ("" past the last field).
    public func string(at index: Int) -> String {
        String(decoding: field(index), as: UTF8.self)
    }

    /// Every field as a `String`; for tests and small files.
    public var strings: [String] { (0..<count).map { string(at: $0) } }
}

/// An owned copy of a record, for tests and callers that keep records around.
public struct CSVRecord: Sendable, Hashable {
    public var line: Int
    public var fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}
