import Foundation
import Testing
import VeilTestSupport

@testable import VeilCore
@testable import VeilRecognizers

/// A document longer than ``Engine/blockSize`` is recognized block by block; what the engine reports
/// for it must still be that of one document.
@Suite struct LongDocumentTests {
    static let opening = "我叫向明，卢立兵是版主。\n"
    static let closing = "向明同意了。卢先生说：好的。\n"
    /// Lines without personal data, enough to push the closing lines two blocks away.
    static let filler = String(repeating: "今天的天气不错，我们去公园散步吧。\n", count: 2 * Engine.blockSize / 50)

    @Test func blocksEndAtLineBreaksAndCoverEverything() {
        let bytes = Array((Self.opening + Self.filler + Self.closing).utf8)
        let blocks = Engine.blocks(of: bytes)
        #expect(blocks.count >= 3)
        #expect(blocks.first?.lowerBound == 0 && blocks.last?.upperBound == bytes.count)
        for (block, next) in zip(blocks, blocks.dropFirst()) {
            #expect(block.upperBound == next.lowerBound)
            #expect(bytes[block.upperBound - 1] == 0x0A)
        }
        // A single line up to twice a block is not cut; a longer one is cut after sentences' ends,
        // so its memory stays that of a block or two (one 25 MB line took 3 GB before).
        let oneLine = Array(String(repeating: "天气不错", count: Engine.blockSize / 6).utf8)
        #expect(Engine.blocks(of: oneLine) == [0..<oneLine.count])
        let longLine = Array(String(repeating: "天气不错，电话13812345678。", count: Engine.blockSize / 6).utf8)
        let cut = Engine.blocks(of: longLine)
        #expect(cut.count >= 3 && cut.first?.lowerBound == 0 && cut.last?.upperBound == longLine.count)
        for (block, next) in zip(cut, cut.dropFirst()) {
            #expect(block.upperBound == next.lowerBound && block.count <= 2 * Engine.blockSize)
            #expect(Array(longLine[(block.upperBound - 3)..<block.upperBound]) == Array("。".utf8))
        }
    }

    @Test func aLongLineIsFoundWholeAcrossItsBlocks() throws {
        // Every phone number of a line several blocks long is found: no value falls on a cut.
        let line = String(repeating: "天气不错，电话13812345678。", count: Engine.blockSize / 6)
        let findings = try Shipped.engine().scan(line)
        #expect(findings.filter { $0.entity == .phoneNumber }.count == Engine.blockSize / 6)
    }

    @Test func namesIntroducedInOneBlockAreFoundAndLinkedInAnother() throws {
        let engine = try Shipped.engine()
        let anonymizer = Anonymizer(engine: engine)
        let short = try anonymizer.anonymize(Self.opening + Self.closing).text.split(separator: "\n")
        // 向明 in the closing line is found only because the opening line introduced the name.
        let closingAlone = try Shipped.found(Self.closing, engine: engine).map(\.text)
        #expect(!closingAlone.contains("向明"))

        let long = try anonymizer.anonymize(Self.opening + Self.filler + Self.closing).text.split(separator: "\n")
        #expect(long.first == short.first)
        #expect(long.last == short.last)
        #expect(!long.last!.contains("向明") && !long.last!.contains("卢"))
    }

    @Test func allCoresGiveTheSameDetectionsAsOne() throws {
        let engine = try Shipped.engine()
        var text = ""
        for index in 0..<4_000 {
            text += "回复\(["王", "李", "张", "刘"][index % 4])\(["伟", "芳", "娜"][index % 3])：我是卢立兵，电话1381234\(String(format: "%04d", index))，住在赣州。\n"
        }
        let document = DocumentText(text)
        #expect(document.bytes.count > 3 * Engine.blockSize)
        let serial = try engine.analyze(document, parallel: false)
        let parallel = try engine.analyze(document, parallel: true)
        #expect(serial.count > 8_000)
        #expect(serial == parallel)
    }

