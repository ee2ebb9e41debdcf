/// Serves one keep-alive connection on its own thread: frame a request, hand it to the handler,
/// write the answer, repeat until EOF, idle timeout, `Connection: close` or a framing error.
struct HTTPConnection {
    let socket: ConnectionSocket
    let limits: HTTPLimits
    let handler: @Sendable (HTTPRequest) -> HTTPReply

    private enum Ending {
        /// The peer is gone or idle: nothing more to say.
        case peerGone
        /// We answered with `Connection: close`: half-close and drain so the answer arrives.
        case answeredAndClosing
        case dropped
    }

    func run() {
        var buffer = ReceiveBuffer()
        var scratch = [UInt8](repeating: 0, count: 65_536)
        let ending = serve(&buffer, &scratch)
        switch ending {
        case .peerGone: break
        case .answeredAndClosing: socket.closeGracefully()
        case .dropped: socket.abort()
        }
    }

    private func serve(_ buffer: inout ReceiveBuffer, _ scratch: inout [UInt8]) -> Ending {
        while true {
            // 1. The head: everything up to CRLFCRLF.
            var headLength = buffer.headLength()
            while headLength == nil {
                if buffer.count > limits.maxHeadBytes { return reject(.headTooLarge) }
                guard socket.read(into: &buffer, scratch: &scratch) else { return .peerGone }
                headLength = buffer.headLength()
            }
            guard let headLength, headLength <= limits.maxHeadBytes + 4 else { return reject(.headTooLarge) }
            let headBytes = buffer.take(headLength)
            let head: HTTPRequestHead
            do {
                head = try HTTPRequestHead.parse(headBytes[...], limits: limits)
            } catch {
                return reject(error)
            }

            // 2. Exactly Content-Length bytes of body; anything after them is the next request.
            if head.expectsContinue && buffer.count < head.contentLength {
                guard socket.writeAll(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)) else { return .peerGone }
            }
            while buffer.count < head.contentLength {
                guard socket.read(into: &buffer, scratch: &scratch) else { return .peerGone }
            }
            let body = buffer.take(head.contentLength)

            // 3. Answer.
            let request = SandboxRequest(
                method: head.method, path: head.path, query: head.query.map { ($0.name, $0.value) },
                headers: head.headers, body: body)
            switch handler(HTTPRequest(request: request, rawPath: head.rawPath)) {
            case .dropConnection:
                return .dropped
            case .respond(let response):
                let closing = !head.keepAlive
                let bytes = HTTPResponseSerializer.serialize(
                    response, closing: closing, keepAliveHTTP10: head.minorVersion == 0 && !closing,
                    isHead: head.method == "HEAD")
                guard socket.writeAll(bytes) else { return .peerGone }
                if closing { return .answeredAndClosing }
            }
        }
    }

    private func reject(_ rejection: HTTPRejection) -> Ending {
        let bytes = HTTPResponseSerializer.serialize(rejection.response, closing: true)
        return socket.writeAll(bytes) ? .answeredAndClosing : .peerGone
    }
}
