import Foundation
import Testing

@testable import VeilCore
@testable import VeilRecognizers

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
            var features = FeatureRows()
            tagger.addFeatures(scalars, tokens: tokens, to: &features)
            try #require(features.count == fixture.features.count, "\(fixture.text): \(features.count) tokens, script has \(fixture.features.count)")
            for (position, names) in fixture.features.enumerated() {
                let keys = names.compactMap { NameTagger.key(named: $0, templates: EnglishTagger.templates, key: { EnglishTagger.key(template: $0, $1) }) }
                #expect(keys.count == names.count, "unknown template in \(names)")
                // The features the model knows, by their rows (the others weigh nothing).
                let expected = keys.map(tagger.tagger.row(of:)).filter { $0 >= 0 }.sorted()
                let actual = features.rows[Int(features.starts[position])..<Int(features.starts[position + 1])].sorted()
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

    /// What a form or a table labels as a name is one, in any alphabet and in capitals; a label
    /// followed by ordinary words, or From: before a place, is not.
    @Test func findsNamesFormsAndTablesLabel() throws {
        let text =
            "Customer: Caitriona Scullion\nFrom: Δαμιανή Ξηροδήμα <d@example.gr>\nCARDHOLDER: IBIRONKE ADELUSI\n"
            + "Name: Not Given\nFrom: London\n\nid,full_name,phone\n17,Émile Nadeau,766.573.1919\n"
        let found = try recognizer.recognize(DocumentText(text)).filter { $0.entity == .person && $0.rule == "en-labelled" }
        let bytes = Array(text.utf8)
        let names = Set(found.map { String(decoding: bytes[$0.range], as: UTF8.self) })
        #expect(names == ["Caitriona Scullion", "Δαμιανή Ξηροδήμα", "IBIRONKE ADELUSI", "Émile Nadeau"], "found \(names.sorted())")
    }

    /// A person named in full, by whatever rule, is found again by surname or first name alone, and
    /// those mentions link to the full name.
    @Test func findsLaterMentionsOfAPersonNamedInFull() throws {
        let text = "I met Ngozi Okonkwo on Monday. Later Okonkwo said the office was closed. Ngozi laughed at Okonkwo's joke."
        let found = try recognizer.recognize(DocumentText(text)).filter { $0.entity == .person }
        let linked = PersonLinker.link(found.sorted { $0.range.lowerBound < $1.range.lowerBound })
        let bytes = Array(text.utf8)
        let byText = Dictionary(linked.map { (String(decoding: bytes[$0.range], as: UTF8.self), $0.canonical) }, uniquingKeysWith: { $1 })
        #expect(Set(byText.keys) == ["Ngozi Okonkwo", "Okonkwo", "Ngozi"], "found \(byText.keys.sorted())")
        #expect(Set(byText.values) == ["ngozi okonkwo"], "canonical values \(byText)")
        // Each mention is written in its own form of the one pseudonym.
        let surrogate = EnglishNameSurrogate(firstNames: [("Allan", "M")], lastNames: ["Crum"])
        #expect(surrogate.render("Allan Crum", canonical: "ngozi okonkwo", mention: "Ngozi") == "Allan")
        #expect(surrogate.render("Allan Crum", canonical: "ngozi okonkwo", mention: "Okonkwo") == "Crum")
        #expect(surrogate.render("Allan Crum", canonical: "ngozi okonkwo", mention: "NGOZI OKONKWO") == "ALLAN CRUM")
        #expect(surrogate.render("Allan Crum", canonical: "ngozi okonkwo", mention: "ngozi okonkwo") == "allan crum")
    }

    /// A function word at a name's edge is not part of it, in capitals too.
    @Test func leavesFunctionWordsOutOfNamesInCapitals() throws {
        let text = "THANKS TO JOHN WILLIAMS FOR THE HELP"
        let found = try recognizer.recognize(DocumentText(text)).filter { $0.entity == .person }
        let bytes = Array(text.utf8)
        let names = found.map { String(decoding: bytes[$0.range], as: UTF8.self) }
        #expect(names == ["JOHN WILLIAMS"], "found \(names)")
    }

    @Test func leavesHandlesAndChineseToTheirPlugins() throws {
        let text = "@jsmith thanks, and 王芳 says hello"
        let found = try recognizer.recognize(DocumentText(text)).filter { $0.entity == .person }
        let bytes = Array(text.utf8)
        let names = found.map { String(decoding: bytes[$0.range], as: UTF8.self) }
        #expect(!names.contains { $0.contains("@") || $0.contains("王") }, "found \(names)")
    }
}
