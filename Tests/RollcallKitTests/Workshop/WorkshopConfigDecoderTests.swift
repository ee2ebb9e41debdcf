import Foundation
import Testing

@testable import RollcallKit

struct WorkshopConfigDecoderTests {
    static func decode(_ json: String) throws(WorkshopConfigError) -> WorkshopConfig {
        try WorkshopConfigDecoder.decode(Array(json.utf8), file: "workshop.json")
    }

    /// The problems (path: message) a config produces, or [] when it decodes.
    static func problems(_ json: String) -> [String] {
        do {
            _ = try decode(json)
            return []
        } catch {
            return error.diagnostics.map(\.message)
        }
    }

    @Test func emptyObjectIsTheDefaults() throws {
        #expect(try Self.decode("{}") == .default)
    }

    @Test func templateIsTheDefaults() throws {
        #expect(try Self.decode(RollcallTemplates.workshop) == .default)
    }

    @Test func decodesEveryShape() throws {
        let config = try Self.decode(
            """
            {"defaultGroup": "students", "groupEntitlements": ["workspace-access"], "lockDownUsersGroup": [],
             "cluster": {"name": "Big", "defaultLevel": "can restart"}, "warehouse": null,
             "directory": {"path": "/Shared/lab", "defaultLevel": "CAN_RUN"},
             "servingEndpoints": {"names": ["llama"], "defaultLevel": null},
             "unityCatalog": {"grantsVia": "rest",
               "grants": [{"securable": "schema", "name": "main.lab", "privileges": ["use_schema", "select"]}]}}
            """)
        #expect(config.defaultGroup == "students")
        #expect(config.groupEntitlements == ["workspace-access"])
        #expect(config.lockDownUsersGroup == [])
        #expect(config.cluster == WorkshopResource(name: "Big", defaultLevel: .canRestart))
        #expect(config.warehouse == nil)
        #expect(config.directory == WorkshopResource(name: "/Shared/lab", defaultLevel: .canRun))
        #expect(config.servingEndpoints == WorkshopEndpoints(names: ["llama"], defaultLevel: nil))
        #expect(
            config.unityCatalog
                == UnityCatalogConfig(
                    grantsVia: .rest,
                    grants: [
                        UnityCatalogGrant(securable: .schema, name: "main.lab", privileges: ["USE SCHEMA", "SELECT"])
                    ]))
    }

    @Test func missingFieldsInsideAResourceKeepItsDefaults() throws {
        let config = try Self.decode(
            #"{"cluster": {"defaultLevel": "CAN_MANAGE"}, "servingEndpoints": {"names": ["e"]}}"#)
        #expect(config.cluster == WorkshopResource(name: "Small Spark 4.0", defaultLevel: .canManage))
        #expect(config.servingEndpoints == WorkshopEndpoints(names: ["e"], defaultLevel: .canQuery))
    }

    @Test(arguments: [
        (
            #"{"unityCatalog": {"grants": [{"securable": "catalog", "name": "c", "privileges": []}, {"securable": "catalog", "name": "c", "privilege": ["SELECT"]}]}}"#,
            "unityCatalog.grants[1].privilege: unknown key; did you mean 'privileges'?"
        ),
        (#"{"defaultGroupe": "x"}"#, "defaultGroupe: unknown key; did you mean 'defaultGroup'?"),
        (#"{"cluster": {"name": "c", "level": "CAN_MANAGE"}}"#, "cluster.level: unknown key"),
        (
            #"{"cluster": {"name": "c", "defaultLevel": "CAN_USE"}}"#,
            "cluster.defaultLevel: level: 'CAN_USE' is not a cluster level"
        ),
        (
            #"{"warehouse": {"name": "w", "defaultLevel": "IS_OWNER"}}"#,
            "warehouse.defaultLevel: level: IS_OWNER cannot be given to a group"
        ),
        (#"{"directory": {"defaultLevel": "CAN_READ"}}"#, "directory.path: is required"),
        (
            #"{"servingEndpoints": {"names": ["e"], "defaultLevel": "CAN_VIEW"}}"#,
            "servingEndpoints.defaultLevel: level: 'CAN_VIEW' is not a serving endpoint level"
        ),
        (#"{"servingEndpoints": ["e"]}"#, "servingEndpoints: use {\"names\""),
        (#"{"defaultGroup": "a\nb"}"#, "defaultGroup: the group name 'a\\nb' contains a control character"),
        (
            #"{"unityCatalog": {"grants": [{"securable": "catalog", "name": "c\u0000", "privileges": ["SELECT"]}]}}"#,
            "unityCatalog.grants[0].name: 'c\\0' contains a control character"
        ),
        (
            #"{"unityCatalog": {"grants": [{"securable": "catalog", "name": "c", "privileges": ["SELECT; DROP TABLE x"]}]}}"#,
            "unityCatalog.grants[0].privileges[0]: 'SELECT; DROP TABLE x' is not a privilege name"
        ),
        (
            #"{"unityCatalog": {"grants": [{"securable": "table", "name": "c", "privileges": ["SELECT"]}]}}"#,
            "unityCatalog.grants[0].securable: 'table' is not one of catalog, schema, connection"
        ),
        (#"{"unityCatalog": {"grantsVia": "api"}}"#, "unityCatalog.grantsVia: 'api' is not one of sql, rest"),
        (
            #"{"groupEntitlements": "workspace-access"}"#,
            "groupEntitlements: expected an array of strings, found a string"
        ),
        (#"[]"#, "expected an object, found an array"),
    ])
    func reportsProblemsWithTheirPath(json: String, expected: String) {
        let problems = Self.problems(json)
        #expect(problems.contains { $0.hasPrefix(expected) }, "\(problems)")
    }

    @Test func reportsEveryProblemAtOnce() {
        let problems = Self.problems(#"{"a": 1, "cluster": {"defaultLevel": "CAN_USE"}, "warehouse": 3}"#)
        #expect(problems.count == 3, "\(problems)")
    }

    @Test func malformedJSONIsNamed() {
        #expect(throws: WorkshopConfigError.self) { try Self.decode("{\"defaultGroup\": ") }
        #expect(Self.problems("{,}").first?.hasPrefix("not valid JSON") == true)
    }

    @Test func missingFileIsUnreadable() {
        #expect(
            throws: WorkshopConfigError.unreadable(
                file: "/nonexistent/w.json", reason: "no readable file at '/nonexistent/w.json'")
        ) {
            try WorkshopConfigDecoder.load(path: "/nonexistent/w.json")
        }
    }
}

struct TemplateTests {
    /// `templates/` at the package root, found from this file's path.
    static let templates = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("templates")

    @Test(arguments: [("roster.csv", RollcallTemplates.roster), ("workshop.json", RollcallTemplates.workshop)])
    func embeddedTemplatesMatchTheFiles(file: String, embedded: String) throws {
        let onDisk = try Data(contentsOf: Self.templates.appendingPathComponent(file))
        #expect(Array(onDisk) == Array(embedded.utf8))
    }

    @Test func rosterTemplateIsValidWithTwoGroupsAndExplicitLevels() throws {
        let report = RosterLoader.load(bytes: Array(RollcallTemplates.roster.utf8), file: "roster.csv")
        #expect(report.isValid && report.warnings.isEmpty)
        #expect(report.groups.count == 2)
        #expect(report.groups.contains { $0.levels.cluster == .canRestart })
    }
}
