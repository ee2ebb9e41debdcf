import Foundation

/// Makes a roster group an account group the workspace can see: create it at the account level
/// (unless the account already has it), assign it to the workspace with `USER`, then give it the
/// workshop entitlements through workspace SCIM (account groups carry no entitlements).
public struct AccountGroupWriter: Sendable {
    public let account: AccountClient
    /// The workspace to assign to: `--workspace-id`, else the `X-Databricks-Org-Id` the client saw.
    public let workspaceID: String

    public init(account: AccountClient, workspaceID: String) {
        self.account = account
        self.workspaceID = workspaceID
    }

    /// Returns the group's id, which is the same in the account and the workspace.
    public func provision(
        _ name: String, existingID: String?, entitlements: [String], workspace: WorkspaceClient
    ) async throws -> String {
        let id: String
        if let existingID {
            id = existingID
        } else {
            id = try await account.createGroup(displayName: name)
        }
        try await account.assignToWorkspace(principalID: id, workspaceID: workspaceID)
        try await addEntitlements(entitlements, to: id, name: name, workspace: workspace)
        return id
    }

    /// An assignment can take a moment to reach the workspace ("Principal ... not in workspace",
    /// databricks-api.md §2): a 404 is retried three times, 0.5, 1 and 2 s apart.
    private func addEntitlements(
        _ entitlements: [String], to id: String, name: String, workspace: WorkspaceClient
    ) async throws {
        var wait = 0.5
        var attempt = 0
        while true {
            do throws(WorkspaceError) {
                try await workspace.addEntitlements(groupID: id, entitlements)
                return
            } catch {
                attempt += 1
                guard error.apiFailure?.isNotFound == true, attempt <= 3 else { throw error }
                try? await Task.sleep(nanoseconds: UInt64(wait * 1_000_000_000))
                wait *= 2
            }
        }
    }

    /// Why an account-level group could not be made.
    public enum Failure: Error, CustomStringConvertible {
        case noAccount(group: String)

        public var description: String {
            switch self {
            case .noAccount(let group):
                "group '\(group)' should be created at the account level, but no account is configured"
            }
        }
    }
}
