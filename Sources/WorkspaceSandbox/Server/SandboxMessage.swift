/// One HTTP/1.1 request as the sandbox's API layer sees it: already framed and parsed.
public struct SandboxRequest: Sendable {
    /// Upper-case method: `GET`, `POST`, ...
    public var method: String
    /// Percent-decoded path without the query, e.g. `/api/2.0/preview/scim/v2/Users`.
    public var path: String
    /// Query parameters, percent-decoded (`+` as space), in order; repeated names keep every value.
    public var query: [(name: String, value: String)]
    /// Header names lower-cased; a repeated header keeps its last value.
    public var headers: [String: String]
    public var body: [UInt8]

    public init(
        method: String, path: String, query: [(name: String, value: String)] = [],
        headers: [String: String] = [:], body: [UInt8] = []
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// First value of a query parameter.
    public func queryValue(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }
}

/// One HTTP response. The server adds `Content-Length`, `Date` and `Connection` itself.
public struct SandboxResponse: Sendable {
    public var status: Int
    /// Extra headers in order, e.g. `("Content-Type", "application/json")`, `("Retry-After", "1")`.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// What the API layer did with a request, so the server can count it in `/sandbox/stats`.
public struct APIResult: Sendable {
    public var response: SandboxResponse
    /// Method and route template, e.g. `PATCH /api/2.0/preview/scim/v2/Groups/{id}`; nil for
    /// paths the API does not know (they are answered 404 and counted under their raw path).
    public var route: String?
    /// Whether the request changed state (a 201 create, a PATCH that added something, ...).
    public var mutated: Bool

    public init(response: SandboxResponse, route: String?, mutated: Bool) {
        self.response = response
        self.route = route
        self.mutated = mutated
    }
}
