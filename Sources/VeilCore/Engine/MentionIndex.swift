import VeilText

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

    /// Each text's detection, by the text's UTF-8 with its ASCII letters in lower case (bytes hash
    /// without the normalization a String of Chinese characters costs).
    private var templates: [[UInt8]: Detection] = [:]
    private var frozenWords: [[UInt8]] = []
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
            let text = mention.text.utf8.map(Self.folded)
            guard !text.isEmpty, templates[text] == nil else { continue }
            templates[text] = mention.detection
            let first = Self.scalar(at: 0, in: text).0
            recentLengths[first, default: []].insert(text.count)
            recentStarts.insert(first)
            recentCount += 1
        }
        // Rebuilt after a quarter more, so building costs a constant share of adding.
        if recentCount >= max(Self.rebuildAfter, frozenWords.count / 4) {
            frozenWords = Array(templates.keys)
            frozenTemplates = frozenWords.map { templates[$0]! }
            frozen = AhoCorasick(words: frozenWords.map { String(decoding: $0, as: UTF8.self) })
            recentLengths = [:]
            recentStarts = ScalarSet()
            recentCount = 0
        }
    }

    /// Every occurrence in `bytes` of a text held, with the detection it is (its range set).
    func occurrences(in bytes: [UInt8]) -> [Detection] {
        guard !templates.isEmpty else { return [] }
        var found: [Detection] = []
        func add(_ range: Range<Int>) {
            guard var detection = templates[bytes[range].map(Self.folded)] else { return }
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
                    add(offset..<offset + length)
                }
            }
            offset += width
        }
        return found
    }

    /// Every occurrence in `bytes` of the texts of a few `mentions` (one document's own), found by
    /// comparing each text along the bytes: for a handful of texts that costs less than hashing
    /// them into an index. The first mention of a text keeps it; occurrences come in text order.
    static func occurrences(of mentions: [RepeatableMention], in bytes: [UInt8]) -> [Detection] {
        var words: [[UInt8]] = []
        var found: [Detection] = []
        bytes.withUnsafeBufferPointer { text in
            for mention in mentions {
                let word = mention.text.utf8.map(folded)
                guard let first = word.first, !words.contains(word) else { continue }
                words.append(word)
                var offset = 0
                while offset + word.count <= text.count {
                    defer { offset += 1 }
                    guard folded(text[offset]) == first else { continue }
                    var length = 1
                    while length < word.count && folded(text[offset + length]) == word[length] { length += 1 }
                    guard length == word.count else { continue }
                    var detection = mention.detection
                    detection.range = offset..<offset + length
                    found.append(detection)
                }
            }
        }
        return found.sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
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
