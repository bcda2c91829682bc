import Foundation
import Testing

/// The engine knows plugins only through what they declare: no file of VeilCore spells a shipped
/// plugin's id. The shipped plugins' code lives in VeilRecognizers, which the core sees only as the
/// ``PluginCode`` value a catalog is loaded with.
@Suite struct LayeringTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized.path

    @Test func theEngineNamesNoShippedPlugin() throws {
        let plugins = try FileManager.default.contentsOfDirectory(atPath: Self.root + "/Plugins").filter {
            FileManager.default.fileExists(atPath: Self.root + "/Plugins/\($0)/plugin.yaml")
        }
        #expect(plugins.count > 20, "the shipped plugins were not found under \(Self.root)/Plugins")
        let core = Self.root + "/Sources/VeilCore"
        let files = try #require(FileManager.default.subpaths(atPath: core)).filter { $0.hasSuffix(".swift") }
        #expect(files.count > 50)
        for file in files {
            let text = try String(contentsOfFile: core + "/" + file, encoding: .utf8)
            for id in plugins where text.contains("\"\(id)\"") {
                Issue.record("Sources/VeilCore/\(file) names the plugin '\(id)'")
            }
        }
    }
}
