import VeilCore
import VeilText

/// person-en's trained tagger: the tokens of English text, their features exactly as
/// scripts/build_person_en_crf.py computes them, and the names the CRF (`crf.tsv`) labels in them.
struct EnglishTagger: Sendable {
    let tagger: NameTagger
    /// What the word lists say of each lower-cased word, keyed by ``hash(_:)`` and packed in one
    /// value (one probe per token instead of three dictionary lookups): its frequency bucket in
    /// ranks.tsv ("1": top 1,000 English words … "4": top 30,000) in the low byte; its bucket in
    /// first.tsv and in last.tsv ("1" … "3", ``bucket(_:)``; "w" for a name only world.tsv holds;
    /// the last row of a name written two ways wins, as in the training script) in the next two.
    private let facts: HashKeyTable

    /// `worldFirst` and `worldLast`: world.tsv's names (lower-cased), bucket "w" where the census
    /// lists do not hold them.
    init(
        tagger: NameTagger, firstShares: [String: Double], lastShares: [String: Double], ranks: [String: String],
        worldFirst: [String] = [], worldLast: [String] = []
    ) {
        self.tagger = tagger
        var packed: [UInt64: Int32] = [:]
        packed.reserveCapacity(worldFirst.count + firstShares.count + worldLast.count + lastShares.count + ranks.count)
        // One probe per word and list: the value is changed in place.
        let set = { (key: UInt64, value: Unicode.Scalar, shift: Int32) in
            Self.replace(&packed[key, default: 0], byteAt: shift, with: Int32(value.value & 0xFF))
        }
        for name in worldFirst { set(Self.hash(name.unicodeScalars), "w", 8) }
        for (name, share) in firstShares { set(Self.hash(name.unicodeScalars), Self.bucket(share), 8) }
        for name in worldLast { set(Self.hash(name.unicodeScalars), "w", 16) }
        for (name, share) in lastShares { set(Self.hash(name.unicodeScalars), Self.bucket(share), 16) }
        for (word, rank) in ranks { if let rank = rank.unicodeScalars.first { set(Self.hash(word.unicodeScalars), rank, 0) } }
        facts = HashKeyTable(packed)
    }

    private static func replace(_ packed: inout Int32, byteAt shift: Int32, with value: Int32) {
        packed = packed & ~(0xFF << shift) | value << shift
    }

    /// The word lists' buckets for a word's key (nil where a list does not hold it).
    private func facts(_ key: UInt64) -> (rank: Unicode.Scalar?, first: Unicode.Scalar?, last: Unicode.Scalar?) {
        let value = facts[key]
        guard value > 0 else { return (nil, nil, nil) }
        let byte = { (shift: Int32) -> Unicode.Scalar? in
            let code = UInt8(truncatingIfNeeded: value >> shift)
            return code == 0 ? nil : Unicode.Scalar(code)
        }
        return (byte(0), byte(8), byte(16))
    }

    /// FNV-1a over a word's scalars: the key of the word lists, so a token is looked up without
    /// building a String.
    static func hash(_ scalars: some Sequence<Unicode.Scalar>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for scalar in scalars { hash = (hash ^ UInt64(scalar.value)) &* 0x100_0000_01b3 }
        return hash
    }

    /// The feature templates, as the training script names them.
    static let templates = [
        "b", "w", "s", "p", "x", "r", "f", "l", "sr", "w-2", "w-1", "w+1", "w+2", "s-1", "s+1", "f-1", "f+1", "l-1", "l+1",
        "t-1", "h-1"
    ]
    static let titles: Set<UInt64> = Set(
        [
            "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lady", "lord", "judge", "officer",
            "sergeant", "sgt", "captain", "capt", "detective", "rev", "reverend", "father", "sister", "uncle", "aunt",
            "coach", "president", "senator", "governor", "mayor", "minister", "king", "queen", "prince", "princess",
            "saint", "st"
        ].map { hash($0.unicodeScalars) })

