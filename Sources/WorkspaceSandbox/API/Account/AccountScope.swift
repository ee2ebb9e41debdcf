/// Checks the `{account_id}` and `{workspace_id}` of account API paths against the sandbox's.
extension WorkspaceEngine {
    /// Account SCIM resources carry `account_id` (databricks-api.md §2).
    func withAccountID(_ json: JSONObject) -> JSONObject {
        var json = json
        json["account_id"] = configuration.accountID
        return json
    }

    func checkAccount(_ context: RequestContext) -> Reply? {
        let accountID = context.param("account_id")
        guard accountID == configuration.accountID else {
            return APIError.doesNotExist("Account \(accountID) does not exist.")
        }
        if let workspaceID = context.params["workspace_id"], workspaceID != String(configuration.workspaceID) {
            return APIError.doesNotExist("Workspace \(workspaceID) does not exist.")
        }
        return nil
    }
}
