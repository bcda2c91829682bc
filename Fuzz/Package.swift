// swift-tools-version: 6.1
// Fuzz targets for Veil's readers and engine (libFuzzer). Built and run by `make fuzz`, with
// AddressSanitizer and coverage instrumentation, linked against libFuzzer's driver; each target
// reads one input per call and must neither crash nor hang, whatever the input. See README.md.
import PackageDescription

let fuzzTargets = ["fuzz-text", "fuzz-records", "fuzz-policy", "fuzz-manifest", "fuzz-vault", "fuzz-protocol", "fuzz-image"]

let package = Package(
    name: "VeilFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "Veil", path: "..")],
    targets: [
        .target(
            name: "FuzzSupport",
            dependencies: [
                .product(name: "VeilCore", package: "Veil"), .product(name: "VeilRecognizers", package: "Veil"), .product(name: "VeilFormats", package: "Veil")
            ])
    ]
        + fuzzTargets.map { name in
            .executableTarget(
                name: name,
                dependencies: [
                    "FuzzSupport", .product(name: "VeilCore", package: "Veil"), .product(name: "VeilRecognizers", package: "Veil"),
                    .product(name: "VeilFormats", package: "Veil")
                ])
        },
    swiftLanguageModes: [.v6]
)