    @Test func theContextKeepsTheMostRecentPeopleOnly() {
        var context = DocumentContext()
        let total = 2 * DocumentContext.capacity + 10
        for index in 0..<total {
            let name = "person \(index)"
            context.remember([
                Detection(
                    range: 0..<1, entity: .person, score: 0.9, pluginID: "person-en", rule: "full",
                    canonical: name, facts: MentionFacts(personForm: .englishFull))
            ])
        }
        #expect(context.people.count <= 2 * DocumentContext.capacity)
        #expect(context.people.count >= DocumentContext.capacity)
        #expect(context.people.last?.canonical == "person \(total - 1)")
        #expect(!context.people.contains { $0.canonical == "person 0" })
        // Only full names are kept, and each once.
        context.remember([
            Detection(range: 0..<1, entity: .person, score: 0.9, pluginID: "person-zh", rule: "title", canonical: "卢", facts: MentionFacts(personForm: .title))
        ])
        context.remember([
            Detection(
                range: 5..<6, entity: .person, score: 0.9, pluginID: "person-en", rule: "full", canonical: "person \(total - 1)",
                facts: MentionFacts(personForm: .englishFull))
        ])
        #expect(context.people.last?.canonical == "person \(total - 1)")
        #expect(context.people.filter { $0.canonical == "person \(total - 1)" }.count == 1)
    }

    /// The names a context searches for are found wherever a later document writes them, whether
    /// they were added before its automaton was built or after (found by their first character),
    /// in upper or lower case.
    @Test func theMentionIndexFindsEveryNameHeldHoweverItIsSplit() {
        let names = (0..<(MentionIndex.rebuildAfter + 40)).map { index in
            "\(["王", "李", "欧阳", "Mc"][index % 4])\(Character(UnicodeScalar(0x4E00 + index)!))\(index % 3 == 0 ? "x" : "")"
        }
        var index = MentionIndex()
        for name in names {
            let template = Detection(range: 0..<0, entity: .person, score: 0.7, pluginID: "p", rule: "full", canonical: name)
            index.add([RepeatableMention(text: name, detection: template)])
        }
        for (position, name) in names.enumerated() where position % 7 == 0 || position >= MentionIndex.rebuildAfter {
            let text = "前面说的是\(name.uppercased())，对吧"
            let found = index.occurrences(in: Array(text.utf8))
            let expected = Array("前面说的是".utf8).count..<Array("前面说的是\(name.uppercased())".utf8).count
            #expect(found.contains { $0.range == expected && $0.canonical == name }, "\(name)")
        }
        #expect(index.occurrences(in: Array("与此无关的一句话".utf8)).isEmpty)
    }

    /// Records settled one after another with one context link a person across them (老卢 in a
    /// later record is the 卢立兵 of an earlier one), and get what the same texts get as one document.
    @Test func recordsSettledInOrderLinkAsOneDocument() throws {
        let anonymizer = Anonymizer(engine: try Shipped.engine())
        let texts = ["记者：卢立兵，你好。请问韦玉来了吗？", "卢立兵：你好。韦宇来了。", "记者：老卢，说说论坛。", "卢先生：我是版主，小韦也在。"]
        var context = DocumentContext()
        var records: [String] = []
        for text in texts {
            let recognized = try anonymizer.recognize(record: [RecordValue(text, rule: .scan)])
            records.append(try #require(try anonymizer.anonymize(recognized, context: &context).texts.first ?? nil))
        }
        let whole = try anonymizer.anonymize(texts.joined(separator: "\n")).text
        #expect(records.joined(separator: "\n") == whole)
        #expect(!whole.contains("卢") && !whole.contains("韦宇") && !whole.contains("小韦"), "\(whole)")
    }

    /// A document that holds more findings than ``Engine/maximumFindings`` (a plugin that reports
    /// every character) is refused, not held in memory.
    @Test func aDocumentWithMoreFindingsThanTheLimitIsRefused() throws {
        let temp = TemporaryFolder()
        temp.write(
            "every/plugin.yaml",
            """
            id: every
            entities: [DEMO]
            patterns:
              - name: x
                regex: 'x'
                score: 0.9
            """)
        let policyPath = temp.write("policy.yaml", "version: 1\nplugins: [every]\n")
        let catalog = try PluginCatalog.load(from: [(.directory(temp.path), temp.path)], code: .builtin)
        let engine = try Engine(policy: try PolicyReader.read(path: policyPath, environment: [:]), catalog: catalog, key: Shipped.key, environment: [:])
        let line = String(repeating: String(repeating: "x", count: 99) + "\n", count: Engine.maximumFindings / 99 + 1)
        #expect(throws: Engine.TooManyFindings.self) { _ = try engine.analyze(DocumentText(line)) }
        #expect(try engine.analyze(DocumentText(String(repeating: "x", count: 1_000))).count == 1_000)
    }
}