    /// A name the tagger labels: its scalars in the line, and how sure the model is of it (the
    /// least marginal probability of its tokens' labels).
    struct Span {
        let range: Range<Int>
        let tokens: [Range<Int>]
        let confidence: Float
        /// The token after the span in its line, if any.
        var next: Range<Int>?
    }

    // MARK: Tokens

    /// Letters, digits, marks and the underscore make words (Python's `\w`).
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A) || value == 0x5F
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }

    /// Python's `str.isspace`.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) || (value >= 0x1C && value <= 0x1F) }
        return scalar.properties.isWhitespace
    }

    /// Whether the apostrophe at `index` begins a word's final 's (Mader's): a token of its own, as
    /// WNUT-17 writes it, so that the name before it is the word the lists know.
    static func isPossessive(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        (scalars[index] == "'" || scalars[index] == "’") && index + 1 < scalars.count && (scalars[index + 1] == "s" || scalars[index + 1] == "S")
            && (index + 2 == scalars.count || !isWordScalar(scalars[index + 2]))
    }

    /// The tokens of `scalars`: a word (with an apostrophe or hyphen between two of its characters,
    /// and an @ or # before it), a possessive's final 's, or any other character that is not a space.
    static func tokens(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var index = 0
        let count = scalars.count
        while index < count {
            if isSpace(scalars[index]) { index += 1; continue }
            let start = index
            if scalars[index] == "@" || scalars[index] == "#", index + 1 < count, isWordScalar(scalars[index + 1]) { index += 1 }
            if isWordScalar(scalars[index]) {
                while index < count {
                    if isWordScalar(scalars[index]) {
                        index += 1
                    } else if scalars[index] == "'" || scalars[index] == "’" || scalars[index] == "-", index + 1 < count,
                        isWordScalar(scalars[index + 1]), index > start, isWordScalar(scalars[index - 1]),
                        !isPossessive(scalars, at: index)
                    {
                        index += 1
                    } else {
                        break
                    }
                }
            } else {
                index += isPossessive(scalars, at: index) ? 2 : 1
            }
            found.append(start..<index)
        }
        return found
    }

    /// Xx for Smith, x for smith, X for NASA, d for 42: letters, digits and the rest by kind, a run
    /// of one kind written once, at most six long (over the first twelve characters).
    static func shape(_ word: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar] {
        var shape: [Unicode.Scalar] = []
        var last: Unicode.Scalar?
        for scalar in word.prefix(12) {
            let kind: Unicode.Scalar
            let value = scalar.value
            if value < 0x80 {
                kind = value >= 0x41 && value <= 0x5A ? "X" : value >= 0x61 && value <= 0x7A ? "x" : value >= 0x30 && value <= 0x39 ? "d" : scalar
            } else {
                switch scalar.properties.generalCategory {
                case .uppercaseLetter, .titlecaseLetter: kind = "X"
                case .lowercaseLetter, .modifierLetter, .otherLetter: kind = "x"
                case .decimalNumber, .letterNumber, .otherNumber: kind = "d"
                default: kind = scalar
                }
            }
            if kind != last {
                shape.append(kind)
                if shape.count == 6 { break }
            }
            last = kind
        }
        return shape
    }

    /// A lower-case word's frequency bucket in English ("1": top 1,000 … "4": top 30,000), nil past that.
    func rank(of word: String) -> Unicode.Scalar? { facts(Self.hash(word.unicodeScalars)).rank }

    /// What the lists hold of a lower-cased word: its English frequency bucket and its buckets as
    /// a first name and as a surname (nil where a list does not hold it).
    func listing(of word: String) -> (rank: Unicode.Scalar?, first: Unicode.Scalar?, last: Unicode.Scalar?) { facts(Self.hash(word.unicodeScalars)) }

    static func bucket(_ share: Double) -> Unicode.Scalar {
        share >= 0.1 ? "3" : share >= 0.01 ? "2" : "1"
    }

    /// A token lower-cased as Python's `str.lower` does (ASCII directly, the rest through String).
    static func lowercased(_ scalars: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar] {
        if scalars.allSatisfy({ $0.isASCII }) {
            return scalars.map { $0.value >= 0x41 && $0.value <= 0x5A ? Unicode.Scalar($0.value + 0x20)! : $0 }
        }
        return Array(String(String.UnicodeScalarView(scalars)).lowercased().unicodeScalars)
    }

    // MARK: Features

    /// A feature's key: its value's hash (``hash(_:)``) mixed with its template, so that a word's
    /// hashes are computed once for all the templates that read it.
    static func key(_ template: Int, _ valueHash: UInt64) -> UInt64 {
        (valueHash ^ (UInt64(template + 1) &* 0x9E37_79B9_7F4A_7C15)) &* 0x100_0000_01B3
    }

    static func key(template: Int, _ value: some Sequence<Unicode.Scalar>) -> UInt64 { key(template, hash(value)) }

    /// FNV-1a continued over one more scalar, or two (no variadic array: four of these per token).
    @inline(__always)
    static func hash(_ seed: UInt64, _ scalar: Unicode.Scalar) -> UInt64 { (seed ^ UInt64(scalar.value)) &* 0x100_0000_01b3 }
    @inline(__always)
    static func hash(_ seed: UInt64, _ a: Unicode.Scalar, _ b: Unicode.Scalar) -> UInt64 { hash(hash(seed, a), b) }

    static let emptyHash = hash(EmptyCollection<Unicode.Scalar>())
    static let lineStartHash = hash(CollectionOfOne<Unicode.Scalar>("^"))
    static let lineEndHash = hash(CollectionOfOne<Unicode.Scalar>("$"))

    private struct Word {
        /// Hashes of the lower-cased word (at most 20 scalars), its shape, its first and last three scalars.
        let lower: UInt64
        let shape: UInt64
        let shapeAndRank: UInt64
        let prefix: UInt64
        let suffix: UInt64
        let first: UInt64?
        let last: UInt64?
        let rank: UInt64
        let isHandle: Bool
        let isTitle: Bool
    }

    private func word(_ scalars: ArraySlice<Unicode.Scalar>) -> Word {
        let lower = Self.lowercased(scalars)
        let core = Self.hash(lower.drop { $0 == "@" || $0 == "#" })
        let stored = lower.prefix(20)
        var stem = stored
        while stem.last == "." { stem.removeLast() }
        let shape = Self.hash(Self.shape(scalars))
        let listed = facts(core)
        let rank = listed.rank ?? "0"
        return Word(
            lower: Self.hash(stored), shape: shape, shapeAndRank: Self.hash(shape, "|", rank), prefix: Self.hash(stored.prefix(3)),
            suffix: Self.hash(stored.suffix(3)), first: listed.first.map { Self.hash(Self.emptyHash, $0) },
            last: listed.last.map { Self.hash(Self.emptyHash, $0) }, rank: Self.hash(Self.emptyHash, rank),
            isHandle: scalars.first == "@" && scalars.count > 1, isTitle: Self.titles.contains(Self.hash(stem)))
    }

    /// The label scores of each token, from its features.
    func features(_ scalars: [Unicode.Scalar], tokens: [Range<Int>]) -> NameTagger.Features {
        var scores = tagger.features(positions: tokens.count)
        addFeatures(scalars, tokens: tokens, to: &scores)
        return scores
    }

    /// Adds each token's features, as the training script names them, to `features`.
    @inline(__always)
    func addFeatures(_ scalars: [Unicode.Scalar], tokens: [Range<Int>], to features: inout some FeatureSink) {
        let words = tokens.map { word(scalars[$0]) }
        func add(_ template: Int, _ hash: UInt64) { features.append(row: tagger.row(of: Self.key(template, hash))) }
        for index in words.indices {
            let word = words[index]
            add(0, Self.emptyHash)
            add(1, word.lower)
            add(2, word.shape)
            add(3, word.prefix)
            add(4, word.suffix)
            add(5, word.rank)
            if let first = word.first { add(6, first) }
            if let last = word.last { add(7, last) }
            add(8, word.shapeAndRank)
            add(9, index >= 2 ? words[index - 2].lower : Self.lineStartHash)
            add(12, index + 2 < words.count ? words[index + 2].lower : Self.lineEndHash)
            if index >= 1 {
                let previous = words[index - 1]
                add(10, previous.lower)
                add(13, previous.shape)
                if let first = previous.first { add(15, first) }
                if let last = previous.last { add(17, last) }
                if previous.isTitle { add(19, Self.emptyHash) }
                if previous.isHandle { add(20, Self.emptyHash) }
            } else {
                add(10, Self.lineStartHash)
            }
            if index + 1 < words.count {
                let next = words[index + 1]
                add(11, next.lower)
                add(14, next.shape)
                if let first = next.first { add(16, first) }
                if let last = next.last { add(18, last) }
            } else {
                add(11, Self.lineEndHash)
            }
            features.endPosition()
        }
    }

    /// Whether a token is one of the thousand commonest English words and no name list holds it as
    /// a common name (the, and, hi; TO, though "To" is a rare surname): never the first or last
    /// word of a name.
    func isFunctionWord(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        let listed = facts(Self.hash(Self.lowercased(scalars)))
        let commonName = { (bucket: Unicode.Scalar?) in bucket == "2" || bucket == "3" }
        return listed.rank == "1" && !commonName(listed.first) && !commonName(listed.last)
    }

    /// Whether a token is among the 5,000 commonest English words (Young, Will, May).
    func isCommonWord(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        let rank = facts(Self.hash(Self.lowercased(scalars))).rank
        return rank == "1" || rank == "2"
    }

    /// The people the tagger finds in a line of text (its scalars): a name's spans without the
    /// function words at its edges ("The Young" → "Young"); a common word alone only where the
    /// model is sure of it.
    func people(in scalars: [Unicode.Scalar]) -> [Span] {
        labelledPeople(in: scalars).compactMap { span in
            var tokens = span.tokens[...]
            var next = span.next
            while let first = tokens.first, isFunctionWord(scalars[first]) { tokens.removeFirst() }
            while let last = tokens.last, isFunctionWord(scalars[last]) {
                next = last
                tokens.removeLast()
            }
            guard let first = tokens.first, let last = tokens.last else { return nil }
            if tokens.count == 1, isCommonWord(scalars[first]), span.confidence < 0.8 { return nil }
            // The Young, a Grant: an article makes a single word a thing.
            if tokens.count == 1, let article = previousWord(before: first.lowerBound, in: scalars), ["the", "a", "an"].contains(article) { return nil }
            return Span(range: first.lowerBound..<last.upperBound, tokens: Array(tokens), confidence: span.confidence, next: next)
        }
    }

    /// The word before scalar `index`, lower-cased, if only spaces stand between.
    private func previousWord(before index: Int, in scalars: [Unicode.Scalar]) -> String? {
        var end = index
        while end > 0, scalars[end - 1] == " " { end -= 1 }
        var start = end
        while start > 0, Self.isWordScalar(scalars[start - 1]) { start -= 1 }
        return start < end ? String(String.UnicodeScalarView(scalars[start..<end])).lowercased() : nil
    }

    private func labelledPeople(in scalars: [Unicode.Scalar]) -> [Span] {
        let tokens = Self.tokens(scalars)
        guard !tokens.isEmpty else { return [] }
        let (labels, confidence) = tagger.decode(features(scalars, tokens: tokens))
        var spans: [Span] = []
        var start: Int?
        for index in 0...labels.count {
            let label = index < labels.count ? labels[index] : .outside
            if let open = start, label != .insidePerson {
                spans.append(
                    Span(
                        range: tokens[open].lowerBound..<tokens[index - 1].upperBound, tokens: Array(tokens[open..<index]),
                        confidence: confidence[open..<index].min() ?? 0, next: index < tokens.count ? tokens[index] : nil))
                start = nil
            }
            if label == .beginPerson || (label == .insidePerson && start == nil) { start = index }
        }
        return spans
    }
}

extension EnglishTagger: ImageCodable {
    func write(to image: inout ImageWriter) {
        image.write(tagger)
        image.write(facts)
    }

    init(image: inout ImageReader) throws(ImageError) {
        tagger = try image.read()
        facts = try image.read()
    }
}
