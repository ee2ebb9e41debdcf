#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a CSV file as bytes, streaming it in chunks, and hands out one record at a time.
///
/// Handles a UTF-8 BOM, UTF-16 with BOM (converted), Excel's `sep=;` first line, and sniffs the
/// delimiter (comma, semicolon or tab) from the header line, outside quotes, unless one is given.
///
/// ```swift
/// let summary = try CSVReader().read(path: "roster.csv") { record in
///     print(record.line, record.strings)
/// }
/// ```
public struct CSVReader: Sendable {
    /// Fixed delimiter, or nil to sniff it from the header line.
    public var delimiter: UInt8?
    /// Bytes read from the file per system call.
    public var chunkSize: Int

    public init(delimiter: UInt8? = nil, chunkSize: Int = 1 << 20) {
        self.delimiter = delimiter
        self.chunkSize = max(1, chunkSize)
    }

    /// What a read found besides the records.
    public struct Summary: Sendable, Hashable {
        public var encoding: TextEncoding
        public var delimiter: UInt8
        public var warnings: [CSVWarning]
    }

    /// Streams the file at `path`, calling `body` for every non-blank record in file order.
    public func read(path: String, _ body: (CSVRecordView) -> Void) throws(CSVError) -> Summary {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw .unreadable(path: path, reason: Self.systemError()) }
        defer { close(descriptor) }
        var pipeline = CSVPipeline(delimiter: delimiter)
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: chunkSize)
        defer { buffer.deallocate() }
        while true {
            let count = readChunk(descriptor, buffer.baseAddress, chunkSize)
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: path, reason: Self.systemError())
            }
            if count == 0 { break }
            pipeline.push(UnsafeBufferPointer(rebasing: buffer[..<count]), body)
        }
        return try pipeline.finish(body)
    }

    /// Reads CSV from memory (tests, stdin, small files), in `chunkSize` pieces like a file.
    public func read(bytes: [UInt8], _ body: (CSVRecordView) -> Void) throws(CSVError) -> Summary {
        var pipeline = CSVPipeline(delimiter: delimiter)
        bytes.withUnsafeBufferPointer { all in
            var start = 0
            while start < all.count {
                let end = min(all.count, start + chunkSize)
                pipeline.push(UnsafeBufferPointer(rebasing: all[start..<end]), body)
                start = end
            }
        }
        return try pipeline.finish(body)
    }

    /// Every record as owned values; convenient for tests and small inputs.
    public func records(bytes: [UInt8]) throws(CSVError) -> (records: [CSVRecord], summary: Summary) {
        var records: [CSVRecord] = []
        let summary = try read(bytes: bytes) { records.append(CSVRecord(line: $0.line, fields: $0.strings)) }
        return (records, summary)
    }

    private static func systemError() -> String { String(cString: strerror(errno)) }
}

/// POSIX `read(2)`, named apart because `CSVReader.read` shadows it inside the type.
@inline(__always)
private func readChunk(_ descriptor: Int32, _ buffer: UnsafeMutablePointer<UInt8>?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

/// Decoding and sniffing in front of the tokenizer: holds back the first bytes until the encoding
/// and the delimiter are known, then streams.
struct CSVPipeline {
    private let fixedDelimiter: UInt8?
    private var encoding: TextEncoding?
    private var rawHead: [UInt8] = []
    private var transcoder: UTF16ToUTF8Transcoder?
    private var transcoded: [UInt8] = []
    private var prologue: [UInt8] = []
    private var tokenizer: CSVTokenizer?
    /// Prologue size at which sniffing gives up waiting for the end of the header line.
    private static let prologueLimit = 1 << 16

    init(delimiter: UInt8?) { fixedDelimiter = delimiter }

    mutating func push(_ chunk: UnsafeBufferPointer<UInt8>, _ emit: (CSVRecordView) -> Void) {
        if encoding == nil {
            rawHead.append(contentsOf: chunk)
            if rawHead.count < 4 { return }
            let head = startDecoding()
            head.withUnsafeBufferPointer { decode($0, emit) }
            return
        }
        decode(chunk, emit)
    }

    mutating func finish(_ emit: (CSVRecordView) -> Void) throws(CSVError) -> CSVReader.Summary {
        if encoding == nil {
            let head = startDecoding()
            head.withUnsafeBufferPointer { decode($0, emit) }
        }
        if transcoder != nil {
            transcoder!.finish(into: &transcoded)
            let tail = transcoded
            tail.withUnsafeBufferPointer { forward($0, emit) }
        }
        if tokenizer == nil { startTokenizing(emit) }
        try tokenizer!.finish(emit)
        return CSVReader.Summary(encoding: encoding!, delimiter: tokenizer!.delimiter, warnings: tokenizer!.warnings)
    }

    /// Detects the encoding from the first bytes; returns them without the byte order mark.
    private mutating func startDecoding() -> [UInt8] {
        let (detected, bomLength) = TextEncoding.detect(rawHead)
        encoding = detected
        if detected != .utf8 { transcoder = UTF16ToUTF8Transcoder(bigEndian: detected == .utf16BigEndian) }
        let head = Array(rawHead.dropFirst(bomLength))
        rawHead = []
        return head
    }

    private mutating func decode(_ chunk: UnsafeBufferPointer<UInt8>, _ emit: (CSVRecordView) -> Void) {
        guard transcoder != nil else { return forward(chunk, emit) }
        transcoder!.transcode(chunk, into: &transcoded)
        let utf8 = transcoded
        utf8.withUnsafeBufferPointer { forward($0, emit) }
    }

    private mutating func forward(_ chunk: UnsafeBufferPointer<UInt8>, _ emit: (CSVRecordView) -> Void) {
        if tokenizer != nil { return tokenizer!.feed(chunk, emit) }
        prologue.append(contentsOf: chunk)
        if DelimiterSniffer.headerEnd(in: prologue, skippingSeparatorLine: true) != nil
            || prologue.count >= Self.prologueLimit
        {
            startTokenizing(emit)
        }
    }

    /// Settles the delimiter from the prologue and feeds the prologue to a new tokenizer.
    private mutating func startTokenizing(_ emit: (CSVRecordView) -> Void) {
        var body = prologue[...]
        var firstLine = 1
        let delimiter: UInt8
        if let (separator, lineLength) = DelimiterSniffer.separatorLine(in: prologue) {
            body = prologue[lineLength...]
            firstLine = 2
            delimiter = fixedDelimiter ?? separator
        } else {
            delimiter = fixedDelimiter ?? DelimiterSniffer.sniff(header: prologue)
        }
        tokenizer = CSVTokenizer(delimiter: delimiter, firstLine: firstLine)
        let bytes = Array(body)
        prologue = []
        bytes.withUnsafeBufferPointer { tokenizer!.feed($0, emit) }
    }
}
