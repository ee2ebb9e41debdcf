import Foundation

/// OAuth access tokens issued by the sandbox's token endpoints, each good for one audience until it
/// expires (`oauthTTLSeconds`, databricks-api.md §7: "tokens last one hour" by default).
struct TokenStore {
    struct Issued {
        var audience: Audience
        var servicePrincipalID: String
        var expiresAt: Date
    }

    private var issued: [String: Issued] = [:]

    mutating func issue(_ token: String, _ grant: Issued) {
        issued[token] = grant
    }

    func lookup(_ token: String) -> Issued? { issued[token] }
}

/// Why a bearer token was refused.
enum AuthFailure: Error, Equatable {
    case missing
    case invalid
    case expired
    case wrongAudience

    /// The real bodies: no token is 401, an unknown token is 403 `Invalid access token.`
    /// (databricks-api.md §3, cli acceptance/workspace/jobs/create-error). Never a
    /// `WWW-Authenticate: Basic` header, which would make URLSession prompt for a password.
    var reply: Reply {
        switch self {
        case .missing:
            APIError.platform(401, "UNAUTHENTICATED",
                              "Credential was not sent or was of an unsupported type for this API.")
        case .invalid:
            APIError.platform(403, "PERMISSION_DENIED", "Invalid access token.")
        case .expired:
            APIError.platform(401, "UNAUTHENTICATED", "Token is expired.")
        case .wrongAudience:
            APIError.platform(401, "UNAUTHENTICATED",
                              "Credential was not sent or was of an unsupported type for this API.")
        }
    }
}
