import Synchronization

/// The result of anonymizing one document: the rewritten text and what was found in the original.
public struct AnonymizedText: Sendable {
    /// The rewritten text.
    public let text: String
    /// What was found, with offsets into the *original* text.
    public let findings: [Finding]
    /// Every mention changed, with UTF-8 ranges into the original text, in order.
    package let rewrites: [Rewrite]
}

/// Rewrites documents under an engine's policy, remembering the pseudonyms it hands out so that the
/// same original gets the same pseudonym in every document of the run. Safe to share between
/// threads.
package final class Anonymizer: Sendable {
    package let engine: Engine
    let table: PseudonymTable
    private let operators: [EntityType: any Operator]
    private let defaultOperator: any Operator
    /// The field names of the last record and their labels: the records of a dataset name the
    /// same fields, and working out labels at every record cost a tenth of its run.
    private let lastLabels = Mutex<(names: [String?], labels: [String?])>(([], []))

    /// Where the mentions that draw pseudonyms are noted, in a part's first run (``Settlement``).
    package let claims: ClaimRecorder?

    /// Pseudonyms are kept in `vault` too, when given: they then agree with earlier runs and can be
    /// revealed (`veil reveal`). A part of a dataset draws them as its `settlement` says, or notes
    /// its claims for the settlement to be made (`recordingClaims`).
    package init(engine: Engine, vault: PseudonymVault? = nil, settlement: Settlement? = nil, recordingClaims: Bool = false) {
        self.engine = engine
        self.table = PseudonymTable(vault: vault, settlement: settlement)
        self.claims = recordingClaims ? ClaimRecorder() : nil
        self.operators = engine.policy.rules.mapValues { $0.action.makeOperator }
        self.defaultOperator = engine.policy.defaultRule.action.makeOperator
    }

    package typealias Result = AnonymizedText

    /// Each value's label as context sees it (``RecordValue/labels(of:)``).
    func labels(of values: [RecordValue]) -> [String?] {
        let names = values.map(\.name)
        if let known = lastLabels.withLock({ $0.names == names ? $0.labels : nil }) { return known }
        let labels = RecordValue.labels(of: values)
        lastLabels.withLock { $0 = (names, labels) }
        return labels
    }

    /// Anonymizes `text`.
    package func anonymize(_ text: String) throws -> Result {
        try anonymize(DocumentText(text))
    }

    /// Anonymizes a document (a long one on all cores if `parallel`). Throws if it could not be
    /// scanned; nothing is returned half-done.
    package func anonymize(_ document: DocumentText, parallel: Bool = false) throws -> Result {
        var context = DocumentContext()
        return try anonymize(document, parallel: parallel, context: &context)
    }

    /// Anonymizes one section of a long text; `context` carries the people named from one section to
    /// the next, so they keep one pseudonym in every form across the whole text.
    package func anonymize(_ document: DocumentText, parallel: Bool = false, context: inout DocumentContext) throws -> Result {
        try anonymize(try engine.recognize(document, parallel: parallel), context: &context)
    }

    /// Anonymizes a recognized document (or section of a long text; ``Engine/recognize(_:parallel:)``).
    package func anonymize(_ recognized: RecognizedDocument, context: inout DocumentContext) throws -> Result {
        let detections = engine.settle(recognized, context: &context)
        let bytes = recognized.document.bytes
        let rewrites = try self.rewrites(bytes[...], detections)
        let output = OutputPiece.splicing(bytes[...], rewrites).bytes
        return Result(text: String(decoding: output, as: UTF8.self), findings: Finding.from(detections, in: bytes), rewrites: rewrites)
    }

    /// The rewrites of each detection (sorted, not overlapping, inside `bytes`' indices) under its
    /// entity's action, with ranges counted from `bytes.startIndex`; a mention written as it was
    /// (`keep`) is no rewrite.
    func rewrites(_ bytes: ArraySlice<UInt8>, _ detections: [Detection]) throws -> [Rewrite] {
        try rewrites(bytes, detections) { _, _ in }
    }

    /// The same, telling `each` every mention rewritten (after place chains are merged) and its
    /// replacement.
    func rewrites(_ bytes: ArraySlice<UInt8>, _ detections: [Detection], each: (Detection, String) -> Void) throws -> [Rewrite] {
        // With a vault, one transaction for the document's claims and renderings.
        guard let vault = table.vault else { return try rewritesUnbatched(bytes, detections, each: each) }
        return try vault.batch { try rewritesUnbatched(bytes, detections, each: each) }
    }

    private func rewritesUnbatched(_ bytes: ArraySlice<UInt8>, _ detections: [Detection], each: (Detection, String) -> Void) throws -> [Rewrite] {
        var rewrites: [Rewrite] = []
        // Written to the vault together once the document's rewrites are known.
        var renderings: [PseudonymVault.Rendering] = []
        let context = OperatorContext(surrogates: engine.surrogates, table: table, claims: claims)
        for detection in mergingPlaceChains(detections) {
            let mention = Mention(text: String(decoding: bytes[detection.range], as: UTF8.self), detection: detection)
            // A mention found across a wrapped line (成都市武侯⏎区) keeps its line breaks where they
            // were, so the output has the lines the input had.
            let replacement = Self.keepingLineBreaks(of: mention.text, in: try replacement(for: mention, context: context))
            let action = engine.policy.rule(for: detection.entity).action
            // A short mention of a person (卢先生, "Lu") may by chance come out as written when the
            // pseudonym shares the surname; the full name never does.
            let partialName = detection.entity == .person && mention.text != detection.canonical
            if replacement == mention.text && action.rewrites && !partialName {
                // Fail closed: a finding its action could not change (a surrogate that cannot write
                // the script it is in) would be written out as it was, and counted as rewritten.
                throw RewriteError(entity: detection.entity, action: action.name, byteOffset: detection.range.lowerBound - bytes.startIndex)
            }
            if table.vault != nil, case .pseudonymize = action {
                renderings.append(PseudonymVault.Rendering(entity: detection.entity, rendered: replacement, original: mention.text))
            }
            each(detection, replacement)
            guard replacement != mention.text else { continue }
            rewrites.append(
                Rewrite(
                    range: (detection.range.lowerBound - bytes.startIndex)..<(detection.range.upperBound - bytes.startIndex),
                    replacement: replacement, isReversible: action.isReversible))
        }
        try table.vault?.recordRenderings(renderings)
        return rewrites
    }

    /// `replacement` with the line breaks of `mention` put back after as many characters as
    /// stood before each in the mention (at its end when it is shorter).
    static func keepingLineBreaks(of mention: String, in replacement: String) -> String {
        guard mention.contains(where: \.isNewline), !replacement.isEmpty else { return replacement }
        var breaks: [(at: Int, text: String)] = []
        var count = 0
        for character in mention {
            if character.isNewline { breaks.append((count, String(character))) } else { count += 1 }
        }
        var characters = Array(replacement.filter { !$0.isNewline })
        for (at, text) in breaks.reversed() { characters.insert(contentsOf: text, at: min(at, characters.count)) }
        return String(characters)
    }

    /// One change to a reviewed document: where (UTF-8 bytes of the original), what was found by
    /// which plugin and how sure, the action and what was written instead.
    package struct Change: Sendable {
        package let utf8Range: Range<Int>
        package let entity: EntityType
        package let plugin: String
        package let rule: String
        package let score: Double
        package let action: String
        package let replacement: String
    }

    /// Anonymizes a document and returns every change made, for review (``Change``). Holds the
    /// originals' places: for the review page only.
    package func review(_ document: DocumentText, parallel: Bool = false) throws -> (text: String, changes: [Change]) {
        var context = DocumentContext()
        return try review(document, parallel: parallel, context: &context)
    }

    /// Reviews a document in its place in a run: `context` brings the people of the documents
    /// before it, as ``anonymize(_:parallel:context:)`` does, so the page shows what the run writes.
    package func review(_ document: DocumentText, parallel: Bool = false, context: inout DocumentContext) throws -> (text: String, changes: [Change]) {
        try review(try engine.recognize(document, parallel: parallel), context: &context)
    }

    /// Reviews a document already recognized (``Engine/recognize(_:adding:)``, with spans the
    /// caller knows of).
    package func review(_ recognized: RecognizedDocument, context: inout DocumentContext) throws -> (text: String, changes: [Change]) {
        let document = recognized.document
        let detections = engine.settle(recognized, context: &context)
        var changes: [Change] = []
        let rewrites = try rewrites(document.bytes[...], detections) { changes.append(change($0, $1)) }
        return (String(decoding: OutputPiece.splicing(document.bytes[...], rewrites).bytes, as: UTF8.self), changes)
    }

    /// The change a detection and its replacement make, its range counted from `start`.
    func change(_ detection: Detection, _ replacement: String, from start: Int = 0) -> Change {
        Change(
            utf8Range: (detection.range.lowerBound - start)..<(detection.range.upperBound - start), entity: detection.entity,
            plugin: detection.pluginID, rule: detection.rule, score: detection.score,
            action: engine.policy.rule(for: detection.entity).action.name, replacement: replacement)
    }

    func replacement(for mention: Mention, context: OperatorContext) throws -> String {
        try (operators[mention.detection.entity] ?? defaultOperator).replacement(for: mention, in: context)
    }

    /// For generalized places, a written chain such as 江西省赣州市于都县 (each place inside the one
    /// before it, nothing between) becomes one mention of its deepest place in the first one's form,
    /// so it generalizes to 江西省 once rather than to 江西省江西省江西省. A place no gazetteer knows
    /// written right after such a place (罗坳镇 of 于都县罗坳镇) lies inside it and joins the chain.
    private func mergingPlaceChains(_ detections: [Detection]) -> [Detection] {
        var merged: [Detection] = []
        for detection in detections {
            guard let last = merged.last, last.range.upperBound == detection.range.lowerBound, last.entity == detection.entity,
                case .generalize = engine.policy.rule(for: detection.entity).action,
                let gazetteer = engine.surrogates.gazetteer(for: last.pluginID)
            else {
                merged.append(detection)
                continue
            }
            if last.pluginID == detection.pluginID,
                gazetteer.ancestry(of: detection.canonical).dropFirst().contains(where: { $0.id == last.canonical })
            {
                var chain = detection
                chain.range = last.range.lowerBound..<detection.range.upperBound
                chain.facts.placeForm = last.facts.placeForm
                merged[merged.count - 1] = chain
            } else if engine.surrogates.gazetteer(for: detection.pluginID) == nil, detection.facts.places.isEmpty {
                var chain = last
                chain.range = last.range.lowerBound..<detection.range.upperBound
                merged[merged.count - 1] = chain
            } else {
                merged.append(detection)
            }
        }
        return merged
    }
}

