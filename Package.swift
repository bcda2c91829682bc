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
        .library(name: "VeilFormats", targets: ["VeilFormats"]),
        .executable(name: "veil", targets: ["veil"])
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
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
        .target(
            name: "VeilCore",
            dependencies: [
                "PCRE2",
                "CSQLite",
                "CSpawn",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto")
            ]
        ),
        .target(name: "VeilFormats", dependencies: ["VeilCore", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "Veil", dependencies: ["VeilCore"]),
        .executableTarget(
            name: "veil",
            dependencies: [
                "VeilCore",
                "VeilFormats",
                .product(name: "ArgumentParser", package: "swift-argument-parser")
            ]
        ),
        .testTarget(name: "PCRE2Tests", dependencies: ["PCRE2"]),
        .testTarget(name: "VeilCoreTests", dependencies: ["VeilCore", .product(name: "Crypto", package: "swift-crypto")], exclude: ["Fixtures"]),
        .testTarget(name: "VeilFormatsTests", dependencies: ["VeilFormats"]),
        .testTarget(name: "VeilCLITests", dependencies: ["veil"]),
        .testTarget(name: "VeilTests", dependencies: ["Veil"])
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
