import Foundation
import Testing
import VeilTestSupport
import VeilText

@testable import VeilCore
@testable import VeilRecognizers

/// Built-in plugins' recognizers kept as binary images between runs: what an image gives finds
/// exactly what the data gives, and an image that does not match its data is never used.
@Suite struct RecognizerImagesTests {
    /// The plugins whose recognizers the default policy builds from data files and keeps as images.
    private static let imaged = ["location-cn", "location-world", "person-en", "person-pinyin", "person-zh"]

    /// The recognizers' images (not the built-in manifests' one, ``ManifestImageTests``).
    private func images(in folder: TemporaryFolder) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path + "/recognizers")) ?? []).filter { $0.hasSuffix(".image") && !$0.hasPrefix("_") }
            .sorted()
    }

    private func input(_ plugin: PluginCatalog.Plugin) -> PluginCode.RecognizerInput {
        PluginCode.RecognizerInput(manifest: plugin.manifest, dataFiles: plugin.manifest.dataFiles.map { plugin.manifest.directory + "/" + $0 })
    }

    @Test func recognizersFromImagesFindWhatRecognizersBuiltFromDataFind() throws {
        let folder = TemporaryFolder()
        let environment = ["VEIL_CACHE_DIR": folder.path]
        // The first engine builds from the data and writes the images; the second reads them.
        _ = try Engine(policy: Shipped.defaultPolicy, catalog: PluginCatalog.standard(environment: environment), key: Shipped.key, environment: [:])
        #expect(images(in: folder).map { $0.components(separatedBy: "-").dropLast().joined(separator: "-") } == Self.imaged)
        let catalog = try PluginCatalog.standard(environment: environment)
        let cache = RecognizerImages(directory: folder.path + "/recognizers")
        for id in Self.imaged {
            let plugin = try #require(catalog[id])
            let recognizerID = try #require(plugin.manifest.recognizerID)
            let type = try #require(catalog.code.imageTypes[recognizerID])
            #expect(cache.load(type, for: input(plugin)) != nil, "\(id)'s image does not load")
        }
        let fromImages = try Engine(policy: Shipped.defaultPolicy, catalog: catalog, key: Shipped.key, environment: [:])
        let fromData = try Shipped.engine()
        // Chinese and English names, places and pinyin from the test corpora.
        var texts: [String] = []
        for corpus in ["names/dev.jsonl", "places/heldout.jsonl", "international/prose-en.jsonl", "international/prose-world.jsonl"] {
            texts += try Corpora.texts(corpus, limit: 150)
        }
        #expect(texts.count >= 400)
        for text in texts {
            let document = DocumentText(text)
            let expected = try fromData.analyze(document), found = try fromImages.analyze(document)
            let describe = { (detections: [Detection]) in
                detections.map { "\($0.range) \($0.entity) \($0.score) \($0.pluginID) \($0.rule) \($0.canonical) \($0.facts)" }
            }
            #expect(describe(found) == describe(expected), "\(text)")
        }
    }

    @Test func aDamagedOrTruncatedImageIsBuiltAgainFromTheData() throws {
        let folder = TemporaryFolder()
        let environment = ["VEIL_CACHE_DIR": folder.path]
        let catalog = try PluginCatalog.standard(environment: environment)
        let plugin = try #require(catalog["location-cn"])
        _ = try plugin.makeRecognizer()
        let name = try #require(images(in: folder).first)
        let path = folder.path + "/recognizers/" + name
        let cache = RecognizerImages(directory: folder.path + "/recognizers")
        let whole = try Data(contentsOf: URL(fileURLWithPath: path))
        var damaged = whole
        damaged[damaged.count / 2] ^= 0x40
        try damaged.write(to: URL(fileURLWithPath: path))
        #expect(cache.load(GazetteerRecognizer.self, for: input(plugin)) == nil, "a changed byte")
        try whole.prefix(whole.count - 1).write(to: URL(fileURLWithPath: path))
        #expect(cache.load(GazetteerRecognizer.self, for: input(plugin)) == nil, "a missing byte")
        // Building again puts a good image in its place.
        let rebuilt = try #require(try plugin.makeRecognizer())
        #expect(rebuilt.pluginID == "location-cn")
        #expect(cache.load(GazetteerRecognizer.self, for: input(plugin)) != nil)
    }

    @Test func writingAnImageRemovesThePluginsOlderOnesAndStaleHalfWrittenOnes() throws {
        let folder = TemporaryFolder()
        let directory = folder.path + "/recognizers"
        let stale = folder.write("recognizers/.location-cn-0000.image.veil-1-0123abcd.tmp", "half")
        let fresh = folder.write("recognizers/.location-cn-1111.image.veil-1-4567cdef.tmp", "writing")
        let older = folder.write("recognizers/location-cn-2222.image", "an older build's")
        let other = folder.write("recognizers/location-world-3333.image", "another plugin's")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -7200)], ofItemAtPath: stale)
        let catalog = try PluginCatalog.standard(environment: ["VEIL_CACHE_DIR": folder.path])
        _ = try catalog["location-cn"]?.makeRecognizer()
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: directory))
        #expect(!left.contains((stale as NSString).lastPathComponent) && !left.contains((older as NSString).lastPathComponent))
        #expect(left.contains((fresh as NSString).lastPathComponent), "another process may be writing it")
        #expect(left.contains((other as NSString).lastPathComponent))
        #expect(left.filter { $0.hasPrefix("location-cn-") && $0.hasSuffix(".image") }.count == 1)
    }

    /// Every byte of a small gazetteer's image changed in turn, past the checksum that would refuse
    /// it (`fuzz-image` found a word length that let an occurrence start before the text): each
    /// damaged image is refused, or reads back and runs over a text.
    @Test func everyOneByteDamageToAnImageIsRefusedOrHarmless() throws {
        let places = Gazetteer(places: [
            .init(id: "cn", level: .country, parent: nil, full: "中国", short: [], latin: ["China"]),
            .init(id: "jx", level: .province, parent: "cn", full: "江西省", short: ["江西"], latin: ["Jiangxi"]),
            .init(id: "gz", level: .prefecture, parent: "jx", full: "赣州市", short: ["赣州"], latin: ["Ganzhou"]),
            .init(id: "yd", level: .county, parent: "gz", full: "于都县", short: ["于都"], latin: ["Yudu"])
        ])
        let recognizer = GazetteerRecognizer(
            pluginID: "places", gazetteer: places, entity: .location, scores: [.full: 0.85, .short: 0.8, .latin: 0.75], countyShortScore: 0.7,
            institutionWords: ["大学"], commonWords: AhoCorasick(words: ["化学", "王国"]))
        var writer = ImageWriter()
        recognizer.write(to: &writer)
        let valid = writer.bytes
        let document = DocumentText("他在赣州市于都县读大学，后来去了 Ganzhou 和 Jiangxi 的王国化学厂。")
        let expected = try recognizer.recognize(document).map(\.range)
        #expect(expected.count >= 3)
        var refused = 0
        for offset in valid.indices {
            for value: UInt8 in [0x00, 0x14, 0xFF] where valid[offset] != value {
                var bytes = valid
                bytes[offset] = value
                let read = try? bytes.withUnsafeBytes { raw throws -> GazetteerRecognizer in
                    var reader = ImageReader(raw)
                    return try GazetteerRecognizer(image: &reader)
                }
                guard let read else { refused += 1; continue }
                #expect(try read.recognize(document).allSatisfy { $0.range.lowerBound >= 0 && $0.range.upperBound <= document.bytes.count })
            }
        }
        #expect(refused > valid.count / 2, "most damage is caught on reading")
    }

    @Test func aChangedDataFileNamesAnotherImage() throws {
        let folder = TemporaryFolder()
        let manifest = folder.write("places/plugin.yaml", "id: places\nversion: 1\nentities: [LOCATION]\nrecognizer: gazetteer\ndata: [places.tsv]\n")
        let places = folder.write("places/places.tsv", "cn\tcountry\t\t中国\t\tChina\n")
        let plugin = try ManifestReader.read(directory: (manifest as NSString).deletingLastPathComponent, code: .builtin)
        let input = PluginCode.RecognizerInput(manifest: plugin, dataFiles: [places])
        let before = try #require(RecognizerImages.key(of: input))
        #expect(RecognizerImages.key(of: input) == before, "the same files name the same image")
        folder.write("places/places.tsv", "cn\tcountry\t\t中国\t中\tChina\n")
        #expect(RecognizerImages.key(of: input) != before)
    }

    @Test func aUsersPluginIsNeverCopiedIntoTheCache() throws {
        let folder = TemporaryFolder(), cache = TemporaryFolder()
        folder.write("my-places/plugin.yaml", "id: my-places\nversion: 1\nentities: [LOCATION]\nrecognizer: gazetteer\ndata: [places.tsv]\n")
        folder.write("my-places/places.tsv", "x1\tcounty\t\t秘密村\t\tMimi\n")
        let catalog = try PluginCatalog.standard(extraDirectories: [folder.path], environment: ["VEIL_CACHE_DIR": cache.path])
        let recognizer = try #require(try catalog["my-places"]?.makeRecognizer())
        #expect(recognizer.pluginID == "my-places")
        #expect(images(in: cache).isEmpty)
    }

    @Test func anEmptyCacheSettingTurnsTheCacheOff() {
        #expect(RecognizerImages(environment: ["VEIL_CACHE_DIR": "", "HOME": "/home/someone"]) == nil)
        #expect(RecognizerImages(environment: ["HOME": "/home/someone"])?.directory == "/home/someone/.cache/veil/recognizers")
        #expect(RecognizerImages(environment: ["XDG_CACHE_HOME": "/tmp/x", "HOME": "/home/someone"])?.directory == "/tmp/x/veil/recognizers")
        #expect(RecognizerImages(environment: [:]) == nil)
    }
}