/// A finding its action would have written out unchanged: the document fails closed. Names the
/// entity, the action and the place, never the text.
package struct RewriteError: Error, Sendable, CustomStringConvertible {
    package let entity: EntityType
    package let action: String
    /// Where the finding starts, in UTF-8 bytes of the document.
    package let byteOffset: Int
    package var description: String {
        "a \(entity.rawValue) finding at byte \(byteOffset) could not be rewritten by '\(action)' (its replacement would be the original text)"
    }
}

extension Anonymizer {
    /// The settlement of a dataset whose parts noted `claims` (``ClaimRecorder``), the parts' claims
    /// in input order: each claim is drawn again, in turn, in one table, as the run over the whole
    /// dataset draws its originals, and the originals that did not take their first draw are
    /// listed. Fails on a claim this policy does not pseudonymize (claims of another policy).
    package func settle(_ claims: some Sequence<PseudonymClaim>) throws -> Settlement {
        let table = PseudonymTable(loggingSettled: true)
        let context = OperatorContext(surrogates: engine.surrogates, table: table)
        for claim in claims {
            let entity = EntityType(claim.entity)
            guard let pseudonymize = (operators[entity] ?? defaultOperator) as? PseudonymizeOperator else {
                throw ClaimsMismatchError(entity: entity)
            }
            var facts = MentionFacts()
            facts.pseudonymKey = claim.key
            let detection = Detection(range: 0..<0, entity: entity, score: 1, pluginID: claim.plugin, rule: "claim", canonical: claim.value, facts: facts)
            // The written form matters only for its script (which generator names a person).
            _ = try pseudonymize.draw(detection, writtenAs: claim.han ? "中" : "a", in: context)
        }
        var settlement = Settlement(key: engine.key)
        for settled in table.settledPastFirstDraw {
            settlement.set(id: settlement.id(entity: settled.entity, canonical: settled.canonical), attempt: settled.attempt, entity: settled.entity)
        }
        return settlement
    }
}
