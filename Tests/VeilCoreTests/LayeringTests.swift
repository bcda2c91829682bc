import Foundation
import Testing

/// The engine knows plugins only through what they declare: no file of VeilCore outside the
/// folders that implement the shipped plugins (names, places, validators, surrogates) and the
/// registry of built-in recognizers spells a shipped plugin's id.
@Suite struct LayeringTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized.path
    static let pluginLayer = ["Names", "Places", "Validators", "Surrogates"]
    static let registries = ["RecognizerRegistry.swift"]

    @Test func theEngineNamesNoShippedPlugin() throws {
        let plugins = try FileManager.default.contentsOfDirectory(atPath: Self.root + "/Plugins").filter {
            FileManager.default.fileExists(atPath: Self.root + "/Plugins/\($0)/plugin.yaml")
        }
        #expect(plugins.count > 20, "the shipped plugins were not found under \(Self.root)/Plugins")
        let core = Self.root + "/Sources/VeilCore"
        let files = try #require(FileManager.default.subpaths(atPath: core)).filter {
            $0.hasSuffix(".swift") && !Self.pluginLayer.contains(String($0.split(separator: "/")[0]))
                && !Self.registries.contains(($0 as NSString).lastPathComponent)
        }
        #expect(files.count > 50)
        for file in files {
            let text = try String(contentsOfFile: core + "/" + file, encoding: .utf8)
            for id in plugins where text.contains("\"\(id)\"") {
                Issue.record("Sources/VeilCore/\(file) names the plugin '\(id)'")
            }
        }
    }
}
