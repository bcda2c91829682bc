import Foundation

/// A policy and its plugins compiled once into an immutable value that every thread can share.
///
/// ```swift
/// let engine = try Engine(policy: PolicyReader.builtin(), catalog: PluginCatalog.standard())
/// let findings = try engine.scan("电话13812345678微信同号")
/// let anonymizer = Anonymizer(engine: engine)
/// let result = try anonymizer.anonymize("电话13812345678微信同号")
/// ```
package struct Engine: Sendable {
    package let policy: Policy
    package let catalog: PluginCatalog
    /// The key pseudonyms and hashes are derived from.
    package let key: PseudonymKey
    private(set) var recognizers: [any Recognizer]
    /// The recognizers whose names are found again across a whole document (cast once, here).
    private(set) var repeatingRecognizers: [any RepeatedMentionRecognizer]
    let resolution: Resolution
    /// What the operators need of this engine: generators, gazetteers, the key.
    package let surrogates: SurrogateResolver

    /// Compiles `policy` against `catalog`. The key is `key` if given, else the policy's
    /// `pseudonyms.key`, else a random key for this run (``PseudonymKey/isEphemeral``).
    package init(
        policy: Policy, catalog: PluginCatalog, key: PseudonymKey? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ConfigurationError) {
        var diagnostics = policy.problems
        var recognizers: [any Recognizer] = []
        var lexicon: [LexiconRecognizer.Entry] = []
        var priorities: [String: Int] = [:]
        var surrogates: [String: any SurrogateGenerator] = [:]
        var gazetteers: [String: Gazetteer] = [:]
        // Plugins load their data and build their automata on every core: that is most of start-up.
        let plugins = policy.plugins.map { catalog[$0] }
        // The plugins with the most data first: each core takes the next plugin when it is done
        // with one, and a large one taken last would be built alone while the other cores wait.
        let largestFirst = plugins.indices.map { (index: $0, size: plugins[$0]?.dataSize ?? 0) }.sorted { $0.size > $1.size }.map(\.index)
        let locating = policy.plugins.contains { catalog[$0]?.manifest.entities.contains(.location) ?? false }
        let placeAction = locating ? policy.rule(for: .location).action : nil
        let made = ParallelLoop.map(plugins.count, order: largestFirst) { index in
            Result { () throws(ConfigurationError) -> (recognizer: (any Recognizer)?, surrogate: (any SurrogateGenerator)?) in
                guard let plugin = plugins[index] else { return (nil, nil) }
                let recognizer = try plugin.makeRecognizer()
                return (recognizer, try Self.surrogate(of: plugin, recognizer: recognizer, code: catalog.code, placeAction: placeAction))
            }
        }
        for (id, (plugin, made)) in zip(policy.plugins, zip(plugins, made)) {
            guard let plugin else {
                let location = policy.pluginLocations[id]
                diagnostics.append(
                    Diagnostic(
                        file: location?.file ?? policy.path, line: location?.line, column: location?.column,
                        message:
                            "unknown plugin '\(id)'\(Suggestion.clause(for: id, among: catalog.sorted.map(\.id))); available: \(catalog.sorted.map(\.id).joined(separator: ", "))"
                    ))
                continue
            }
            let recognizer: (any Recognizer)?
            do {
                let made = try made.get()
                recognizer = made.recognizer
                surrogates[id] = made.surrogate
            } catch {
                diagnostics += error.diagnostics
                continue
            }
            if let recognizer { recognizers.append(recognizer) }
            lexicon += plugin.lexiconEntries
            priorities[id] = plugin.manifest.priority
            if let places = recognizer as? any PlaceRecognizer { gazetteers[id] = places.gazetteer }
        }
        // A place plugin's pseudonyms may come from the policy's other gazetteers (its own may hold
        // one place of a level: the one country of location-cn).
        for (id, surrogate) in surrogates {
            guard var places = surrogate as? PlaceSurrogate else { continue }
            places.alternates = gazetteers.keys.sorted().filter { $0 != id }.compactMap { gazetteers[$0] }
            surrogates[id] = places
        }
        // An entity named where nothing reports it: a rule that would never apply (PHONE_NUMBR
        // under `entities:`, with no plugin of the policy reporting it), or a deny list under a
        // name no plugin at all reports (PERSN) — a deny list may stand in for a plugin the
        // policy leaves out, so its entity is checked against every plugin.
        do {
            let everyEntity = Set(catalog.sorted.flatMap(\.manifest.entities))
            // With a plugin misnamed, what it would report is not known: any plugin's entity passes.
            let policyEntities = plugins.allSatisfy({ $0 != nil }) ? Set(plugins.compactMap { $0 }.flatMap(\.manifest.entities)) : everyEntity
            // Only what this file writes: a policy that extends another and runs fewer plugins
            // inherits rules for entities it no longer reports, harmlessly.
            let ownFile = { (entity: EntityType) in policy.entityLocations[entity].map { $0.file == policy.path } ?? true }
            let denied = Set(policy.deny.keys)
            let unknown =
                denied.subtracting(everyEntity).filter(ownFile).map { ($0, everyEntity) }
                + Set(policy.rules.keys).subtracting(policyEntities).subtracting(denied).filter(ownFile).map { ($0, policyEntities) }
            for (entity, known) in unknown.sorted(by: { $0.0 < $1.0 }) {
                let location = policy.entityLocations[entity]
                let names = known.map(\.rawValue).sorted()
                let whose = known == everyEntity && known != policyEntities ? "no plugin" : "no plugin of this policy"
                diagnostics.append(
                    Diagnostic(
                        file: location?.file ?? policy.path, line: location?.line, column: location?.column,
                        message:
                            "\(whose) reports \(entity.rawValue)\(Suggestion.clause(for: entity.rawValue, among: names)); \(whose == "no plugin" ? "plugins" : "they") report: \(names.joined(separator: ", "))"
                    ))
            }
        }
        let facets = catalog.code.facets
        for (facet, location) in policy.facetLocations.sorted(by: { $0.key < $1.key }) where !facets.contains(facet) {
            diagnostics.append(
                Diagnostic(
                    file: location.file, line: location.line, column: location.column,
                    message: "unknown facet '\(facet)' to keep; expected one of: \(facets.sorted().joined(separator: ", "))"))
        }
        for (entity, words) in policy.deny.sorted(by: { $0.key < $1.key }) {
            lexicon += words.map { LexiconRecognizer.Entry(word: $0, entity: entity, score: 1, pluginID: "policy", lexicon: "deny") }
        }
        if !lexicon.isEmpty { recognizers.append(LexiconRecognizer(pluginID: "lexicons", entries: lexicon)) }

        var resolvedKey = key
        if resolvedKey == nil, let spec = policy.key {
            do {
                resolvedKey = try PseudonymKey(spec: spec, environment: environment)
            } catch {
                let location = policy.keyLocation
                diagnostics.append(Diagnostic(file: location?.file ?? policy.path, line: location?.line, column: location?.column, message: error.description))
            }
        }
        if !diagnostics.isEmpty {
            // In the order of the files' lines, whichever step found each problem.
            throw ConfigurationError(
                diagnostics.enumerated().sorted { a, b in
                    (a.element.file, a.element.line ?? 0, a.element.column ?? 0, a.offset) < (b.element.file, b.element.line ?? 0, b.element.column ?? 0, b.offset)
                }.map(\.element))
        }

        self.policy = policy
        self.catalog = catalog
        self.key = resolvedKey ?? .ephemeral()
        self.recognizers = recognizers
        self.repeatingRecognizers = recognizers.compactMap { $0 as? any RepeatedMentionRecognizer }
        self.surrogates = SurrogateResolver(
            key: self.key, byPlugin: surrogates, shared: catalog.code.surrogates, gazetteers: gazetteers,
            personNames: catalog.code.personNames)
        self.resolution = Resolution(
            thresholds: policy.rules.compactMapValues(\.threshold), defaultThreshold: policy.threshold,
            allow: Set(policy.allow.map { $0.lowercased() }), priorities: priorities)
    }

    /// This engine without the recognizers of plugins that report nothing but `entities` (the
    /// word lists, which may report anything, stay): for a quick look for the other kinds. What
    /// the left-out plugins would have found no longer competes in resolution, so a finding may be
    /// left where a name or place would have won.
    package func restricted(excluding entities: Set<EntityType>) -> Engine {
        var copy = self
        copy.recognizers = recognizers.filter { recognizer in
            guard let plugin = catalog[recognizer.pluginID] else { return true }
            return !plugin.manifest.entities.allSatisfy(entities.contains)
        }
        copy.repeatingRecognizers = copy.recognizers.compactMap { $0 as? any RepeatedMentionRecognizer }
        return copy
    }

    /// Documents longer than this many bytes are recognized block by block, each block ending at a
    /// line break (in one long line, at a sentence's end or a space: ``TextCut``): every recognizer's working memory stays that of one block, and blocks run on
    /// every core when the caller allows it.
    package static let blockSize = 64 * 1024

    /// The most findings one document may hold: a document (a record's value of hundreds of
    /// megabytes, say) that holds more is refused rather than held in memory. Plain text read in
    /// sections never comes near it.
    package static let maximumFindings = 1_000_000

    /// A document holds more than ``maximumFindings`` findings.
    package struct TooManyFindings: Error, CustomStringConvertible {
        package var description: String { "more than \(Engine.maximumFindings) findings in one document; split it into smaller records" }
    }

    /// The resolved detections of one document, sorted by position. Throws (and the caller must not
    /// write the document out) if any recognizer could not scan it.
    ///
    /// A long document is recognized in blocks (``blockSize``), on all cores if `parallel`; names
    /// found in any block are then found wherever the document repeats them, and the mentions of one
    /// person are linked across the whole document, so the result is that of one document.
    package func analyze(_ document: DocumentText, parallel: Bool = false) throws -> [Detection] {
        var context = DocumentContext()
        return try analyze(document, parallel: parallel, context: &context)
    }

    /// The resolved detections of one section of a longer text read in sections: `context` brings
    /// the people named in the sections before (found again and linked here as in one document) and
    /// takes this section's.
    package func analyze(_ document: DocumentText, parallel: Bool = false, context: inout DocumentContext) throws -> [Detection] {
        settle(try recognize(document, parallel: parallel), context: &context)
    }

    /// The first step of ``analyze(_:parallel:context:)``: what the recognizers report, block by
    /// block, and where the document writes again what they found. It needs nothing from other
    /// sections, so a reader may run it for the next section while it settles and writes this one.
    package func recognize(_ document: DocumentText, parallel: Bool = false) throws -> RecognizedDocument {
        recognized(document, try report(document, parallel: parallel))
    }

    /// ``recognize(_:parallel:)`` with `known` beside what the recognizers report: spans a caller
    /// already holds to be personal data (a Presidio client's analyzer results), settled and
    /// rewritten with the rest, so that nothing a caller marked is written out as it was.
    package func recognize(_ document: DocumentText, adding known: [Detection]) throws -> RecognizedDocument {
        recognized(document, try report(document) + known)
    }

    /// What the recognizers report in `document`, block by block (on every core if `parallel`):
    /// the part of ``recognize(_:parallel:)`` that divides among cores. A reader that runs it in
    /// the background finishes the step with ``recognized(_:_:)`` on its own thread, beside the
    /// next section's blocks, rather than leave a core idle while one thread does it.
    package func report(_ document: DocumentText, parallel: Bool = false) throws -> [Detection] {
        let bytes = document.bytes
        let blocks = Self.blocks(of: bytes)
        if blocks.count == 1 { return try recognizeBlock(document) }
        let recognizeAt: @Sendable (Int) -> Result<[Detection], any Error> = { index in
            Result {
                let block = blocks[index]
                return try self.recognizeBlock(DocumentText(validated: Array(bytes[block]))).map { detection in
                    var shifted = detection
                    shifted.range = (detection.range.lowerBound + block.lowerBound)..<(detection.range.upperBound + block.lowerBound)
                    return shifted
                }
            }
        }
        let results = ParallelLoop.map(blocks.count, parallel: parallel, recognizeAt)
        var detections: [Detection] = []
        for result in results {
            detections += try result.get()
            guard detections.count <= Self.maximumFindings else { throw TooManyFindings() }
        }
        return detections
    }

    /// A document with what its recognizers found, and the further mentions in it of what they
    /// found (the names a repeating recognizer found anywhere in it, written again elsewhere).
    package func recognized(_ document: DocumentText, _ detections: [Detection]) -> RecognizedDocument {
        var repeats: [Detection] = []
        for recognizer in repeatingRecognizers {
            let own = detections.filter { $0.pluginID == recognizer.pluginID }
            guard !own.isEmpty else { continue }
            let repeatable = recognizer.repeatableMentions(of: own)
            // A long document naming many people is searched by an index, the usual few directly.
            let occurrences: [Detection]
            if repeatable.count * document.bytes.count <= 1 << 20 {
                occurrences = MentionIndex.occurrences(of: repeatable, in: document.bytes)
            } else {
                var here = MentionIndex()
                here.add(repeatable)
                occurrences = here.occurrences(in: document.bytes)
            }
            var seen = Set<Range<Int>>()
            repeats += Self.mentions(occurrences, by: recognizer, besides: own, seen: &seen, in: document.bytes)
        }
        return RecognizedDocument(document: document, detections: detections, repeats: repeats)
    }

    /// The second step of ``analyze(_:parallel:context:)``: repeated names across the whole
    /// document, overlaps resolved, mentions of one person linked (with the people of `context`,
    /// which then keeps this document's).
    package func settle(_ recognized: RecognizedDocument, context: inout DocumentContext) -> [Detection] {
        let settled = settle(recognized, knowing: &context)
        context.remember(settled)
        return settled
    }

    /// ``settle(_:context:)`` without handing this document's people on: for a record, whose
    /// entity fields are settled after (the caller remembers what it ends with).
    func settle(_ recognized: RecognizedDocument, knowing context: inout DocumentContext) -> [Detection] {
        index(&context)
        let bytes = recognized.document.bytes
        var detections = recognized.detections + recognized.repeats
        // The people of the documents before, named again here.
        for recognizer in repeatingRecognizers {
            guard let known = context.mentions[recognizer.pluginID] else { continue }
            let own = recognized.detections.filter { $0.pluginID == recognizer.pluginID }
            var seen = Set(recognized.repeats.lazy.filter { $0.pluginID == recognizer.pluginID }.map(\.range))
            detections += Self.mentions(known.occurrences(in: bytes), by: recognizer, besides: own, seen: &seen, in: bytes)
        }
        let resolved = resolution.resolve(detections, in: bytes)
        return PersonLinker.link(resolved, known: context.known)
    }

    /// The mentions `recognizer` makes of the occurrences of its repeatable texts, where none of its
    /// own detections starts and no mention in `seen` lies already.
    private static func mentions(
        _ occurrences: [Detection], by recognizer: any RepeatedMentionRecognizer, besides own: [Detection],
        seen: inout Set<Range<Int>>, in bytes: [UInt8]
    ) -> [Detection] {
        let taken = Set(own.map(\.range.lowerBound))
        var mentions: [Detection] = []
        for occurrence in occurrences where !taken.contains(occurrence.range.lowerBound) {
            if let mention = recognizer.repeatedMention(occurrence, at: occurrence.range, in: bytes), seen.insert(mention.range).inserted {
                mentions.append(mention)
            }
        }
        return mentions
    }

    /// Brings the context's search for its people's names up to date.
    private func index(_ context: inout DocumentContext) {
        guard context.indexed < context.people.count else { return }
        let added = context.people[context.indexed...]
        for recognizer in repeatingRecognizers {
            let own = added.filter { $0.pluginID == recognizer.pluginID }
            guard !own.isEmpty else { continue }
            context.mentions[recognizer.pluginID, default: MentionIndex()].add(recognizer.repeatableMentions(of: own))
        }
        context.indexed = context.people.count
    }

    /// What every recognizer reports for one document (or block), and what they report across its
    /// line breaks when the stretches around them are read again without them (``WrappedLines``):
    /// a value a hard wrap cut in two is found whole.
    private func recognizeBlock(_ document: DocumentText) throws -> [Detection] {
        var detections: [Detection] = []
        for recognizer in recognizers {
            // Most recognizers find nothing in most documents (a record of a dataset), and appending
            // nothing to an empty array still allocates one.
            let found = try recognizer.recognize(document)
            if !found.isEmpty { detections += found }
        }
        let stretches = WrappedLines.stretches(of: document.bytes)
        guard !stretches.isEmpty else { return detections }
        // What a line holds whole outranks what the joined text runs across it: a value found
        // within one line that a joined finding cuts into (a time stamp's digits run on into the ID
        // on the next line) keeps the joined finding out.
        let lineFindings = detections.filter { !document.bytes[$0.range].contains(0x0A) }
        let withinLines = lineFindings.map(\.range)
        // A handle a line holds whole up to its end is not carried on into the next line: an @name
        // ends where its line does, and the pattern would read @小猫咪2019是我表哥 on across the
        // break and swallow what follows (a wrapped phone number). Other values do wrap (a card
        // number or an address whole on one line may go on on the next).
        let endsLine = { (offset: Int) in
            var index = offset
            while index < document.bytes.count, document.bytes[index] == 0x20 || document.bytes[index] == 0x0D { index += 1 }
            return index < document.bytes.count && document.bytes[index] == 0x0A
        }
        let breakAware = recognizers.map { $0 as? any LineBreakAwareRecognizer }
        for stretch in stretches {
            let joined = DocumentText(validated: stretch.bytes)
            let around = stretch.charactersAroundBreaks
            for (recognizer, aware) in zip(recognizers, breakAware) {
                // The breaks a finding of this recognizer may run across (nil: any); a stretch with
                // none is not read again for it.
                var crossable: [Bool]?
                if let aware {
                    let each = around.map { $0.map { aware.mayRunAcross($0.before, $0.after) } ?? true }
                    guard each.contains(true) else { continue }
                    crossable = each
                }
                for detection in try recognizer.recognize(joined) where stretch.spansBreak(detection.range) {
                    if let crossable, !crossable.indices.allSatisfy({ crossable[$0] || !stretch.spans(break: $0, detection.range) }) { continue }
                    let range = stretch.originalRange(detection.range)
                    if withinLines.contains(where: { $0.overlaps(range) && !(range.lowerBound <= $0.lowerBound && $0.upperBound <= range.upperBound) }) { continue }
                    if detection.entity == .socialHandle,
                        lineFindings.contains(where: { $0.entity == .socialHandle && $0.range.lowerBound == range.lowerBound && endsLine($0.range.upperBound) })
                    {
                        continue
                    }
                    var found = detection
                    found.range = range
                    detections.append(found)
                }
            }
        }
        return detections
    }

    /// `bytes` cut into blocks of ``blockSize`` to twice that, each ending after a line break, or in
    /// a longer line after a sentence's end or a space (``TextCut``), or at the end.
    static func blocks(of bytes: [UInt8]) -> [Range<Int>] {
        var blocks: [Range<Int>] = []
        var start = 0
        while bytes.count - start > blockSize, let cut = TextCut.cut(in: bytes, from: start + blockSize, reach: blockSize) {
            blocks.append(start..<cut)
            start = cut
        }
        if start < bytes.count || blocks.isEmpty { blocks.append(start..<bytes.count) }
        return blocks
    }

    /// The findings in `text`, with code point offsets.
    package func scan(_ text: String) throws -> [Finding] {
        let document = DocumentText(text)
        return Finding.from(try analyze(document), in: document.bytes)
    }

    /// The findings of a recognized document (or section of a long text), with code point offsets;
    /// `context` carries the people named from one section of a long text to the next.
    package func scan(_ recognized: RecognizedDocument, context: inout DocumentContext) -> [Finding] {
        Finding.from(settle(recognized, context: &context), in: recognized.document.bytes)
    }

    /// The findings in `document` (a long one on all cores if `parallel`), with code point offsets.
    package func scan(_ document: DocumentText, parallel: Bool = false) throws -> [Finding] {
        Finding.from(try analyze(document, parallel: parallel), in: document.bytes)
    }
}

extension Engine {
    /// The generator of `plugin`'s pseudonyms, beside its `recognizer`: its gazetteer's places, the
    /// recognizer's own (made when first used), one its factory makes for this policy, or a shared one.
    fileprivate static func surrogate(
        of plugin: PluginCatalog.Plugin, recognizer: (any Recognizer)?, code: PluginCode, placeAction: Action?
    ) throws(ConfigurationError) -> (any SurrogateGenerator)? {
        guard let id = plugin.manifest.surrogate else { return nil }
        if id == PlaceSurrogate.generatorID, let places = recognizer as? any PlaceRecognizer { return PlaceSurrogate(gazetteer: places.gazetteer) }
        if let provider = recognizer as? any SurrogateProvidingRecognizer, provider.surrogateID == id { return LazySurrogate(provider) }
        if let make = code.surrogateFactories[id] { return try make(SurrogateFactoryInput(manifest: plugin.manifest, placeAction: placeAction)) }
        return code.surrogates[id]
    }
}
