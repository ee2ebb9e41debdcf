import Foundation
import Testing

@testable import RollcallKit

/// A fresh directory holding a working directory and a home directory, removed afterwards.
struct CredentialFixture: ~Copyable {
    let root: String
    var work: String { root + "/work" }
    var home: String { root + "/home" }

    init() throws {
        root = NSTemporaryDirectory() + "rollcall-credentials-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/work", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/home", withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func write(_ path: String, _ contents: String) throws {
        try contents.write(toFile: path, atomically: true, encoding: .utf8)
    }

    func inputs(host: String? = nil, environment: [String: String] = [:]) -> CredentialInputs {
        CredentialInputs(hostFlag: host, environment: environment, workingDirectory: work, homeDirectory: home)
    }
}

struct CredentialResolverTests {
    @Test func flagBeatsEnvironmentBeatsDotEnvBeatsConfigFile() throws {
        let fixture = try CredentialFixture()
        try fixture.write(fixture.home + "/.databrickscfg", "[DEFAULT]\nhost = https://cfg.example\ntoken = cfg-token\n")
        var credentials = try CredentialResolver.resolve(fixture.inputs())
        #expect(credentials.host.url.absoluteString == "https://cfg.example")
        #expect(credentials.token?.secret == "cfg-token")
        #expect(credentials.tokenSource == .configFile(path: fixture.home + "/.databrickscfg", profile: "DEFAULT", key: "token"))

        try fixture.write(fixture.work + "/.env", "DATABRICKS_HOST=https://env-file.example\nDATABRICKS_TOKEN=file-token\n")
        credentials = try CredentialResolver.resolve(fixture.inputs())
        #expect(credentials.host.name == "env-file.example")
        #expect(credentials.tokenSource == .dotEnvFile(path: fixture.work + "/.env", line: 2, key: "DATABRICKS_TOKEN"))

        credentials = try CredentialResolver.resolve(
            fixture.inputs(environment: ["DATABRICKS_HOST": "process.example", "DATABRICKS_TOKEN": "process-token"]))
        #expect(credentials.host.name == "process.example")
        #expect(credentials.token?.secret == "process-token")
        #expect(credentials.hostSource == .environment("DATABRICKS_HOST"))

        credentials = try CredentialResolver.resolve(
            fixture.inputs(host: "process.example", environment: ["DATABRICKS_HOST": "process.example", "DATABRICKS_TOKEN": "t"]))
        #expect(credentials.hostSource == .flag("--host"))
    }

    @Test func configFilePathComesFromTheEnvironment() throws {
        let fixture = try CredentialFixture()
        let path = fixture.root + "/elsewhere.cfg"
        try fixture.write(path, "; comment\n[other]\nhost = https://no.example\n[DEFAULT]\nHOST = https://yes.example/\ntoken=abc\n")
        let credentials = try CredentialResolver.resolve(fixture.inputs(environment: ["DATABRICKS_CONFIG_FILE": path]))
        #expect(credentials.host.url.absoluteString == "https://yes.example")
        #expect(credentials.token?.secret == "abc")
    }

    @Test func emptyValuesCountAsUnset() throws {
        let fixture = try CredentialFixture()
        try fixture.write(fixture.work + "/.env", "DATABRICKS_HOST=\"https://a.example\"\nDATABRICKS_TOKEN=tok\n")
        let credentials = try CredentialResolver.resolve(fixture.inputs(environment: ["DATABRICKS_HOST": ""]))
        #expect(credentials.host.name == "a.example")
    }

    @Test func refusesATokenThatBelongsToAnotherHost() throws {
        let fixture = try CredentialFixture()
        try fixture.write(fixture.home + "/.databrickscfg", "[DEFAULT]\nhost = https://cfg.example\ntoken = cfg-token\n")
        #expect(throws: CredentialsError.self) {
            try CredentialResolver.resolve(fixture.inputs(environment: ["DATABRICKS_HOST": "https://other.example"]))
        }
        // The same host written differently is the same host.
        let credentials = try CredentialResolver.resolve(fixture.inputs(host: "cfg.example/"))
        #expect(credentials.token?.secret == "cfg-token")
    }

    @Test func missingHostAndTokenSayWhereToPutThem() throws {
        let fixture = try CredentialFixture()
        #expect(throws: CredentialsError.missingHost) { try CredentialResolver.resolve(fixture.inputs()) }
        #expect(throws: CredentialsError.missingToken(host: "h.example")) {
            try CredentialResolver.resolve(fixture.inputs(host: "h.example"))
        }
        #expect(CredentialsError.missingHost.description.contains("DATABRICKS_HOST"))
    }

    @Test func credentialsNeverPrintTheToken() throws {
        let fixture = try CredentialFixture()
        let credentials = try CredentialResolver.resolve(
            fixture.inputs(host: "h.example", environment: ["DATABRICKS_TOKEN": "dapi-very-secret"]))
        #expect(!"\(credentials)".contains("dapi-very-secret"))
        #expect(!String(reflecting: credentials.token).contains("dapi-very-secret"))
    }
}

struct DotEnvFileTests {
    @Test func readsTheUsualShapes() {
        let file = DotEnvFile(
            contents: """
                # comment
                export DATABRICKS_HOST = https://a.example
                DATABRICKS_TOKEN="dapi \\"quoted\\""
                SINGLE='raw \\n value'
                INLINE=value # trailing comment
                NOEQUALS
                EMPTY=
                """)
        #expect(file["DATABRICKS_HOST"]?.value == "https://a.example")
        #expect(file["DATABRICKS_HOST"]?.line == 2)
        #expect(file["DATABRICKS_TOKEN"]?.value == "dapi \"quoted\"")
        #expect(file["SINGLE"]?.value == "raw \\n value")
        #expect(file["INLINE"]?.value == "value")
        #expect(file["EMPTY"]?.value == "")
        #expect(file["NOEQUALS"] == nil)
    }

    @Test func readsCRLFLines() {
        let file = DotEnvFile(contents: "A=1\r\nB=2\r\n")
        #expect(file["A"]?.value == "1")
        #expect(file["B"]?.value == "2")
    }
}

struct WorkspaceHostTests {
    @Test(arguments: [
        ("adb-1.azuredatabricks.net", "https://adb-1.azuredatabricks.net"),
        ("https://adb-1.azuredatabricks.net/", "https://adb-1.azuredatabricks.net"),
        ("https://adb-1.azuredatabricks.net/?o=123#", "https://adb-1.azuredatabricks.net"),
        ("  HTTPS://x.cloud.databricks.com//  ", "https://x.cloud.databricks.com"),
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
        ("http://localhost:9000/", "http://localhost:9000"),
        ("http://[::1]:9000", "http://[::1]:9000"),
    ])
    func normalizes(text: String, expected: String) throws {
        #expect(try WorkspaceHost(text).url.absoluteString == expected)
    }

    @Test(arguments: ["http://adb-1.azuredatabricks.net", "http://10.0.0.1:8080", "http://127.0.0.1.evil.com", "http://128.0.0.1"])
    func refusesPlainHTTPOffLoopback(text: String) {
        #expect(throws: CredentialsError.self) { try WorkspaceHost(text) }
    }

    @Test(arguments: ["", "ftp://x.example", "https://user:pw@x.example"])
    func refusesWhatIsNotAWorkspaceURL(text: String) {
        #expect(throws: CredentialsError.self) { try WorkspaceHost(text) }
    }

    @Test func insecureHostErrorExplainsTheRefusal() {
        #expect(CredentialsError.insecureHost("x.example").description.contains("unencrypted"))
    }
}
