import Foundation

/// A workspace's base URL, normalized: a scheme (`https://` added when missing), no trailing slash,
/// no path, query or fragment (browser addresses like `https://adb-1.azuredatabricks.net/?o=1#`
/// are accepted), and `http://` only for loopback hosts, where no token can leak onto a network.
public struct WorkspaceHost: Sendable, Hashable, CustomStringConvertible {
    /// `https://adb-123.azuredatabricks.net` or `http://127.0.0.1:8080`.
    public let url: URL
    /// The host name alone, for messages: `adb-123.azuredatabricks.net`.
    public let name: String

    public init(_ text: String) throws(CredentialsError) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .invalidHost(text, reason: "it is empty") }
        let withScheme = trimmed.contains("://") ? trimmed : "https://" + trimmed
        guard let components = URLComponents(string: withScheme), let host = components.host, !host.isEmpty else {
            throw .invalidHost(text, reason: "it is not a URL")
        }
        let scheme = (components.scheme ?? "").lowercased()
        guard scheme == "https" || scheme == "http" else {
            throw .invalidHost(text, reason: "the scheme must be https")
        }
        if scheme == "http" && !Self.isLoopback(host) {
            throw .insecureHost(host)
        }
        guard components.user == nil && components.password == nil else {
            throw .invalidHost(text, reason: "it must not contain a user name or password")
        }
        var normalized = URLComponents()
        normalized.scheme = scheme
        normalized.host = host
        normalized.port = components.port
        guard let url = normalized.url else { throw .invalidHost(text, reason: "it is not a URL") }
        self.url = url
        self.name = host
    }

    public var description: String { url.absoluteString }

    /// `localhost`, `127.0.0.0/8` and `::1`.
    public static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        if bare == "localhost" || bare == "::1" || bare == "0:0:0:0:0:0:0:1" { return true }
        let octets = bare.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4, octets[0] == "127" else { return false }
        return octets.allSatisfy { octet in
            guard !octet.isEmpty, octet.count <= 3, octet.allSatisfy(\.isASCII), let value = Int(octet) else {
                return false
            }
            return value <= 255
        }
    }
}
