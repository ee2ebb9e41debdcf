/// The account console host of a workspace's cloud (databricks-api.md §2): AWS, Azure and GCP
/// each have one; a loopback workspace (the sandbox) serves its account APIs itself.
public enum AccountHost {
    /// nil when the workspace host names no known cloud: the organizer must set `account_host`.
    public static func derive(from workspace: WorkspaceHost) -> WorkspaceHost? {
        if WorkspaceHost.isLoopback(workspace.name) { return workspace }
        let name = workspace.name.lowercased()
        for domain in ["cloud.databricks.com", "azuredatabricks.net", "gcp.databricks.com"]
        where name == domain || name.hasSuffix("." + domain) {
            return try? WorkspaceHost("https://accounts." + domain)
        }
        return nil
    }
}
