import VeilText

/// Word lists matched with one automaton for all of them: a manifest's `lexicons:` (places,
/// institutions) and a policy's `deny:` lists.
///
/// A word that begins or ends with an ASCII letter or digit only matches on a word boundary
/// ("Lu" is not found inside "Luxury"); Chinese words match anywhere, as Chinese has no spaces.
/// Case is ignored, unless a lexicon asks for capitals (``Entry/capitalizedOnly``).
package struct LexiconRecognizer: Recognizer {
    /// One word and what finding it means.
    package struct Entry: Sendable, Hashable {
        package var word: String
        package var entity: EntityType
        package var score: Double
        /// The plugin (or `policy`) and the lexicon the word came from.
        package var pluginID: String
        package var lexicon: String
        /// The value linked mentions share; the word itself unless the list says otherwise.
        package var canonical: String
        /// Found only as written or in capitals (Polish, POLISH; not polish).
        package var capitalizedOnly: Bool

        package init(
            word: String, entity: EntityType, score: Double, pluginID: String, lexicon: String, canonical: String? = nil,
            capitalizedOnly: Bool = false
        ) {
            self.word = word
            self.entity = entity
            self.score = score
            self.pluginID = pluginID
            self.lexicon = lexicon
            self.canonical = canonical ?? word
            self.capitalizedOnly = capitalizedOnly
        }
    }

    package let pluginID: String
    package let entries: [Entry]
    /// Two automata, each searched only when it holds a word: words with ASCII letters whose case
    /// does not matter, matched folded; the rest — capitalized-only words (as written and in
    /// capitals: Kenyan, KENYAN) and words without ASCII letters (维吾尔族) — matched exactly, so
    /// that small letters are passed over at the root.
    private let folded: (automaton: AhoCorasick, entries: [Int])
    private let exact: (automaton: AhoCorasick, entries: [Int])
    private let boundaryAtStart: [Bool]
    private let boundaryAtEnd: [Bool]

    package init(pluginID: String, entries: [Entry]) {
        self.pluginID = pluginID
        self.entries = entries
        var foldedWords: [String] = [], foldedEntries: [Int] = [], exactWords: [String] = [], exactEntries: [Int] = []
        for (index, entry) in entries.enumerated() {
            let hasLetters = entry.word.utf8.contains(where: ASCIIByte.isLetter)
            if hasLetters && !entry.capitalizedOnly {
                foldedWords.append(entry.word)
                foldedEntries.append(index)
                continue
            }
            let capitals = entry.word.uppercased()
            for written in capitals == entry.word || !hasLetters ? [entry.word] : [entry.word, capitals] {
                exactWords.append(written)
                exactEntries.append(index)
            }
        }
        self.folded = (AhoCorasick(words: foldedWords), foldedEntries)
        self.exact = (AhoCorasick(words: exactWords, foldsCase: false), exactEntries)
        self.boundaryAtStart = entries.map { $0.word.utf8.first.map(LexiconRecognizer.isWordByte) ?? false }
        self.boundaryAtEnd = entries.map { $0.word.utf8.last.map(LexiconRecognizer.isWordByte) ?? false }
    }

    package func recognize(_ document: DocumentText) throws -> [Detection] {
        let view = document.view(.fullwidth)
        let bytes = view.bytes
        var detections: [Detection] = []
        for (automaton, indices) in [folded, exact] where automaton.count > 0 {
            for occurrence in automaton.occurrences(in: bytes) {
                let range = occurrence.range
                let index = indices[occurrence.word]
                if boundaryAtStart[index], range.lowerBound > 0, LexiconRecognizer.isWordByte(bytes[range.lowerBound - 1]) { continue }
                if boundaryAtEnd[index], range.upperBound < bytes.count, LexiconRecognizer.isWordByte(bytes[range.upperBound]) { continue }
                let entry = entries[index]
                detections.append(
                    Detection(
                        range: view.originalRange(range), entity: entry.entity, score: entry.score,
                        pluginID: entry.pluginID, rule: entry.lexicon, canonical: entry.canonical))
            }
        }
        return detections
    }

    @inline(__always)
    package static func isWordByte(_ byte: UInt8) -> Bool {
        ASCIIByte.isAlphanumeric(byte) || byte == 0x5F
    }
}
