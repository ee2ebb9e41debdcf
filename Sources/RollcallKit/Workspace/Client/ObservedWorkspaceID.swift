import Foundation

/// The workspace id, learned from the `X-Databricks-Org-Id` header of any response.
/// Shared by every copy of the client; the value sits behind `lock`.
final class ObservedWorkspaceID: @unchecked Sendable {
    private let lock = NSLock()
    private var value: String?

    var current: String? {
        lock.lock()
        defer { lock.unlock() }
        return value
    }

    func observe(_ headers: HTTPHeaders) {
        guard let id = headers["X-Databricks-Org-Id"]?.trimmingCharacters(in: .whitespaces), !id.isEmpty else {
            return
        }
        lock.lock()
        defer { lock.unlock() }
        value = id
    }
}
