/// Precision, recall and F1 of an engine against gold spans, per entity, by exact span and by overlap,
/// and what it leaves in clear.
///
/// Exact: a finding counts when a gold span has the same start, end and entity. Overlap: a gold span
/// is found when some finding of its entity overlaps it, and a finding is right when it overlaps some
/// gold span of its entity. Leaks: a gold span is covered when findings of any entity together cover
/// every one of its characters (a QQ number inside a found e-mail address is not a leak); the
/// characters of gold spans no finding covers are left in clear.
package struct Evaluation: Sendable {
    /// Counts for one entity type.
    package struct Counts: Sendable, Hashable {
        package var gold = 0
        package var predicted = 0
        package var exact = 0
        package var goldOverlapped = 0
        package var predictedOverlapping = 0

        package var exactPrecision: Double { ratio(exact, predicted) }
        package var exactRecall: Double { ratio(exact, gold) }
        package var exactF1: Double { f1(exactPrecision, exactRecall) }
        package var overlapPrecision: Double { ratio(predictedOverlapping, predicted) }
        package var overlapRecall: Double { ratio(goldOverlapped, gold) }
        package var overlapF1: Double { f1(overlapPrecision, overlapRecall) }

        private func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? (a == 0 ? 1 : 0) : Double(a) / Double(b) }
        private func f1(_ p: Double, _ r: Double) -> Double { p + r == 0 ? 0 : 2 * p * r / (p + r) }

        static func + (a: Counts, b: Counts) -> Counts {
            Counts(
                gold: a.gold + b.gold, predicted: a.predicted + b.predicted, exact: a.exact + b.exact,
                goldOverlapped: a.goldOverlapped + b.goldOverlapped, predictedOverlapping: a.predictedOverlapping + b.predictedOverlapping)
        }
    }

    /// A missed gold span, a spurious finding or a gold span left partly in clear, with its context.
    package struct Example: Sendable, Hashable {
        package enum Kind: String, Sendable { case missed, spurious, leaked }
        package var kind: Kind
        package var documentID: String
        package var entity: EntityType
        /// The span's text and up to 20 characters either side.
        package var before: String
        package var span: String
        package var after: String
    }

    /// What a gold entity's findings leave in clear.
    package struct Leaks: Sendable, Hashable {
        /// Gold spans, and those whose every character some finding (of any entity) covers.
        package var spans = 0
        package var coveredSpans = 0
        /// Characters of gold spans, and those no finding covers.
        package var characters = 0
        package var clearCharacters = 0

        /// The share of gold spans fully covered.
        package var coverage: Double { spans == 0 ? 1 : Double(coveredSpans) / Double(spans) }
        /// The share of gold characters left in clear.
        package var clearShare: Double { characters == 0 ? 0 : Double(clearCharacters) / Double(characters) }

        static func + (a: Leaks, b: Leaks) -> Leaks {
            Leaks(
                spans: a.spans + b.spans, coveredSpans: a.coveredSpans + b.coveredSpans,
                characters: a.characters + b.characters, clearCharacters: a.clearCharacters + b.clearCharacters)
        }
    }

    package private(set) var counts: [EntityType: Counts] = [:]
    package private(set) var leaks: [EntityType: Leaks] = [:]
    /// Missed gold spans and spurious findings.
    package private(set) var examples: [Example] = []
    /// Gold spans left partly or wholly in clear.
    package private(set) var leakedExamples: [Example] = []
    package private(set) var documents = 0

    /// All entities together.
    package var total: Counts { counts.values.reduce(Counts(), +) }
    /// What all scored gold entities leave in clear, together.
    package var totalLeaks: Leaks { leaks.values.reduce(Leaks(), +) }

    /// Scores `engine` on `documents`; only `entities` are scored when given. With `placeChains`, a
    /// written chain of places (江西省赣州市于都县: places next to each other, nothing between) is one
    /// place on both sides, however the gold and the findings cut it.
    package static func run(
        _ engine: Engine, on documents: [GoldDocument], entities: Set<EntityType>? = nil, examplesPerKind: Int = 10,
        placeChains: Bool = false
    ) throws -> Evaluation {
        var evaluation = Evaluation()
        for document in documents {
            try evaluation.add(document, findings: engine.scan(document.text), entities: entities, examplesPerKind: examplesPerKind, placeChains: placeChains)
        }
        return evaluation
    }

    /// Adds one document's comparison.
    package mutating func add(_ document: GoldDocument, findings: [Finding], entities: Set<EntityType>?, examplesPerKind: Int, placeChains: Bool = false) {
        documents += 1
        var gold = document.spans.filter { entities?.contains($0.entity) ?? true }
        var predicted = findings.filter { entities?.contains($0.entity) ?? true }.map { GoldDocument.Span(start: $0.start, end: $0.end, entity: $0.entity) }
        if placeChains {
            gold = Self.joiningPlaceChains(gold)
            predicted = Self.joiningPlaceChains(predicted)
        }
        let scalars = Array(document.text.unicodeScalars)
        func example(_ kind: Example.Kind, _ start: Int, _ end: Int, _ entity: EntityType) {
            let count = kind == .leaked ? leakedExamples.count : examples.filter({ $0.kind == kind }).count
            guard count < examplesPerKind, start >= 0, end <= scalars.count, start <= end else { return }
            let text = { (range: Range<Int>) in String(String.UnicodeScalarView(scalars[range])).replacingNewlines() }
            let made = Example(
                kind: kind, documentID: document.id, entity: entity, before: text(max(0, start - 20)..<start),
                span: text(start..<end), after: text(end..<min(scalars.count, end + 20)))
            if kind == .leaked { leakedExamples.append(made) } else { examples.append(made) }
        }
        for span in gold {
            // Any finding hides characters, whatever entity it names.
            var clear = 0
            for position in span.start..<span.end where !findings.contains(where: { $0.start <= position && position < $0.end }) { clear += 1 }
            leaks[span.entity, default: Leaks()].spans += 1
            leaks[span.entity, default: Leaks()].characters += span.end - span.start
            leaks[span.entity, default: Leaks()].clearCharacters += clear
            if clear == 0 { leaks[span.entity, default: Leaks()].coveredSpans += 1 } else { example(.leaked, span.start, span.end, span.entity) }
            counts[span.entity, default: Counts()].gold += 1
            if predicted.contains(where: { $0.start == span.start && $0.end == span.end && $0.entity == span.entity }) {
                counts[span.entity, default: Counts()].exact += 1
            }
            if predicted.contains(where: { $0.entity == span.entity && $0.start < span.end && span.start < $0.end }) {
                counts[span.entity, default: Counts()].goldOverlapped += 1
            } else {
                example(.missed, span.start, span.end, span.entity)
            }
        }
        for finding in predicted {
            counts[finding.entity, default: Counts()].predicted += 1
            if gold.contains(where: { $0.entity == finding.entity && $0.start < finding.end && finding.start < $0.end }) {
                counts[finding.entity, default: Counts()].predictedOverlapping += 1
            } else {
                example(.spurious, finding.start, finding.end, finding.entity)
            }
        }
    }

    /// `spans` with each run of LOCATION spans that meet end to start made one span.
    static func joiningPlaceChains(_ spans: [GoldDocument.Span]) -> [GoldDocument.Span] {
        var joined: [GoldDocument.Span] = []
        for span in spans.sorted(by: { ($0.start, $0.end) < ($1.start, $1.end) }) {
            if span.entity == .location, let last = joined.last, last.entity == .location, last.end == span.start {
                joined[joined.count - 1].end = span.end
            } else {
                joined.append(span)
            }
        }
        return joined
    }
}

private extension String {
    func replacingNewlines() -> String { String(map { $0.isNewline ? " " : $0 }) }
}
