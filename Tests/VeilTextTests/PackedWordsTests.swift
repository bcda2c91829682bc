import Testing
import VeilText

/// Sorting by UTF-8 bytes, as the gazetteer and the automaton do at start-up.
@Suite struct PackedWordsTests {
    @Test func sortsAsStringsDoForNFCText() {
        // Words that share their first eight bytes and differ after them, or end inside them.
        let words = [
            "赣州", "Ganzhou", "赣县区", "gan", "", "江西省", "Ürümqi", "Zürich", "赣", "ganzhou", "Gan", "江西省赣州市",
            "江西省赣州县", "江西省赣", "abcdefghij", "abcdefgh", "abcdefghi", "abcdefgh", "abcdefga"
        ]
        let packed = PackedWords(words)
        #expect(packed.sortedIndices().map { words[$0] } == words.sorted())
    }

    @Test func findsAWordAmongTheSorted() {
        let words = ["江西省赣州市", "abcdefghij", "赣", "abcdefgh", "Gan"]
        let packed = PackedWords(words)
        let order = packed.sortedIndices()
        for word in words { #expect(packed.contains(Array(word.utf8), sortedIndices: order), "\(word)") }
        for missing in ["江西省赣州", "abcdefghi", "gan", "", "赣州"] { #expect(!packed.contains(Array(missing.utf8), sortedIndices: order), "\(missing)") }
    }

    @Test func equalWordsKeepTheirOrderAndFoldingIsASCIIOnly() {
        let packed = PackedWords(["Beta", "alpha", "BETA", "Älpha"], foldingCase: true)
        #expect(Array(packed[0]) == Array("beta".utf8))
        #expect(Array(packed[3]) == Array("Älpha".utf8), "only ASCII capitals fold")
        #expect(packed.sortedIndices() == [1, 0, 2, 3])
        #expect(packed.sortedIndices([3, 2, 0]) == [0, 2, 3])
    }
}
