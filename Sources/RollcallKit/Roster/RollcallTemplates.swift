/// The files in `templates/`, compiled in so an installed `rollcall template` (and `demo`) works
/// without the source tree. A test checks they stay byte-identical to `templates/*`.
public enum RollcallTemplates {
    /// `templates/roster.csv`: header and example rows covering two groups and explicit levels.
    public static let roster = """
        email,name,group,cluster_level,warehouse_level
        ada@example.org,Ada Lovelace,workshop-users,CAN_ATTACH_TO,CAN_USE
        grace@example.org,"Hopper, Grace",workshop-users,CAN_ATTACH_TO,CAN_USE
        alan@example.org,Alan Turing,workshop-users,,
        katherine@example.org,Katherine Johnson,instructors,CAN_RESTART,CAN_MONITOR
        edsger@example.org,Edsger Dijkstra,instructors,CAN_RESTART,CAN_MONITOR

        """

    /// `templates/workshop.json`: the defaults of DESIGN section 5.
    public static let workshop = """
        {
          "defaultGroup": "workshop-users",
          "groupEntitlements": ["workspace-access", "databricks-sql-access"],
          "lockDownUsersGroup": ["allow-cluster-create", "allow-instance-pool-create"],
          "cluster":   { "name": "Small Spark 4.0",   "defaultLevel": "CAN_ATTACH_TO" },
          "warehouse": { "name": "Starter Warehouse", "defaultLevel": "CAN_USE" },
          "directory": null,
          "servingEndpoints": [],
          "unityCatalog": {
            "grantsVia": "rest",
            "grants": [
              { "securable": "catalog", "name": "aws-databricks-neo4j-lab",
                "privileges": ["USE CATALOG", "USE SCHEMA", "SELECT", "READ VOLUME", "BROWSE"] },
              { "securable": "connection", "name": "neo4j_mcp", "privileges": ["USE CONNECTION"] }
            ]
          }
        }

        """
}
