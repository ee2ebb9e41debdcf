// swift-tools-version:6.0
import PackageDescription

// The sandbox throughput benchmark, a package of its own so that it builds in release mode
// without touching the main package: `swift run -c release --package-path bench sandbox-bench`.
let package = Package(
    name: "sandbox-bench",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "rollcall", path: "..")],
    targets: [
        .executableTarget(
            name: "sandbox-bench",
            dependencies: [.product(name: "WorkspaceSandbox", package: "rollcall")]
        )
    ],
    swiftLanguageModes: [.v6]
)
