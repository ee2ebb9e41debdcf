import Foundation

/// Secrets that appear while running (each OAuth access token), shared between the token cache
/// that obtains them and the redactor that must hide them. A class behind a lock: the cache
/// writes from its actor, redactors read from anywhere.
public final class LearnedSecrets: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String] = []

    public init() {}

    public func learn(_ secret: String) {
        guard secret.count >= 4 else { return }
        lock.withLock {
            if !values.contains(secret) { values.append(secret) }
        }
    }

    public var all: [String] { lock.withLock { values } }
}
