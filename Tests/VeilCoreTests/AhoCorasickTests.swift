import Testing

@testable import VeilCore

@Suite struct AhoCorasickTests {
    @Test func findsOverlappingWordsInOnePass() {
        let automaton = AhoCorasick(words: ["he", "she", "his", "hers", "赣州", "赣州市"])
        let text = Array("ushers 在赣州市".utf8)
        let found = automaton.occurrences(in: text).map { String(decoding: text[$0.range], as: UTF8.self) }
        #expect(Set(found) == ["she", "he", "hers", "赣州", "赣州市"])
        #expect(found.count == 5)
    }

    @Test func foldsASCIICase() {
        let automaton = AhoCorasick(words: ["Reuters"])
        #expect(automaton.occurrences(in: Array("REUTERS and reuters".utf8)).count == 2)
    }

    @Test func lexiconRespectsLatinWordBoundaries() throws {
        let recognizer = LexiconRecognizer(
            pluginID: "t",
            entries: [
                .init(word: "Lu", entity: .person, score: 1, pluginID: "t", lexicon: "l"),
                .init(word: "卢", entity: .person, score: 1, pluginID: "t", lexicon: "l")
            ])
        let document = DocumentText("Luxury Lu 老卢说")
        let found = try recognizer.recognize(document).map { String(decoding: document.bytes[$0.range], as: UTF8.self) }
        #expect(found == ["Lu", "卢"])
    }
}
