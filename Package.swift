// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "rollcall",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "rollcall", targets: ["rollcall"]),
        .library(name: "RollcallKit", targets: ["RollcallKit"]),
        .library(name: "WorkspaceSandbox", targets: ["WorkspaceSandbox"]),
    ],
    targets: [
        // Everything except argument parsing: roster, workshop config, Databricks client, plan, run.
        .target(name: "RollcallKit"),
        // A local Databricks-compatible API server; never depends on RollcallKit, so it models
        // Databricks rather than mirroring our client.
        .target(name: "WorkspaceSandbox"),
        // The command line as a library (argument parsing, commands, output, exit codes), so that
        // parsing is a pure function the tests can call.
        .target(name: "RollcallCLI", dependencies: ["RollcallKit", "WorkspaceSandbox"]),
        // Thin executable: hands the process arguments to RollcallCLI and exits with its code.
        .executableTarget(name: "rollcall", dependencies: ["RollcallCLI"]),
        .testTarget(name: "RollcallKitTests", dependencies: ["RollcallKit", "WorkspaceSandbox"]),
        .testTarget(name: "WorkspaceSandboxTests", dependencies: ["WorkspaceSandbox"]),
        .testTarget(name: "RollcallCLITests", dependencies: ["RollcallCLI"]),
        // Runs the built `rollcall` binary against a sandbox on an ephemeral loopback port.
        .testTarget(name: "EndToEndTests", dependencies: ["rollcall", "RollcallKit", "WorkspaceSandbox"]),
    ],
    swiftLanguageModes: [.v6]
)

for target in package.targets {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    target.swiftSettings = settings
}
