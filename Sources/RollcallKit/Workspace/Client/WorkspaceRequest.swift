import Foundation

/// One API call before authentication, pacing and retries: what to send and which family's
/// rate limit it counts against.
struct WorkspaceRequest: Sendable {
    var method: HTTPMethod
    /// Percent-encoded path, e.g. `/api/2.0/preview/scim/v2/Users/123`.
    var path: String
    var query: [(name: String, value: String)] = []
    var body: Data? = nil
    var family: RequestFamily

    /// Path and encoded query, as the server sees it (and as messages show it).
    var pathAndQuery: String {
        query.isEmpty ? path : path + "?" + URLEncoding.query(query)
    }

    static func get(_ path: String, query: [(name: String, value: String)] = [], family: RequestFamily) -> Self {
        WorkspaceRequest(method: .get, path: path, query: query, family: family)
    }

    /// A request with a JSON body.
    static func json(
        _ method: HTTPMethod, _ path: String, body: some Encodable, family: RequestFamily
    ) throws(WorkspaceError) -> Self {
        do {
            let data = try JSONEncoder().encode(body)
            return WorkspaceRequest(method: method, path: path, body: data, family: family)
        } catch {
            throw .invalidRequest(detail: "cannot encode the body of \(method) \(path): \(error)")
        }
    }
}
