// swift-tools-version: 6.1
// A data pipeline that uses Veil as a library: reads JSONL on standard input, anonymizes each
// record's "text" with the policy in policy.yaml plus a recognizer written in Swift, and writes
// JSONL. `make test` builds it and checks its output against the `veil` CLI's.
import PackageDescription

let package = Package(
    name: "Pipeline",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Veil", path: "../..")
    ],
    targets: [
        .executableTarget(name: "pipeline", dependencies: [.product(name: "Veil", package: "Veil")])
    ],
    swiftLanguageModes: [.v6]
)
