internal import PCRE2
import Synchronization

/// A manifest's `patterns:` compiled once: PCRE2 patterns over one normalized view, each with an
/// optional validator, and the plugin's context rules applied to every match.
package struct PatternRecognizer: Recognizer {
    /// One compiled `patterns:` entry.
    package final class Rule: Sendable {
        package let name: String
        let pattern: Pattern
        package let entity: EntityType
        package let score: Double
        package let validator: (any Validator)?
        /// The capture group whose range is reported (0 = the whole match).
        package let group: Int
        /// Drop the match unless a context word is near it (QQ numbers are just digits without one).
        package let needsContext: Bool
        /// Drop the match unless a context word is in the header of its table column.
        package let needsColumnContext: Bool
        package let canonicalForm: CanonicalForm
        /// Retry a match the validator rejects, cut short at each separator (longest first).
        package let backoff: Bool
        /// Every match holds at least this many ASCII digits: tried only around such digit runs.
        package let minimumDigits: Int
        /// Every match holds a match of this anchor: tried only around its matches.
        let anchor: Anchor?
        /// The score of a match the validator rejects; such a match needs a context word (see
        /// Docs/scoring.md). Nil: rejected outright.
        package let unvalidatedScore: Double?

        init(
            name: String, pattern: String, caseless: Bool = false, entity: EntityType, score: Double,
            validator: (any Validator)? = nil, group: Int = 0, needsContext: Bool = false, needsColumnContext: Bool = false,
            canonicalForm: CanonicalForm = .exact, backoff: Bool = false, minimumDigits: Int = 0, anchor: Anchor? = nil,
            unvalidatedScore: Double? = nil, limits: MatchLimits = .default, compiled: Pattern? = nil
        ) throws(PCRE2Error) {
            self.name = name
            // The manifest reader's compiled code when it has it (the same source and options); its
            // machine code is made when a text first needs the rule.
            let options: CompileOptions = caseless ? [.utf, .ucp, .caseless] : [.utf, .ucp]
            if let compiled, compiled.source == pattern, compiled.options == options {
                self.pattern = try compiled.forMatching(limits: limits)
            } else {
                self.pattern = try Pattern(pattern, options: options, jit: false).forMatching(limits: limits)
            }
            self.entity = entity
            self.score = score
            self.validator = validator
            self.group = group
            self.needsContext = needsContext
            self.needsColumnContext = needsColumnContext
            self.canonicalForm = canonicalForm
            self.backoff = backoff
            self.minimumDigits = minimumDigits
            self.anchor = anchor
            self.unvalidatedScore = unvalidatedScore
        }
    }

    /// A small pattern every match of a rule holds (see `anchor:` in the README): compiled once
    /// for every rule of a plugin that names it, its matches found once per document.
    final class Anchor: Sendable {
        let source: String
        /// The same number for every anchor with this source, in every plugin: what a document
        /// keeps its matches under.
        let id: Int
        let pattern: Pattern
        /// The characters its matches can begin with, where testing them beats PCRE2's own search
        /// (first characters that are Chinese characters).
        let starts: StartCharacters?

        init(_ source: String, limits: MatchLimits = .default) throws(PCRE2Error) {
            self.source = source
            id = Self.ids.withLock { ids in
                if let id = ids[source] { return id }
                ids[source] = ids.count
                return ids.count - 1
            }
            pattern = try Pattern(source, options: [.utf, .ucp], limits: limits)
            starts = StartCharacters(pattern)
        }

        /// Each distinct source's number.
        private static let ids = Mutex<[String: Int]>([:])

        /// The anchor's matches in `text`.
        func matchRanges(in text: UnsafeBufferPointer<UInt8>, reusing block: MatchData?) throws -> [Range<Int>] {
            if let starts { return try pattern.matchRanges(in: text, startingAt: starts, reusing: block) }
            return try pattern.matchRanges(in: text, reusing: block)
        }
    }

    package let pluginID: String
    package let rules: [Rule]
    package let normalization: Normalization
    package let context: ContextRule?
    package let negative: ContextRule?
    /// Try every pattern over the whole text, ignoring `digits` and `anchor` (the reference the
    /// examples check windowed matching against).
    var searchesEverywhere = false

    /// The fewest digits any rule needs, when every rule is tried only around digits (0 when one is
    /// tried elsewhere): a document without a run of that many is passed over at once.
    private let fewestDigits: Int
    /// Whether any rule is tried only around digits (then a document's longest digit run is asked).
    private let hasDigitRules: Bool

    package init(pluginID: String, rules: [Rule], normalization: Normalization, context: ContextRule?, negative: ContextRule?) {
        self.pluginID = pluginID
        self.rules = rules
        self.hasDigitRules = rules.contains { $0.minimumDigits > 0 }
        self.fewestDigits = rules.allSatisfy { $0.minimumDigits > 0 && !$0.needsColumnContext } ? rules.map(\.minimumDigits).min() ?? 0 : 0
        self.normalization = normalization
        self.context = context
        self.negative = negative
    }

    package func recognize(_ document: DocumentText) throws -> [Detection] {
        // Most texts of a dataset hold no number at all, or none as long as a rule needs: such a
        // rule is passed over before anything is allocated for it, as is one whose anchor the text
        // does not hold (and a plugin of numbers at once).
        let longestDigitRun = searchesEverywhere ? Int.max : hasDigitRules ? document.longestDigitRun(normalization) : 0
        if fewestDigits > 0 && longestDigitRun < fewestDigits { return [] }
        let view = document.view(normalization)
        let held = document.bytesHeld(normalization)
        let block = document.matchData()
        var detections: [Detection] = []
        try view.bytes.withUnsafeBufferPointer { buffer in
            for rule in rules where rule.pattern.canMatch(inTextHolding: held) {
                // The windows to search (nil: the whole text, for which no array is made).
                let windows: [SearchWindow]?
                if searchesEverywhere {
                    windows = nil
                } else if rule.needsColumnContext {
                    // Only the data rows of tables with a column headed by a context word.
                    guard let context else { continue }
                    let rows =
                        document.tableColumns.rows { context.isPresent(inside: $0, in: document.bytes) }
                        + document.fieldLabels.filter { context.isPresent(in: $0.name[...]) }.map(\.range)
                    windows = rows.sorted { $0.lowerBound < $1.lowerBound }.map { view.viewRange(ofOriginal: $0) }
                        .map { SearchWindow(start: $0.lowerBound, end: $0.upperBound, subjectEnd: $0.upperBound) }
                } else if rule.minimumDigits > 0 {
                    guard longestDigitRun >= rule.minimumDigits else { continue }
                    windows = document.digitWindows(normalization, holding: rule.minimumDigits)
                } else if let anchor = rule.anchor {
                    guard anchor.pattern.canMatch(inTextHolding: held) else { continue }
                    let anchors = try document.anchorRanges(anchor.id, in: normalization) { try anchor.matchRanges(in: buffer, reusing: block) }
                    guard !anchors.isEmpty else { continue }
                    windows = SearchWindow.windows(around: anchors, count: buffer.count)
                } else {
                    windows = nil
                }
                // A match that begins at or after its window's end belongs to the next window.
                do {
                    if let windows {
                        guard !windows.isEmpty else { continue }
                        try rule.pattern.forEachMatch(in: buffer, windows: windows.map { $0.start..<$0.subjectEnd }, reusing: block) { index, match in
                            guard let range = match.range(ofGroup: rule.group), !range.isEmpty else { return true }
                            guard match.start < windows[index].end else { return false }
                            if let detection = evaluate(rule, range, view, document) { detections.append(detection) }
                            return true
                        }
                    } else {
                        try rule.pattern.forEachMatch(in: buffer, window: 0..<buffer.count, reusing: block) { match in
                            guard let range = match.range(ofGroup: rule.group), !range.isEmpty else { return true }
                            if let detection = evaluate(rule, range, view, document) { detections.append(detection) }
                            return true
                        }
                    }
                } catch let error as PCRE2Error {
                    throw RecognizerError(pluginID: pluginID, message: "pattern '\(rule.name)' stopped: \(error.message)")
                }
            }
        }
        return detections
    }

    private func evaluate(_ rule: Rule, _ matched: Range<Int>, _ view: TextView, _ document: DocumentText) -> Detection? {
        // A rule that needs context is settled by its context first, before any validator runs or
        // any string is built (most QQ-shaped numbers stand by no cue) — unless a backoff may cut
        // the match shorter, which moves the window its cue is looked for in.
        var cueFound = false
        if rule.needsColumnContext {
            // The column's header names the thing (Phone, Mobile No.), and not another (Card Number).
            guard let context, let (_, header) = document.column(of: view.originalRange(matched)), context.isPresent(in: header),
                !(negative?.isPresent(in: header) ?? false)
            else { return nil }
        } else if rule.needsContext, rule.validator == nil || !rule.backoff {
            guard cue(context, around: matched, view, document) else { return nil }
            cueFound = true
        }
        var range = matched
        var canonical: String?
        var score = rule.score, validated = true
        if let validator = rule.validator {
            if let (validRange, validation) = validate(matched, with: validator, backoff: rule.backoff, in: view) {
                range = validRange
                canonical = validation.canonical
            } else if let unvalidated = rule.unvalidatedScore {
                // Validators rank, context rescues: a rejected match stays only beside a cue.
                score = unvalidated
                validated = false
            } else {
                return nil
            }
        }
        let hasContext = (cueFound && range == matched) || cue(context, around: range, view, document)
        if (rule.needsContext || !validated) && !hasContext { return nil }
        let value =
            canonical
            ?? {
                let form = rule.canonicalForm.apply(view.string(range))
                return validated ? form : CanonicalForm.alphanumeric.apply(form)
            }()
        if hasContext, let context { score += context.adjustment }
        if penalty(negative, around: range, view, document), let negative { score += negative.adjustment }
        // Rounded, so that 0.6 + 0.3 - 0.4 is 0.5 and meets a 0.5 threshold.
        score = (min(max(score, 0), 1) * 10_000).rounded() / 10_000
        return Detection(
            range: view.originalRange(range), entity: rule.entity, score: score,
            pluginID: pluginID, rule: rule.name, canonical: value, facts: MentionFacts())
    }

    /// Whether a context word stands around `range`; in a table cell, whether one stands in the cell
    /// itself or in its column's header (a QQ number under "QQ号" has its cue a row or more above
    /// it, and "QQ" heading the next column says nothing of a phone number); in a record's field,
    /// around it or in the field's name.
    private func cue(_ words: ContextRule?, around range: Range<Int>, _ view: TextView, _ document: DocumentText) -> Bool {
        guard let words else { return false }
        let original = view.originalRange(range)
        guard let (cell, header) = document.column(of: original) else { return words.isPresent(around: range, in: view.bytes) }
        if words.isPresent(in: header) { return true }
        guard let cell else { return words.isPresent(around: range, in: view.bytes) }
        return Self.isPresent(words, in: cell, around: original, document)
    }

    /// Whether a negative word stands around `range`, or names its record field; in a table cell,
    /// only the cell itself and its column's header count (订单号 heading the next column, or
    /// ending the line above, does not make a QQ number an order number). In plain text a table is
    /// looked into only when a negative word stands in the window (most matches skip the lookup):
    /// a negative word in a table's header alone does not count, as it does in a field's name.
    private func penalty(_ words: ContextRule?, around range: Range<Int>, _ view: TextView, _ document: DocumentText) -> Bool {
        guard let words else { return false }
        let inline = words.isPresent(around: range, in: view.bytes)
        if !inline && document.fieldLabels.isEmpty { return false }
        let original = view.originalRange(range)
        guard let (cell, header) = document.column(of: original) else { return inline }
        if words.isPresent(in: header) { return true }
        guard inline else { return false }
        guard let cell else { return true }
        return Self.isPresent(words, in: cell, around: original, document)
    }

    /// Whether one of the words stands in a table cell, before or after the match (original offsets).
    private static func isPresent(_ words: ContextRule, in cell: Range<Int>, around original: Range<Int>, _ document: DocumentText) -> Bool {
        words.isPresent(inside: cell.lowerBound..<original.lowerBound, in: document.bytes)
            || words.isPresent(inside: original.upperBound..<cell.upperBound, in: document.bytes)
    }

    /// The match, or with backoff its longest prefix ending before a separator, that the validator accepts.
    private func validate(_ range: Range<Int>, with validator: any Validator, backoff: Bool, in view: TextView) -> (Range<Int>, Validation)? {
        if let validation = validator.validate(utf8: view.bytes[range]) { return (range, validation) }
        guard backoff else { return nil }
        var cut = range.upperBound - 1
        while cut > range.lowerBound + 1 {
            let byte = view.bytes[cut], previous = view.bytes[cut - 1]
            if (byte == 0x20 || byte == 0x2D || byte == 0x2E) && previous >= 0x30 && previous <= 0x39,
                let validation = validator.validate(utf8: view.bytes[range.lowerBound..<cut])
            {
                return (range.lowerBound..<cut, validation)
            }
            cut -= 1
        }
        return nil
    }
}
