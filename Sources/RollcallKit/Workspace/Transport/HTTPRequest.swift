import Foundation

/// One HTTP request as the transport sends it: an absolute URL, headers and body bytes.
///
/// A plain value so that transports, retries and tests share one vocabulary and `URLRequest`
/// stays inside ``URLSessionTransport``. `description` redacts credentials.
public struct HTTPRequest: Sendable, Hashable, CustomStringConvertible {
    public var method: HTTPMethod
    public var url: URL
    public var headers: HTTPHeaders
    public var body: Data?

    public init(method: HTTPMethod, url: URL, headers: HTTPHeaders = [:], body: Data? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    public var description: String { "\(method) \(url.path) [\(headers)]" }
}

/// One HTTP response: status, headers and the whole body.
public struct HTTPResponse: Sendable, Hashable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: Data

    public init(status: Int, headers: HTTPHeaders = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// 200...299.
    public var isSuccess: Bool { (200..<300).contains(status) }
}
