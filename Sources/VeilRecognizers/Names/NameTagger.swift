import Foundation
import VeilCore
import VeilText

/// A linear-chain conditional random field over the positions of a line — the characters of
/// Chinese text (scripts/build_person_crf.py, `crf.tsv` in `person-zh`) or the tokens of English
/// text (scripts/build_person_en_crf.py, `crf.tsv` in `person-en`): each position is outside any
/// name, or begins or continues a person, a place or an organization.
///
/// Its features are what the recognizer computes at each position, exactly as its training script
/// computes them, named by a template and a value ("U0:王", "w:smith"); the model names the
/// templates it was trained with, the recognizer passes their list. Viterbi decoding gives the
/// labels that best explain the whole line.
struct NameTagger: Sendable {
    enum Label: Int, CaseIterable, Sendable {
        case outside, beginPerson, insidePerson, beginPlace, insidePlace, beginOrganization, insideOrganization
    }

    /// The feature templates; `names` spells them as the training script does.
    enum Template: Int, CaseIterable {
        case bias
        case charMinus2, charMinus1, char0, charPlus1, charPlus2
        case pairMinus1, pair0, pairMinus2, pairPlus1
        case surname0, surnameMinus1, surnameMinus2
        case given0, givenMinus1, givenPlus1
        case surnameGiven, surnameGivenGiven
        case wordStarting, wordEnding
        case foreign0, compound0, compoundMinus1
        case title1, title2, title3
        case cueAfter1, cueAfter2, cueAfter3
        case cueBefore0, cueBeforeMinus1

        /// The templates whose features are looked up together, by their value (``groupRows(_:)``):
        /// a character under each of its five positions, a pair of characters under each of four.
        static let groups: [[Template]] = [
            [.charMinus2, .charMinus1, .char0, .charPlus1, .charPlus2], [.pairMinus1, .pair0, .pairMinus2, .pairPlus1]
        ]

        static let names = [
            "b", "U-2", "U-1", "U0", "U1", "U2", "B-1", "B0", "B-2", "B1", "S0", "S-1", "S-2", "G0", "G-1", "G1",
            "SG", "SGG", "WS", "WE", "F0", "C0", "C-1", "T1", "T2", "T3", "A1", "A2", "A3", "K0", "K-1"
        ]
    }

    /// The label scores of each position of a line: the sum of the weights of the position's
    /// features that the model knows, added as they are appended (in that order, from zero), so no
    /// list of features is kept. Made by ``features(positions:)``, read by ``decode(_:)``.
    struct Features: FeatureSink {
        private let weights: [SIMD8<Float>]
        /// The finished positions' scores.
        private(set) var scores: [SIMD8<Float>] = []
        /// The sum of the position being appended to.
        private var sum = SIMD8<Float>.zero
        var count: Int { scores.count }

        fileprivate init(weights: [SIMD8<Float>], positions: Int) {
            self.weights = weights
            scores.reserveCapacity(positions)
        }

        @inline(__always) mutating func append(row: Int32) { if row >= 0 { sum += weights[Int(row)] } }

        mutating func endPosition() {
            scores.append(sum)
            sum = .zero
        }
    }

    /// The scores of a line's positions, to be added to feature by feature, room made for
    /// `positions` of them.
    func features(positions: Int = 0) -> Features { Features(weights: weights, positions: positions) }

    /// The row of the feature `key` among the weights, or -1 when the model does not know it.
    func row(of key: UInt64) -> Int32 { rows[key] }

    /// The rows of the features of one value under the templates of a group
    /// (``Template/groups``), side by side in the weights: a line looks a character up once, not
    /// once per template, and reads its weights from one place.
    struct GroupRows {
        /// The row of the value's feature under the group's first template it has.
        let base: Int32
        /// Which of the group's templates the model has a feature of the value for.
        let mask: UInt32

        static let none = GroupRows(base: 0, mask: 0)

        /// The row of the value's feature under the group's template `slot`, or -1.
        @inline(__always) func row(_ slot: Int) -> Int32 {
            mask & (1 << slot) == 0 ? -1 : base + Int32((mask & ((1 << slot) - 1)).nonzeroBitCount)
        }
    }

