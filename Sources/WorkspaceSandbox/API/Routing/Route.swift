/// A method and path template such as `GET /api/2.0/permissions/{type}/{id}`; the template is the
/// key `/sandbox/stats` counts requests under.
struct Route: Sendable {
    let method: String
    let template: String
    private let segments: [Substring]

    init(_ method: String, _ template: String) {
        self.method = method
        self.template = template
        self.segments = template.split(separator: "/")
    }

    /// "METHOD template", the form `APIResult.route` carries.
    var key: String { "\(method) \(template)" }

    /// The placeholders' values when `path` fits the template, else nil. Placeholders match one
    /// non-empty segment.
    func match(method: String, path: String) -> [String: String]? {
        match(method: method, parts: path.split(separator: "/"))
    }

    /// As `match(method:path:)` for a path already split on `/` (the router splits once per request).
    func match(method: String, parts: [Substring]) -> [String: String]? {
        guard method == self.method, parts.count == segments.count else { return nil }
        var params: [String: String] = [:]
        for (part, segment) in zip(parts, segments) {
            if segment.first == "{" && segment.last == "}" {
                params[String(segment.dropFirst().dropLast())] = String(part)
            } else if part != segment {
                return nil
            }
        }
        return params
    }
}

/// Which credentials a route takes (databricks-api.md §7; issue 3 "Auth").
enum Audience: Sendable {
    /// Discovery and token endpoints: no bearer token.
    case open
    /// Workspace APIs: the workspace token or a workspace OAuth token.
    case workspace
    /// Account APIs: account OAuth tokens only.
    case account
}
