import Foundation
import Testing
import VeilTestSupport

@testable import VeilCore
@testable import VeilRecognizers

/// Process plugins (Docs/process-plugin-protocol.md): the shipped example and a fixture that
/// crashes, hangs and talks nonsense on request. Nothing a failing plugin was sent is ever let
/// through unscanned, and every error names the plugin.
@Suite struct ProcessPluginTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/process-plugins").path
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Examples/Plugins").standardized.path

    static func engine(plugins: [String]) throws -> Engine {
        let catalog = try PluginCatalog.standard(extraDirectories: [fixtures, examples], environment: [:])
        let policy = Policy(name: "t", path: "t.yaml", plugins: plugins, rules: [.person: EntityRule(action: .pseudonymize(keep: []))])
        return try Engine(policy: policy, catalog: catalog, key: Shipped.key, environment: [:])
    }

    /// The error a document raises, as the user would read it.
    static func failure(_ text: String, _ engine: Engine) -> String? {
        do {
            _ = try engine.analyze(DocumentText(text))
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func theWatchlistPluginFindsListedPeopleAlongsideTheBuiltInPlugins() throws {
        let engine = try Self.engine(plugins: ["watchlist", "phone-cn"])
        let found = try Shipped.found("记者见到了卢立兵，王芳也在。😀 Wang Fang 的电话13812345678", engine: engine)
        #expect(found.map(\.text) == ["卢立兵", "王芳", "Wang Fang", "13812345678"])
        #expect(found.map(\.entity) == [.person, .person, .person, .phoneNumber])
        let result = try Anonymizer(engine: engine).anonymize("卢立兵说，卢立兵会来。")
        #expect(!result.text.contains("卢立兵"))
        // One person, one pseudonym.
        let parts = result.text.components(separatedBy: "说，")
        #expect(parts.count == 2 && parts[1].hasPrefix(parts[0]))
    }

    @Test func aCrashFailsThatDocumentAndTheNextIsServedByARestartedPlugin() throws {
        let engine = try Self.engine(plugins: ["unruly"])
        let error = try #require(Self.failure("please CRASH now", engine))
        #expect(error.contains("plugin 'unruly'") && error.contains("exited"))
        #expect(!error.contains("please"))
        #expect(try Shipped.found("ALICE again", engine: engine).map(\.text) == ["ALICE"])
    }

    @Test func restartsAreBounded() throws {
        let engine = try Self.engine(plugins: ["unruly"])
        // The manifest allows two restarts: three starts in all.
        for _ in 0..<3 { #expect(Self.failure("CRASH", engine) != nil) }
        let error = try #require(Self.failure("ALICE is fine", engine))
        #expect(error.contains("stopped after 2 restarts"))
    }

    @Test(arguments: [
        ("HANG", "did not send an answer within 3 s"),
        ("GARBAGE", "not a protocol answer"),
        ("OUTSIDE", "outside a text of"),
        ("WRONGID", "when 1 was asked")
    ])
    func aPluginThatHangsOrTalksNonsenseFailsTheDocument(trigger: String, expected: String) throws {
        let engine = try Self.engine(plugins: ["unruly", "phone-cn"])
        let error = try #require(Self.failure("秘密 \(trigger) 13812345678", engine))
        #expect(error.contains("plugin 'unruly'") && error.contains(expected), "\(error)")
        #expect(!error.contains("秘密") && !error.contains("13812345678"))
        // The plugin was stopped and is started again for the next document.
        #expect(try Shipped.found("ALICE 13812345678", engine: engine).map(\.text) == ["ALICE", "13812345678"])
    }

    @Test(arguments: ["LEAKERROR", "STRANGE"])
    func aPluginsOwnWordsAreNotPassedOnInTheError(trigger: String) throws {
        let engine = try Self.engine(plugins: ["unruly"])
        let error = try #require(Self.failure("秘密 \(trigger) 13812345678", engine))
        #expect(error.contains("plugin 'unruly'"), "\(error)")
        #expect(!error.contains("秘密") && !error.contains("13812345678") && !error.contains(trigger), "\(error)")
    }

    @Test func aPluginThatStopsReadingFailsTheDocumentWithinItsTimeout() throws {
        let engine = try Self.engine(plugins: ["deaf"])
        // Far more than a pipe holds: the write itself must give up after the timeout.
        let error = try #require(Self.failure(String(repeating: "秘密文本。", count: 40_000), engine))
        #expect(error.contains("plugin 'deaf'") && error.contains("did not read its request within 1 s"), "\(error)")
    }

    @Test func aManifestWithoutACommandOrWithAProgramOutsideItsFolderIsRefused() throws {
        let folder = TemporaryFolder()
        folder.write("bad/plugin.yaml", "id: bad\nentities: [PERSON]\nprocess: {timeout: 2}\n")
        folder.write("worse/plugin.yaml", "id: worse\nentities: [PERSON]\nprocess: {command: [../../bin/sh]}\n")
        folder.write("script/plugin.yaml", "id: script\nentities: [PERSON]\nprocess: {command: [sh, ../../../x.sh]}\n")
        folder.write("option/plugin.yaml", "id: option\nentities: [PERSON]\nprocess: {command: [python3, run.py, --rules=/etc/rules.py]}\n")
        let expected = [
            "bad": "missing 'command'", "worse": "program '../../bin/sh' must be inside the plugin folder",
            "script": "argument '../../../x.sh' must be inside the plugin folder", "option": "argument '/etc/rules.py' must be inside the plugin folder"
        ]
        for (name, message) in expected {
            #expect {
                _ = try ManifestReader.read(directory: (folder.path as NSString).appendingPathComponent(name), code: .builtin)
            } throws: { error in
                "\(error)".contains(message)
            }
        }
    }

    @Test func theConformanceCheckPassesProtocolPluginsAndCatchesUTF16Offsets() throws {
        let catalog = try PluginCatalog.standard(extraDirectories: [Self.fixtures, Self.examples], environment: [:])
        for id in ["watchlist", "unruly"] {
            let plugin = try #require(catalog[id])
            #expect(PluginExamples.check(plugin, in: catalog).isEmpty, "\(id)")
        }
        let wrong = try #require(catalog["utf16-offsets"])
        let failures = PluginExamples.check(wrong, in: catalog).map(\.description)
        #expect(failures.count == 1)
        #expect(failures.first?.contains("protocol: counts offsets in code points") == true)
        #expect(failures.first?.contains("expected [\"2-7 PERSON\"], got [\"4-9 PERSON\"]") == true)
    }

    @Test func peopleAProcessPluginFindsGetRealisticNamesInTheirScript() throws {
        let engine = try Self.engine(plugins: ["watchlist", "person-zh", "person-en"])
        let text = "王芳和Wang Fang"
        let output = try Anonymizer(engine: engine).anonymize(text).text
        let parts = output.components(separatedBy: "和")
        #expect(parts.count == 2)
        #expect(parts[0] != "王芳" && (2...3).contains(parts[0].count) && parts[0].unicodeScalars.allSatisfy { $0.properties.isIdeographic })
        let words = parts[1].split(separator: " ")
        #expect(parts[1] != "Wang Fang" && words.count == 2 && words.allSatisfy { $0.first!.isUppercase && $0.dropFirst().allSatisfy(\.isLowercase) })
    }

    @Test func aNameAProcessPluginFindsIsLinkedAndPseudonymizedLikeTheNamePluginsWould() throws {
        let text = "卢立兵说，卢先生会来。Lu Libing agreed."
        let with = try Anonymizer(engine: try Self.engine(plugins: ["watchlist", "person-zh", "person-pinyin"])).anonymize(text)
        let without = try Anonymizer(engine: try Self.engine(plugins: ["person-zh", "person-pinyin"])).anonymize(text)
        #expect(with.findings.first?.plugin == "watchlist")
        #expect(with.text == without.text)
    }
}
