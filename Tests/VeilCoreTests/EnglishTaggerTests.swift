import Foundation
import Testing
@testable import VeilCore

/// person-en's trained tagger: its tokens and features must be exactly those the training script
/// computes, and it must find the names the rules cannot.
@Suite struct EnglishTaggerTests {
    private var recognizer: EnglishNameRecognizer {
        get throws { try #require(Shipped.catalog["person-en"]?.makeRecognizer() as? EnglishNameRecognizer) }
    }

    /// Fixtures/english-tagger-features.json is written by `scripts/build_person_en_crf.py
    /// --dump-features TEXT…`: the tokens (code-point ranges) and the features of each.
    @Test func tokensAndFeaturesMatchTheTrainingScript() throws {
        struct Line: Decodable { let text: String; let tokens: [[Int]]; let features: [[String]] }
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/english-tagger-features.json")
        let lines = try JSONDecoder().decode([Line].self, from: Data(contentsOf: url))
        #expect(lines.count >= 4)
        let tagger = try #require(try recognizer.tagger)
        for fixture in lines {
            let scalars = Array(fixture.text.unicodeScalars)
            let tokens = EnglishTagger.tokens(scalars)
            #expect(tokens.map { [$0.lowerBound, $0.upperBound] } == fixture.tokens, "\(fixture.text): tokens")
            let features = tagger.features(scalars, tokens: tokens)
            try #require(features.count == fixture.features.count, "\(fixture.text): \(features.count) tokens, script has \(fixture.features.count)")
            for (position, names) in fixture.features.enumerated() {
                let expected = names.compactMap { NameTagger.key(named: $0, templates: EnglishTagger.templates, key: { EnglishTagger.key(template: $0, $1) }) }.sorted()
                #expect(expected.count == names.count, "unknown template in \(names)")
                let actual = features.keys[Int(features.starts[position])..<Int(features.starts[position + 1])].sorted()
                #expect(actual == expected, "\(fixture.text) token \(position): script has \(names)")
            }
        }
    }

    /// Names no census list holds, a first name alone, a name in lower case: the tagger's, beside
    /// the rules' (which find "Jane Smith").
    @Test func findsNamesTheRulesCannot() throws {
        let text = "Hi Margaret, I met Ngozi Okonkwo and Kovács Zoltán at the station. Jane Smith said hi."
        let found = try recognizer.recognize(DocumentText(text)).filter { $0.entity == .person }
        let bytes = Array(text.utf8)
        let names = Set(found.map { String(decoding: bytes[$0.range], as: UTF8.self) })
        #expect(names.isSuperset(of: ["Margaret", "Ngozi Okonkwo", "Jane Smith"]), "found \(names.sorted())")
        #expect(!names.contains { $0.contains("station") || $0.hasPrefix("Hi") }, "found \(names.sorted())")
    }

    @Test func leavesHandlesAndChineseToTheirPlugins() throws {
        let text = "@jsmith thanks, and 王芳 says hello"
        let found = try recognizer.recognize(DocumentText(text)).filter { $0.entity == .person }
        let bytes = Array(text.utf8)
        let names = found.map { String(decoding: bytes[$0.range], as: UTF8.self) }
        #expect(!names.contains { $0.contains("@") || $0.contains("王") }, "found \(names)")
    }
}
