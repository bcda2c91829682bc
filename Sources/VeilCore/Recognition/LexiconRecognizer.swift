/// Word lists matched with one automaton for all of them: a manifest's `lexicons:` (places,
/// institutions) and a policy's `deny:` lists.
///
/// A word that begins or ends with an ASCII letter or digit only matches on a word boundary
/// ("Lu" is not found inside "Luxury"); Chinese words match anywhere, as Chinese has no spaces.
/// Case is ignored, unless a lexicon asks for capitals (``Entry/capitalizedOnly``).
public struct LexiconRecognizer: Recognizer {
    /// One word and what finding it means.
    public struct Entry: Sendable, Hashable {
        public var word: String
        public var entity: EntityType
        public var score: Double
        /// The plugin (or `policy`) and the lexicon the word came from.
        public var pluginID: String
        public var lexicon: String
        /// The value linked mentions share; the word itself unless the list says otherwise.
        public var canonical: String
        /// Found only where its first letter, a Latin one, is written as a capital.
        public var capitalizedOnly: Bool

        public init(word: String, entity: EntityType, score: Double, pluginID: String, lexicon: String, canonical: String? = nil,
                    capitalizedOnly: Bool = false) {
            self.word = word
            self.entity = entity
            self.score = score
            self.pluginID = pluginID
            self.lexicon = lexicon
            self.canonical = canonical ?? word
            self.capitalizedOnly = capitalizedOnly
        }
    }

    public let pluginID: String
    public let entries: [Entry]
    private let automaton: AhoCorasick
    private let boundaryAtStart: [Bool]
    private let boundaryAtEnd: [Bool]

    public init(pluginID: String, entries: [Entry]) {
        self.pluginID = pluginID
        self.entries = entries
        self.automaton = AhoCorasick(words: entries.map(\.word))
        self.boundaryAtStart = entries.map { $0.word.utf8.first.map(LexiconRecognizer.isWordByte) ?? false }
        self.boundaryAtEnd = entries.map { $0.word.utf8.last.map(LexiconRecognizer.isWordByte) ?? false }
    }

    public func recognize(_ document: DocumentText) throws -> [Detection] {
        let view = document.view(.fullwidth)
        let bytes = view.bytes
        var detections: [Detection] = []
        for occurrence in automaton.occurrences(in: bytes) {
            let range = occurrence.range
            if boundaryAtStart[occurrence.word], range.lowerBound > 0, LexiconRecognizer.isWordByte(bytes[range.lowerBound - 1]) { continue }
            if boundaryAtEnd[occurrence.word], range.upperBound < bytes.count, LexiconRecognizer.isWordByte(bytes[range.upperBound]) { continue }
            let entry = entries[occurrence.word]
            if entry.capitalizedOnly, ASCIIByte.isLowercase(bytes[range.lowerBound]) { continue }
            detections.append(Detection(range: view.originalRange(range), entity: entry.entity, score: entry.score,
                                        pluginID: entry.pluginID, rule: entry.lexicon, canonical: entry.canonical))
        }
        return detections
    }

    @inline(__always)
    static func isWordByte(_ byte: UInt8) -> Bool {
        ASCIIByte.isAlphanumeric(byte) || byte == 0x5F
    }
}
