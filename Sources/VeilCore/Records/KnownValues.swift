import Foundation

/// The values of a dataset's entity fields (every `author`), known before its records are
/// rewritten, so that a reply in one row that names the author of another (回复小猫咪2019) is found
/// and gets that author's pseudonym, even when no recognizer knows the name.
package struct KnownValues: Sendable {
    let automaton: AhoCorasick
    /// Per word of the automaton: its bytes and the detection a mention of it becomes (range unset).
    let words: [[UInt8]]
    let templates: [Detection]
    /// The whole values, by text (the words after them are names inside them: 阿花 of 阿花不是花).
    private let index: [String: Int]

    init(automaton: AhoCorasick, words: [[UInt8]], templates: [Detection], wholeValues: Int? = nil) {
        self.automaton = automaton
        self.words = words
        self.templates = templates
        self.index = Dictionary(
            words.prefix(wholeValues ?? words.count).enumerated().map { (String(decoding: $1, as: UTF8.self), $0) },
            uniquingKeysWith: { first, _ in first })
    }

    package static let empty = KnownValues(automaton: AhoCorasick(words: []), words: [], templates: [])

    package var isEmpty: Bool { templates.isEmpty }
    package var count: Int { templates.count }

    /// The template for a value, if it is known.
    func template(for text: String) -> Detection? {
        index[text].map { templates[$0] }
    }
}

extension Anonymizer {
    /// Known values from `values` (an entity field's text and its entity): each distinct one is
    /// analyzed on its own, as ``anonymize(record:)`` treats an entity field, so a name the
    /// recognizers know keeps its linking key (王建国 and "Wang Jianguo" stay one person). A name
    /// found inside a value (阿花 of the screen name 阿花不是花) is known too, as that value, unless
    /// it is itself a value or inside two.
    ///
    /// The result depends on the set of values only, not on their order: the partitions of a Spark
    /// job collect them in any order and must build what one machine builds.
    package func knownValues(_ values: some Sequence<(text: String, entity: EntityType)>) throws -> KnownValues {
        var distinct = Set<KnownValueKey>()
        for (text, entity) in values {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard trimmed.unicodeScalars.count >= 2 else { continue }
            distinct.insert(KnownValueKey(text: trimmed, entity: entity))
        }
        var words: [[UInt8]] = []
        var templates: [Detection] = []
        var parts: [[UInt8]: Detection?] = [:]
        for key in distinct.sorted() {
            let (trimmed, entity) = (key.text, key.entity)
            let document = DocumentText(trimmed)
            let whole = 0..<document.bytes.count
            let found = try engine.analyze(document)
            let detection =
                found.first { $0.entity == entity && $0.range == whole }
                ?? Detection(range: whole, entity: entity, score: 1, pluginID: "field", rule: "field", canonical: trimmed, facts: MentionFacts())
            words.append(document.bytes)
            templates.append(detection)
            for part in found where Self.isNamePart(part, of: whole, entity: entity, in: document.bytes) {
                let text = Array(document.bytes[part.range])
                // Inside two values, a name stands for neither.
                if let known = parts[text], known?.canonical != detection.canonical { parts[text] = .some(nil) } else { parts[text] = detection }
            }
        }
        let wholeValues = words.count
        let values = Set(words)
        for (text, detection) in parts.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) where !values.contains(text) {
            guard let detection else { continue }
            words.append(text)
            templates.append(detection)
        }
        return KnownValues(
            automaton: AhoCorasick(words: words.map { String(decoding: $0, as: UTF8.self) }), words: words, templates: templates,
            wholeValues: wholeValues)
    }
}

/// A known value's text and entity, ordered by text (UTF-8) and then entity.
private struct KnownValueKey: Hashable, Comparable {
    let text: String
    let entity: EntityType

    static func < (lhs: Self, rhs: Self) -> Bool {
        if lhs.text != rhs.text { return lhs.text.utf8.lexicographicallyPrecedes(rhs.text.utf8) }
        return lhs.entity.rawValue.utf8.lexicographicallyPrecedes(rhs.entity.rawValue.utf8)
    }
}
