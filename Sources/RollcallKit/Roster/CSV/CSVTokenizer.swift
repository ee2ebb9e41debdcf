/// The RFC 4180 state machine: splits UTF-8 bytes into records, one chunk at a time.
///
/// It scans bytes (no `Character` work), reuses one field buffer for every record, and counts
/// physical lines (CRLF, LF and lone CR each end one) so each record knows where it starts.
struct CSVTokenizer {
    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }

    private static let quote = UInt8(ascii: "\"")
    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")

    let delimiter: UInt8
    private var fieldBytes: [UInt8] = []
    private var ends: [Int] = []
    private var state = State.fieldStart
    private var line: Int
    private var recordLine: Int
    private var quoteLine = 0
    private var pendingCR = false
    private var highBits: UInt8 = 0
    private(set) var warnings: [CSVWarning] = []

    init(delimiter: UInt8, firstLine: Int = 1) {
        self.delimiter = delimiter
        self.line = firstLine
        self.recordLine = firstLine
        fieldBytes.reserveCapacity(4096)
        ends.reserveCapacity(32)
    }

    mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, _ emit: (CSVRecordView) -> Void) {
        let quote = Self.quote
        let cr = Self.cr
        let lf = Self.lf
        let delimiter = self.delimiter
        var index = 0
        let end = chunk.count
        while index < end {
            let byte = chunk[index]
            index += 1
            if pendingCR {
                pendingCR = false
                if byte == lf {
                    if state == .quoted { fieldBytes.append(byte) }
                    continue
                }
            }
            switch state {
            case .quoted:
                if byte == quote {
                    state = .quoteInQuoted
                } else if byte == cr || byte == lf {
                    line += 1
                    pendingCR = byte == cr
                    fieldBytes.append(byte)
                } else {
                    // Copy the run up to the next quote or line break at once.
                    var runEnd = index
                    while runEnd < end && chunk[runEnd] != quote && chunk[runEnd] != cr && chunk[runEnd] != lf {
                        runEnd += 1
                    }
                    append(chunk, from: index - 1, to: runEnd)
                    index = runEnd
                }
            case .quoteInQuoted:
                if byte == quote {
                    fieldBytes.append(quote)
                    state = .quoted
                } else if byte == delimiter {
                    ends.append(fieldBytes.count)
                    state = .fieldStart
                } else if byte == cr || byte == lf {
                    endRecord(emit)
                    pendingCR = byte == cr
                } else {
                    warnStrayQuote()
                    highBits |= byte
                    fieldBytes.append(byte)
                    state = .unquoted
                }
            case .fieldStart, .unquoted:
                if byte == delimiter {
                    ends.append(fieldBytes.count)
                    state = .fieldStart
                } else if byte == cr || byte == lf {
                    endRecord(emit)
                    pendingCR = byte == cr
                } else if byte == quote && state == .fieldStart {
                    state = .quoted
                    quoteLine = line
                } else {
                    if byte == quote { warnStrayQuote() }
                    // Copy the run up to the next delimiter, quote or line break at once.
                    var runEnd = index
                    while runEnd < end {
                        let next = chunk[runEnd]
                        if next == delimiter || next == quote || next == cr || next == lf { break }
                        runEnd += 1
                    }
                    append(chunk, from: index - 1, to: runEnd)
                    index = runEnd
                    state = .unquoted
                }
            }
        }
    }

    @inline(__always)
    private mutating func append(_ chunk: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
        let run = UnsafeBufferPointer(rebasing: chunk[start..<end])
        var bits: UInt8 = 0
        for byte in run { bits |= byte }
        highBits |= bits
        fieldBytes.append(contentsOf: run)
    }

    /// One warning per line is enough to point the user at it.
    private mutating func warnStrayQuote() {
        if warnings.last?.line != line { warnings.append(CSVWarning(line: line, kind: .strayQuote)) }
    }

    /// Ends the input: emits a last record without a line break, or fails on an open quote.
    mutating func finish(_ emit: (CSVRecordView) -> Void) throws(CSVError) {
        if state == .quoted { throw .unterminatedQuote(line: quoteLine) }
        if !fieldBytes.isEmpty || !ends.isEmpty { endRecord(emit) }
    }

    /// Closes the record at an unquoted line break; blank and all-whitespace records are skipped.
    private mutating func endRecord(_ emit: (CSVRecordView) -> Void) {
        ends.append(fieldBytes.count)
        if fieldBytes.contains(where: { $0 != 0x20 && $0 != 0x09 }) {
            var count = ends.count
            while count > 0 && ends[count - 1] == (count > 1 ? ends[count - 2] : 0) { count -= 1 }
            let valid = highBits < 0x80 || Self.isValidUTF8(fieldBytes, ends: ends[..<count])
            fieldBytes.withUnsafeBufferPointer { bytes in
                ends.withUnsafeBufferPointer { allEnds in
                    emit(
                        CSVRecordView(
                            line: recordLine, isValidUTF8: valid, bytes: bytes,
                            ends: UnsafeBufferPointer(rebasing: allEnds[..<count])))
                }
            }
        }
        fieldBytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        highBits = 0
        state = .fieldStart
        line += 1
        recordLine = line
    }

    /// Validates field by field, so a sequence split across two fields is not mistaken for valid.
    private static func isValidUTF8(_ bytes: [UInt8], ends: ArraySlice<Int>) -> Bool {
        var start = 0
        for end in ends {
            let hadError = transcode(
                bytes[start..<end].makeIterator(), from: UTF8.self, to: UTF32.self, stoppingOnError: true
            ) { _ in }
            if hadError { return false }
            start = end
        }
        return true
    }
}