    /// The rows of a value's features under a group of templates, by ``groupKey(_:_:)``.
    @inline(__always) func groupRows(_ key: UInt64) -> GroupRows {
        let packed = groups[key]
        return packed < 0 ? .none : GroupRows(base: packed >> 5, mask: UInt32(packed & 31))
    }

    static let labelCount = Label.allCases.count
    static let beginOfLine: Unicode.Scalar = "\u{2402}"
    static let endOfLine: Unicode.Scalar = "\u{2403}"

    /// Feature key → row of `weights` (one weight per label, in the first seven lanes).
    private let rows: HashKeyTable
    /// A group's key of a value (``groupKey(_:_:)``) → its first row << 5 | the mask of its templates.
    private let groups: HashKeyTable
    private let weights: [SIMD8<Float>]
    /// transition[from * labelCount + to], and its exponential.
    private let transition: [Float]
    private let expTransition: [Float]

    /// Reads a model whose features are named by `templates`; a feature's key is `key` of its
    /// template's index in the list and its value (``key(template:_:)`` unless the recognizer
    /// computes its keys another way).
    /// The features of the templates in `groups` (indices into `templates`, at most five each) are
    /// laid out by value, for ``groupRows(_:)``.
    static func read(
        _ path: String, templates: [String] = Template.names, groups: [[Int]] = Template.groups.map { $0.map(\.rawValue) },
        key: (Int, Substring.UnicodeScalarView) -> UInt64 = { key(template: $0, $1) }
    ) throws(ConfigurationError) -> NameTagger {
        var rows: [UInt64: Int32] = [:]
        // Each grouped value's row under each of its group's templates (-1: none).
        var grouped: [UInt64: [Int32]] = [:]
        var slotOf: [Int: (group: Int, slot: Int)] = [:]
        for (group, members) in groups.enumerated() {
            precondition(members.count <= 5, "a group of at most five templates")
            for (slot, template) in members.enumerated() { slotOf[template] = (group, slot) }
        }
        var weights: [Float] = []
        var transition = [Float](repeating: 0, count: labelCount * labelCount)
        // Bytes, not characters: the model is large and read at every start-up. A NUL after the
        // last line ends the last weight for strtof.
        var bytes = try WordList.bytes(path, what: "the name tagger")
        let end = bytes.count
        bytes.append(0)
        try bytes.withUnsafeBufferPointer { (text: UnsafeBufferPointer<UInt8>) throws(ConfigurationError) in
            var lineStart = 0, number = 0
            while lineStart <= end {
                var lineEnd = lineStart
                while lineEnd < end && text[lineEnd] != 0x0A { lineEnd += 1 }
                number += 1
                defer { lineStart = lineEnd + 1 }
                if lineEnd == lineStart || text[lineStart] == UInt8(ascii: "#") { continue }
                let line = UnsafeBufferPointer(rebasing: text[lineStart..<lineEnd])
                let problem = { (message: String) in ConfigurationError(Diagnostic(file: path, line: number, message: message)) }
                let tab = line.firstIndex(of: 0x09) ?? line.count
                if tab == 1 && line[0] == UInt8(ascii: ">") {
                    let row = line.split(separator: 0x09, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
                    guard row.count == 4, let from = Int(row[1]), let to = Int(row[2]), let weight = Float(row[3]),
                        (0..<labelCount).contains(from), (0..<labelCount).contains(to)
                    else { throw problem("expected: >, from label, to label, weight") }
                    transition[from * labelCount + to] = weight
                    continue
                }
                guard tab < line.count, !line[(tab + 1)...].contains(0x09),
                    let (template, value) = Self.parse(String(decoding: UnsafeBufferPointer(rebasing: line[..<tab]), as: UTF8.self), templates: templates)
                else {
                    throw problem("expected: template[:value], then label:weight pairs")
                }
                let row = Int32(weights.count / labelCount)
                rows[key(template, value)] = row
                if let (group, slot) = slotOf[template] {
                    grouped[Self.groupKey(group, value), default: [Int32](repeating: -1, count: groups[group].count)][slot] = row
                }
                weights.append(contentsOf: repeatElement(0, count: labelCount))
                // label:weight pairs, one space apart.
                var index = tab + 1
                while index < line.count {
                    if line[index] == 0x20 { index += 1; continue }
                    var pairEnd = index
                    while pairEnd < line.count && line[pairEnd] != 0x20 { pairEnd += 1 }
                    let pair = UnsafeBufferPointer(rebasing: line[index..<pairEnd])
                    let bad = { problem("expected label:weight, found '\(String(decoding: pair, as: UTF8.self))'") }
                    guard let colon = pair.firstIndex(of: 0x3A), colon > 0, colon + 1 < pair.count,
                        let label = Int(String(decoding: UnsafeBufferPointer(rebasing: pair[..<colon]), as: UTF8.self)), (0..<labelCount).contains(label)
                    else { throw bad() }
                    // strtof in the C locale (Veil never sets one), as Float(String) reads.
                    let digits = UnsafeRawPointer(pair.baseAddress! + colon + 1).assumingMemoryBound(to: CChar.self)
                    var stop: UnsafeMutablePointer<CChar>?
                    guard !Self.isSpace(pair[colon + 1]) else { throw bad() }
                    let weight = strtof(digits, &stop)
                    guard let stop, UnsafeRawPointer(stop) == UnsafeRawPointer(pair.baseAddress! + pair.count) else { throw bad() }
                    weights[weights.count - labelCount + label] = weight
                    index = pairEnd
                }
            }
        }
        guard !rows.isEmpty else { throw ConfigurationError(Diagnostic(file: path, message: "the name tagger has no features")) }
        let rowWeights = (0..<weights.count / labelCount).map { row in
            var lanes = SIMD8<Float>.zero
            for label in 0..<labelCount { lanes[label] = weights[row * labelCount + label] }
            return lanes
        }
        // The grouped values' rows first, each value's side by side in its group's template order
        // (the values in key order, so a model always reads the same), then the others.
        var renumbered = [Int32](repeating: -1, count: rowWeights.count)
        var order: [Int32] = []
        order.reserveCapacity(rowWeights.count)
        var groupTable: [UInt64: Int32] = [:]
        for (valueKey, slots) in grouped.sorted(by: { $0.key < $1.key }) {
            var mask: Int32 = 0
            let base = Int32(order.count)
            for (slot, row) in slots.enumerated() where row >= 0 && renumbered[Int(row)] < 0 {
                mask |= 1 << slot
                renumbered[Int(row)] = Int32(order.count)
                order.append(row)
            }
            if mask != 0 { groupTable[valueKey] = base << 5 | mask }
        }
        for row in rowWeights.indices where renumbered[row] < 0 {
            renumbered[row] = Int32(order.count)
            order.append(Int32(row))
        }
        return NameTagger(
            rows: HashKeyTable(rows.mapValues { renumbered[Int($0)] }), groups: HashKeyTable(groupTable), weights: order.map { rowWeights[Int($0)] },
            transition: transition, expTransition: transition.map { exp($0) })
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }

    /// The key of a feature as the training script names it ("U0:王", "B0:王芳", "T1:"), or nil when
    /// its template is unknown.
    static func key(
        named name: String, templates: [String] = Template.names,
        key: (Int, Substring.UnicodeScalarView) -> UInt64 = { key(template: $0, $1) }
    ) -> UInt64? {
        parse(name, templates: templates).map { key($0.template, $0.value) }
    }

    /// A feature's name ("U0:王") as its template's index in `templates` and its value, or nil
    /// when its template is unknown.
    private static func parse(_ name: String, templates: [String]) -> (template: Int, value: Substring.UnicodeScalarView)? {
        // Scalars, not characters: a value may start with a combining mark (U-1:◌̀).
        let scalars = Substring(name).unicodeScalars
        let colon = scalars.firstIndex(of: ":") ?? scalars.endIndex
        guard let index = templates.firstIndex(of: String(scalars[..<colon])) else { return nil }
        return (index, colon == scalars.endIndex ? scalars[colon...] : scalars[scalars.index(after: colon)...])
    }

    /// The key of a value in group `group` of templates (``groupRows(_:)``): FNV-1a as
    /// ``key(template:_:)``, begun with a number no template has.
    static func groupKey(_ group: Int, _ value: some Sequence<Unicode.Scalar>) -> UInt64 {
        key(template: 0x4000_0000 | group, value)
    }

    @inline(__always) static func groupKey(_ group: Int, _ a: Unicode.Scalar) -> UInt64 {
        mixed(mixed(0xcbf2_9ce4_8422_2325, UInt32(0x4000_0000 | group)), a.value + 1)
    }

    @inline(__always) static func groupKey(_ group: Int, _ a: Unicode.Scalar, _ b: Unicode.Scalar) -> UInt64 {
        mixed(groupKey(group, a), b.value + 1)
    }

    static func key(_ template: Template, _ value: some Sequence<Unicode.Scalar>) -> UInt64 {
        key(template: template.rawValue, value)
    }

    /// FNV-1a over the template's index and the value's scalars: the same key for a feature read
    /// from the model and one built from text.
    static func key(template: Int, _ value: some Sequence<Unicode.Scalar>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        let mix = { (value: UInt32) in
            hash ^= UInt64(value)
            hash = hash &* 0x100_0000_01b3
        }
        mix(UInt32(template))
        for scalar in value { mix(scalar.value + 1) }
        return hash
    }

    // The same keys for the few values a feature has, without an array per call (the tagger asks
    // for about thirty keys at every character).
    @inline(__always) private static func mixed(_ hash: UInt64, _ value: UInt32) -> UInt64 { (hash ^ UInt64(value)) &* 0x100_0000_01b3 }
    @inline(__always) static func key(_ template: Template) -> UInt64 { mixed(0xcbf2_9ce4_8422_2325, UInt32(template.rawValue)) }
    @inline(__always) static func key(_ template: Template, _ a: Unicode.Scalar) -> UInt64 { mixed(key(template), a.value + 1) }
    @inline(__always) static func key(_ template: Template, _ a: Unicode.Scalar, _ b: Unicode.Scalar) -> UInt64 { mixed(key(template, a), b.value + 1) }
    @inline(__always) static func key(_ template: Template, _ a: Unicode.Scalar, _ b: Unicode.Scalar, _ c: Unicode.Scalar) -> UInt64 {
        mixed(key(template, a, b), c.value + 1)
    }

    /// The best label for each position, given each position's feature keys, and how sure the model
    /// is of it: the marginal probability of that label at that position (forward–backward), for
    /// the positions from the first labelled one to the last (1 before and after them).
    func decode(_ features: Features) -> (labels: [Label], confidence: [Float]) {
        let n = features.count
        guard n > 0 else { return ([], []) }
        let state = features.scores
        let labels = viterbi(state, n)
        // Only the spans a line labels need their confidence; a line of O's needs none.
        guard labels.contains(where: { $0 != .outside }) else { return (labels, [Float](filled: 1, count: n)) }
        return (labels, marginals(state, n, of: labels))
    }

    /// The best label sequence for the position scores `state`. A position's scores are one SIMD8
    /// vector over the label it ends in, so each step is seven vector maxima, one per label it may
    /// come from (the first best is kept on a tie, as a label-by-label loop would).
    private func viterbi(_ state: [SIMD8<Float>], _ n: Int) -> [Label] {
        let k = Self.labelCount
        // out[from]: the transitions from `from` to each label; the eighth lane can never win.
        var out = [SIMD8<Float>](filled: SIMD8(repeating: -.infinity), count: k)
        for from in 0..<k {
            for to in 0..<k { out[from][to] = transition[from * k + to] }
        }
        var back = [SIMD8<Int32>](filled: .zero, count: n)
        var score = state[0]
        for position in 1..<max(n, 1) {
            var best = SIMD8<Float>(repeating: -.infinity), from = SIMD8<Int32>.zero
            for previous in 0..<k {
                let value = SIMD8<Float>(repeating: score[previous]) + out[previous]
                let better = value .> best
                best.replace(with: value, where: better)
                from.replace(with: Int32(previous), where: better)
            }
            score = best + state[position]
            back[position] = from
        }
        var last = 0
        for label in 1..<k where score[label] > score[last] { last = label }
        var labels = [Label](filled: .outside, count: n)
        for position in stride(from: n - 1, through: 0, by: -1) {
            labels[position] = Label(rawValue: last)!
            last = Int(back[position][last])
        }
        return labels
    }

    /// Each position's marginal probability of its label in `labels`, by forward–backward, scaled
    /// per position (exp of each position's scores less their largest, and each forward row
    /// normalized) so nothing overflows. A position's seven label values are one SIMD8 vector (the
    /// eighth lane stays zero), so each step is seven vector multiply-adds, one per label.
    private func marginals(_ state: [SIMD8<Float>], _ n: Int, of labels: [Label]) -> [Float] {
        let k = Self.labelCount
        // into[to]: the transitions into `to` from each label; outOf[from]: those out of `from`.
        var into = [SIMD8<Float>](filled: .zero, count: k), outOf = [SIMD8<Float>](filled: .zero, count: k)
        for f in 0..<k {
            for t in 0..<k {
                into[t][f] = expTransition[f * k + t]
                outOf[f][t] = expTransition[f * k + t]
            }
        }
        var lanes = SIMD8<Float>.zero
        for label in 0..<k { lanes[label] = 1 }
        let unused = SIMD8<Float>(repeating: -.infinity).replacing(with: 0, where: lanes .== 1)
        // Only labelled positions are read: backward down to the first of them is enough (forward
        // runs the whole line, for each position's scale).
        guard let firstLabelled = labels.firstIndex(where: { $0 != .outside }),
            let lastLabelled = labels.lastIndex(where: { $0 != .outside })
        else { return [Float](filled: 1, count: n) }
        var emit = [SIMD8<Float>](filled: .zero, count: n)
        var alpha = [SIMD8<Float>](filled: .zero, count: n), beta = [SIMD8<Float>](filled: .zero, count: n)
        var scale = [Float](filled: 1, count: n)
        for position in 0..<n {
            let scores = state[position] + unused
            let largest = scores.max()
            var row = SIMD8<Float>.zero
            for label in 0..<k { row[label] = exp(scores[label] - largest) }
            emit[position] = row
        }
        for position in 0..<n {
            var value = emit[position]
            if position > 0 {
                // sums[to] = Σ over from of alpha[from] · exp(transition[from → to])
                let previous = alpha[position - 1]
                var sums = SIMD8<Float>.zero
                for from in 0..<k { sums += previous[from] * outOf[from] }
                value *= sums
            }
            let sum = value.sum()
            scale[position] = sum > 0 ? sum : 1
            alpha[position] = value / scale[position]
        }
        beta[n - 1] = lanes
        for position in stride(from: n - 2, through: firstLabelled, by: -1) {
            // value[from] = Σ over to of exp(transition[from → to]) · next[to]
            let next = emit[position + 1] * beta[position + 1]
            var value = SIMD8<Float>.zero
            for to in 0..<k { value += next[to] * into[to] }
            beta[position] = value / scale[position + 1]
        }
        return (0..<n).map { position in
            (firstLabelled...lastLabelled).contains(position) ? alpha[position][labels[position].rawValue] * beta[position][labels[position].rawValue] : 1
        }
    }
}

/// What a line's features are added to, position by position: the tagger's scores
/// (``NameTagger/Features``), or their rows as a list (``FeatureRows``).
protocol FeatureSink {
    /// Adds a feature by its row among the weights; -1 (a feature the model does not know) adds nothing.
    mutating func append(row: Int32)
    /// Ends the position: the next feature is the next position's.
    mutating func endPosition()
}

/// The rows of each position's features, in the order they were added (position p's are
/// rows[starts[p]..<starts[p + 1]]): what the tests compare with the training script's features.
struct FeatureRows: FeatureSink {
    private(set) var rows: [Int32] = []
    private(set) var starts: [Int32] = [0]
    var count: Int { starts.count - 1 }

    mutating func append(row: Int32) { if row >= 0 { rows.append(row) } }
    mutating func endPosition() { starts.append(Int32(rows.count)) }
}

extension NameTagger: ImageCodable {
    func write(to image: inout ImageWriter) {
        image.write(rows)
        image.write(groups)
        image.write(weights)
        image.write(transition)
        image.write(expTransition)
    }

    init(image: inout ImageReader) throws(ImageError) {
        rows = try image.read()
        groups = try image.read()
        weights = try image.read()
        transition = try image.read()
        expTransition = try image.read()
        let rowCount = Int32(clamping: weights.count)
        // A value's rows lie inside the weights.
        let groupsFit = groups.valuesAllSatisfy { packed in (packed >> 5) + Int32((packed & 31).nonzeroBitCount) <= rowCount }
        guard transition.count == Self.labelCount * Self.labelCount, expTransition.count == transition.count,
            rows.valuesAllSatisfy({ $0 < rowCount }), groupsFit
        else { throw ImageError("the name tagger's tables have the wrong shape") }
    }
}
