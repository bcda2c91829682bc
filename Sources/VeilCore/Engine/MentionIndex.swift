/// The repeatable mentions (``RepeatableMention``) of the people a run has named so far, and a
/// search for them in a later document whose cost does not grow with their number.
///
/// Most of them are searched by one automaton; the few added since it was built are found by their
/// first character, and once there are ``rebuildAfter`` of those the automaton is built again. What
/// a search finds is every occurrence of every text held, however they are split between the two
/// (both match ASCII letters in either case, as ``AhoCorasick`` does).
struct MentionIndex: Sendable {
    /// Texts added since the automaton was built after which it is built again (at least).
    static let rebuildAfter = 256

    /// Each text's detection, by the text with its ASCII letters in lower case.
    private var templates: [String: Detection] = [:]
    private var frozenWords: [String] = []
    /// The detection of each word of the automaton, by its index.
    private var frozenTemplates: [Detection] = []
    private var frozen: AhoCorasick?
    /// The byte lengths of the texts added since, by their first scalar.
    private var recentLengths: [UInt32: Set<Int>] = [:]
    /// The (folded) scalars that start a text added since: most scalars of a document start none,
    /// and a bit says so without hashing.
    private var recentStarts = ScalarSet()
    private var recentCount = 0

    /// Adds mentions whose text is not held yet (the first text added keeps its detection).
    mutating func add(_ mentions: [RepeatableMention]) {
        for mention in mentions {
            let text = Self.folded(mention.text[...])
            guard !text.isEmpty, templates[text] == nil, let first = text.unicodeScalars.first else { continue }
            templates[text] = mention.detection
            recentLengths[first.value, default: []].insert(text.utf8.count)
            recentStarts.insert(first.value)
            recentCount += 1
        }
        // Rebuilt after a quarter more, so building costs a constant share of adding.
        if recentCount >= max(Self.rebuildAfter, frozenWords.count / 4) {
            frozenWords = Array(templates.keys)
            frozenTemplates = frozenWords.map { templates[$0]! }
            frozen = AhoCorasick(words: frozenWords)
            recentLengths = [:]
            recentStarts = ScalarSet()
            recentCount = 0
        }
    }

    /// Every occurrence in `bytes` of a text held, with the detection it is (its range set).
    func occurrences(in bytes: [UInt8]) -> [Detection] {
        guard !templates.isEmpty else { return [] }
        var found: [Detection] = []
        func add(_ range: Range<Int>, _ text: String) {
            guard var detection = templates[Self.folded(text[...])] else { return }
            detection.range = range
            found.append(detection)
        }
        if let frozen {
            for occurrence in frozen.occurrences(in: bytes) {
                var detection = frozenTemplates[occurrence.word]
                detection.range = occurrence.range
                found.append(detection)
            }
        }
        guard !recentLengths.isEmpty else { return found }
        var offset = 0
        while offset < bytes.count {
            let (scalar, width) = Self.scalar(at: offset, in: bytes)
            let key = scalar < 0x80 ? UInt32(Self.folded(UInt8(scalar))) : scalar
            if recentStarts.contains(key), let lengths = recentLengths[key] {
                for length in lengths where offset + length <= bytes.count {
                    add(offset..<offset + length, String(decoding: bytes[offset..<offset + length], as: UTF8.self))
                }
            }
            offset += width
        }
        return found
    }

    private static func folded(_ text: Substring) -> String {
        text.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) ? String(decoding: text.utf8.map(folded), as: UTF8.self) : String(text)
    }

    private static func folded(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

    /// The scalar that starts at `offset` of valid UTF-8, and its width in bytes.
    private static func scalar(at offset: Int, in bytes: [UInt8]) -> (UInt32, Int) {
        let lead = UInt32(bytes[offset])
        func continuation(_ index: Int) -> UInt32 { offset + index < bytes.count ? UInt32(bytes[offset + index]) & 0x3F : 0 }
        switch lead {
        case ..<0x80: return (lead, 1)
        case ..<0xE0: return ((lead & 0x1F) << 6 | continuation(1), 2)
        case ..<0xF0: return ((lead & 0x0F) << 12 | continuation(1) << 6 | continuation(2), 3)
        default: return ((lead & 0x07) << 18 | continuation(1) << 12 | continuation(2) << 6 | continuation(3), 4)
        }
    }
}
