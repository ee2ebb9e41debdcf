/// Bytes read from a connection but not yet consumed; what follows one request (a pipelined next
/// request) stays here for the next turn of the connection loop.
struct ReceiveBuffer {
    private var bytes: [UInt8] = []
    private var start = 0
    /// Where the search for the end of the head resumes, so a slow client is not rescanned from the start.
    private var searchFrom = 0

    var count: Int { bytes.count - start }
    var isEmpty: Bool { count == 0 }

    mutating func append(_ chunk: ArraySlice<UInt8>) {
        bytes.append(contentsOf: chunk)
    }

    /// Length of the head including its CRLFCRLF, if the buffer holds a whole head.
    mutating func headLength() -> Int? {
        let terminator: [UInt8] = [13, 10, 13, 10]
        var index = max(start, searchFrom)
        let end = bytes.count - 3
        while index < end {
            if bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
                searchFrom = 0
                return index + terminator.count - start
            }
            index += 1
        }
        searchFrom = max(start, bytes.count - 3)
        return nil
    }

    /// Removes and returns the first `length` bytes.
    mutating func take(_ length: Int) -> [UInt8] {
        precondition(length <= count)
        let taken = Array(bytes[start..<(start + length)])
        start += length
        searchFrom = start
        if start == bytes.count {
            bytes.removeAll(keepingCapacity: true)
            start = 0
            searchFrom = 0
        } else if start > 65_536 && start * 2 > bytes.count {
            bytes.removeSubrange(0..<start)
            searchFrom -= start
            start = 0
        }
        return taken
    }
}
