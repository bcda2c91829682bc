// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Veil",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Veil", targets: ["Veil"]),
        // For Fuzz/ only, which imports them @testable: their public API is the façade's, the rest
        // is `package` (shared by this package's modules), so a dependent sees nothing more.
        .library(name: "VeilCore", targets: ["VeilCore"]),
        .library(name: "VeilRecognizers", targets: ["VeilRecognizers"]),
        .library(name: "VeilFormats", targets: ["VeilFormats"]),
        .executable(name: "veil", targets: ["VeilCLI"])
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // `veil serve`: HTTP/1.1 on SwiftNIO, graceful shutdown (service-lifecycle), access logs.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        // `swift package generate-documentation` (CI builds the DocC catalog, so its links are checked).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0")
    ],
    targets: [
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"])]
        ),
        .target(name: "PCRE2", dependencies: ["CPCRE2"]),
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // Starts process plugins so that they die with Veil (Linux: PR_SET_PDEATHSIG).
        .target(name: "CSpawn"),
        // Byte-level text helpers the engine and the recognizers call in their inner loops. Not a
        // product, so its `public` API is seen only inside this package; public (not `package`) so
        // that its small functions are inlined and its generic ones specialized in other modules.
        .target(name: "VeilText"),
        .target(
            name: "VeilCore",
            dependencies: [
                "VeilText",
                "PCRE2",
                "CSQLite",
                "CSpawn",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto")
            ]
        ),
        // The shipped plugins' code: name, place and identifier recognizers, validators, pseudonym
        // generators. The only module that knows a plugin by id; the core sees it as a PluginCode.
        .target(name: "VeilRecognizers", dependencies: ["VeilText", "VeilCore", "PCRE2"]),
        .target(name: "VeilFormats", dependencies: ["VeilCore", .product(name: "Crypto", package: "swift-crypto")]),
        // What a run tells its user beside the output: the review page (the one output that shows
        // originals) and the run report (counts only).
        .target(name: "VeilReports", dependencies: ["VeilCore", "VeilFormats", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "Veil", dependencies: ["VeilCore", "VeilRecognizers"]),
        // `veil serve`: the HTTP API over one engine built at start (routes, auth, limits, logs).
        .target(
            name: "VeilServer",
            dependencies: [
                "VeilCore",
                "VeilFormats",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus")
            ]
        ),
        .executableTarget(
            name: "VeilCLI",
            dependencies: [
                "VeilCore",
                "VeilRecognizers",
                "VeilFormats",
                "VeilReports",
                "VeilServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser")
            ]
        ),
        // What tests share (a temporary folder removed after them); no product ships it.
        .target(name: "VeilTestSupport", path: "Tests/Support"),
        .testTarget(name: "PCRE2Tests", dependencies: ["PCRE2", "VeilTestSupport"]),
        .testTarget(name: "VeilTextTests", dependencies: ["VeilText", "VeilTestSupport"]),
        .testTarget(name: "VeilRecognizersTests", dependencies: ["VeilRecognizers"]),
        .testTarget(
            name: "VeilCoreTests",
            dependencies: ["VeilText", "PCRE2", "VeilCore", "VeilRecognizers", "VeilTestSupport", .product(name: "Crypto", package: "swift-crypto")],
            exclude: ["Fixtures"]),
        .testTarget(name: "VeilFormatsTests", dependencies: ["VeilFormats", "VeilRecognizers", "VeilTestSupport"]),
        .testTarget(name: "VeilCLITests", dependencies: ["VeilCLI", "VeilTestSupport"]),
        .testTarget(name: "VeilTests", dependencies: ["Veil"]),
        .testTarget(
            name: "VeilServerTests",
            dependencies: [
                "VeilServer", "VeilCore", "VeilFormats", "VeilRecognizers", "VeilTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types")
            ])
    ],
    swiftLanguageModes: [.v6]
)

// Every target: existentials spelled `any`, and a file sees only the modules it imports.
for target in package.targets where target.type != .system {
    target.swiftSettings =
        (target.swiftSettings ?? []) + [
            .enableUpcomingFeature("ExistentialAny"),
            .enableUpcomingFeature("MemberImportVisibility"),
            .enableUpcomingFeature("InternalImportsByDefault")
        ]
}
