import Testing

@testable import VeilCore

/// Sorting by UTF-8 bytes, as the gazetteer and the automaton do at start-up.
@Suite struct PackedWordsTests {
    @Test func sortsAsStringsDoForNFCText() {
        let words = ["赣州", "Ganzhou", "赣县区", "gan", "", "江西省", "Ürümqi", "Zürich", "赣", "ganzhou", "Gan"]
        #expect(PackedWords.sorted(words) == words.sorted())
    }

    @Test func equalWordsKeepTheirOrderAndFoldingIsASCIIOnly() {
        let packed = PackedWords(["Beta", "alpha", "BETA", "Älpha"], foldingCase: true)
        #expect(Array(packed[0]) == Array("beta".utf8))
        #expect(Array(packed[3]) == Array("Älpha".utf8), "only ASCII capitals fold")
        #expect(packed.sortedIndices() == [1, 0, 2, 3])
        #expect(packed.sortedIndices([3, 2, 0]) == [0, 2, 3])
    }
}
