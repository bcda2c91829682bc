import Foundation
import Testing
import VeilTestSupport
import VeilText

@testable import VeilCore
@testable import VeilRecognizers

/// Built-in plugins' manifests kept as one image between runs: what the image gives is what the
/// YAML says, a changed manifest is read again, and a manifest with a problem is never kept.
@Suite struct ManifestImageTests {
    private func manifestImages(in cache: TemporaryFolder) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: cache.path + "/recognizers")) ?? []).filter { $0.hasPrefix("_manifests-") }
    }

    /// The manifest without its compiled patterns (an image keeps their source only).
    private func uncompiled(_ manifest: PluginManifest) -> PluginManifest {
        var manifest = manifest
        for index in manifest.patterns.indices { manifest.patterns[index].compiled = nil }
        return manifest
    }

    @Test func theShippedManifestsFromTheirImageAreTheManifestsTheYAMLGives() throws {
        let cache = TemporaryFolder()
        let environment = ["VEIL_CACHE_DIR": cache.path]
        let fromYAML = try PluginCatalog.standard(environment: environment)
        #expect(manifestImages(in: cache).count == 1)
        let images = try #require(RecognizerImages(environment: environment))
        let folders = fromYAML.sorted.filter { $0.origin == .builtin }.map(\.manifest.directory).sorted()
        let kept = try #require(images.manifests(of: folders, code: fromYAML.code))
        #expect(kept.count >= 30)
        let fromImage = try PluginCatalog.standard(environment: environment)
        for plugin in fromYAML.sorted {
            let read = try #require(fromImage[plugin.id])
            #expect(read.manifest == uncompiled(plugin.manifest), "\(plugin.id)")
            #expect(read.manifest.patterns.allSatisfy { $0.compiled == nil })
        }
        // Patterns from the image were never compiled: they are when a policy selects them.
        let engine = try Engine(policy: Shipped.defaultPolicy, catalog: fromImage, key: Shipped.key, environment: [:])
        #expect(try engine.scan("电话13812345678，邮箱 someone@example.com").map(\.entity).contains(.phoneNumber))
    }

    @Test func aChangedManifestIsReadAgainAndItsImageReplaced() throws {
        let plugins = TemporaryFolder(), cache = TemporaryFolder()
        let manifest = { (summary: String) in
            "id: codes\nversion: 1\nsummary: \(summary)\nentities: [CODE]\npatterns:\n  - name: code\n    regex: 'C-\\d{6}'\n    score: 0.9\n"
        }
        plugins.write("codes/plugin.yaml", manifest("first"))
        let images = RecognizerImages(directory: cache.path + "/recognizers")
        let load = { try PluginCatalog.load(from: [(.builtin, plugins.path)], code: .builtin, images: images) }
        #expect(try load()["codes"]?.manifest.summary == "first")
        #expect(manifestImages(in: cache).count == 1)
        #expect(try load()["codes"]?.manifest.summary == "first", "read from the image")
        // A new size and modification time name another image.
        plugins.write("codes/plugin.yaml", manifest("second, longer"))
        #expect(try load()["codes"]?.manifest.summary == "second, longer")
        #expect(manifestImages(in: cache).count == 1, "the older image is removed")
        let recognizer = try #require(try load()["codes"]?.makeRecognizer())
        #expect(try recognizer.recognize(DocumentText("编号 C-123456")).count == 1)
    }

    @Test func aManifestWithAProblemIsNeverKept() throws {
        let plugins = TemporaryFolder(), cache = TemporaryFolder()
        plugins.write("good/plugin.yaml", "id: good\nversion: 1\nentities: [CODE]\npatterns:\n  - regex: 'G-\\d{4}'\n")
        plugins.write("bad/plugin.yaml", "id: bad\nversion: 1\nentities: [CODE]\npatterns:\n  - regex: '(unclosed'\n")
        let images = RecognizerImages(directory: cache.path + "/recognizers")
        for _ in 0..<2 {
            #expect(throws: ConfigurationError.self) { try PluginCatalog.load(from: [(.builtin, plugins.path)], code: .builtin, images: images) }
            #expect(manifestImages(in: cache).isEmpty)
        }
    }

    @Test func aDamagedManifestImageIsIgnored() throws {
        let plugins = TemporaryFolder(), cache = TemporaryFolder()
        plugins.write("codes/plugin.yaml", "id: codes\nversion: 1\nsummary: codes\nentities: [CODE]\npatterns:\n  - regex: 'C-\\d{6}'\n")
        let images = RecognizerImages(directory: cache.path + "/recognizers")
        _ = try PluginCatalog.load(from: [(.builtin, plugins.path)], code: .builtin, images: images)
        let name = try #require(manifestImages(in: cache).first)
        let path = cache.path + "/recognizers/" + name
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes[bytes.count - 3] ^= 0x20
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(images.manifests(of: [plugins.path + "/codes"], code: .builtin) == nil)
        #expect(try PluginCatalog.load(from: [(.builtin, plugins.path)], code: .builtin, images: images)["codes"]?.manifest.summary == "codes")
    }
}
