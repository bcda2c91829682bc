import Testing
import VeilText

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

    /// An automaton read back from a binary image matches as the one written; one whose state
    /// points outside it (an image damaged past its checksum) is an error, not a wild read.
    @Test func anImageReadsBackAndADamagedOneIsRefused() throws {
        let words = ["he", "she", "his", "hers", "赣州", "赣州市", "he"]
        let automaton = AhoCorasick(words: words)
        var writer = ImageWriter()
        automaton.write(to: &writer)
        let decode = { (bytes: [UInt8]) throws -> AhoCorasick in
            try bytes.withUnsafeBytes { raw throws -> AhoCorasick in
                var reader = ImageReader(raw)
                return try AhoCorasick(image: &reader)
            }
        }
        let text = Array("ushers 在赣州市 he".utf8)
        #expect(try decode(writer.bytes).occurrences(in: text) == automaton.occurrences(in: text))
        // The first state's failure link: after foldsCase and the word lengths (a count, then eight
        // bytes each), the states' count, then six 4-byte fields per state (the fourth).
        let failure = 1 + 8 + 8 * words.count + 8 + 3 * 4
        for value: Int32 in [9_999, -2] {
            var damaged = writer.bytes
            withUnsafeBytes(of: value) { damaged.replaceSubrange(failure..<failure + 4, with: $0) }
            #expect(throws: ImageError.self, "failure link \(value)") { try decode(damaged) }
        }
        // The first edge (the root's, on "h": state 1), after the states (a count, then four bytes
        // a value): one that leads two steps down, to state 2 ("he"), or out of the automaton is
        // refused too.
        let count = { (offset: Int) in writer.bytes[offset..<offset + 8].withUnsafeBytes { $0.loadUnaligned(as: Int.self) } }
        let states = 1 + 8 + 8 * words.count
        let firstEdge = states + 8 + 4 * count(states) + 8
        for target: Int32 in [2, 9_999] {
            var damaged = writer.bytes
            withUnsafeBytes(of: target << 8 | Int32(UInt8(ascii: "h"))) { damaged.replaceSubrange(firstEdge..<firstEdge + 4, with: $0) }
            #expect(throws: ImageError.self, "edge to \(target)") { try decode(damaged) }
        }
    }
}
