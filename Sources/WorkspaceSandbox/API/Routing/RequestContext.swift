import Foundation

/// One request as a handler sees it: the request, the template's placeholders and the caller.
struct RequestContext {
    var request: SandboxRequest
    var params: [String: String]
    var now: Date
    var caller: Caller

    func param(_ name: String) -> String { params[name] ?? "" }
    func query(_ name: String) -> String? { request.queryValue(name) }
    var body: JSONObject? { JSONBody.object(request.body) }
}

/// The identity behind a bearer token.
enum Caller: Equatable {
    case anonymous
    /// The seeded admin user, behind the workspace token.
    case user(id: String)
    /// The OAuth client's service principal.
    case servicePrincipal(id: String)
}
