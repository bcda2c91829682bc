import Foundation

/// The messages of the process plugin protocol (Docs/process-plugin-protocol.md), apart from the
/// pipes that carry them: what Veil writes, and the checks on every line a plugin writes back.
/// Kept free of I/O so that the reader can be fuzzed on its own (Fuzz/Sources/fuzz-protocol).
enum PluginProtocol {
    /// The most findings one answer may report for one document: more than one per character
    /// is nonsense, and a runaway plugin must not exhaust memory.
    static let maximumFindingsPerCharacter = 1

    /// A plugin's first line: the protocol version and the entities it reports, which must be
    /// among those its manifest declares.
    static func readGreeting(_ line: [UInt8], declared: Set<EntityType>) throws(PluginProcess.Failure) -> Set<EntityType> {
        guard let greeting = try? JSONDecoder().decode(Greeting.self, from: Data(line)) else {
            throw .init(message: "did not greet with {\"protocol\": 1, \"entities\": [...]} (see Docs/process-plugin-protocol.md)")
        }
        guard greeting.protocol == 1 else { throw .init(message: "speaks protocol \(greeting.protocol); this Veil speaks protocol 1") }
        let entities = Set(greeting.entities.map { EntityType($0) })
        guard entities.isSubset(of: declared) else {
            let undeclared = entities.subtracting(declared).map { $0.isWellFormed && $0.rawValue.utf8.count <= 40 ? $0.rawValue : "(not an entity name)" }
            throw .init(message: "greeted with entities its manifest does not declare: \(Set(undeclared).sorted().joined(separator: ", "))")
        }
        return entities
    }

    /// One request line (with its newline): the documents of a batch, numbered by position.
    static func request(id: Int, texts: [String]) throws(PluginProcess.Failure) -> Data {
        let request = Request(id: id, documents: texts.indices.map { Request.Document(id: String($0), text: texts[$0]) })
        guard var data = try? JSONEncoder().encode(request) else { throw .init(message: "could not encode a request") }
        data.append(0x0A)
        return data
    }

    /// The answer to request `id` about documents of `lengths` code points: each document's
    /// findings in the order sent. Everything a plugin could get wrong is an error, never a trap,
    /// and the plugin's own error text is not passed on (it may quote the document).
    static func readAnswer(_ line: [UInt8], id: Int, lengths: [Int], greeted: Set<EntityType>) throws(PluginProcess.Failure) -> [[PluginProcess.Finding]] {
        guard let answer = try? JSONDecoder().decode(Answer.self, from: Data(line)) else {
            throw .init(message: "answered with a line that is not a protocol answer")
        }
        guard answer.id == id else { throw .init(message: "answered request \(answer.id) when \(id) was asked") }
        if answer.error != nil { throw .init(message: "could not analyze the batch (its error message is not shown: it may quote the document)") }
        guard let results = answer.results else { throw .init(message: "answered without 'results' or 'error'") }
        var byDocument = [[PluginProcess.Finding]?](repeating: nil, count: lengths.count)
        for result in results {
            guard let index = Int(result.id), lengths.indices.contains(index), byDocument[index] == nil else {
                throw .init(message: "answered for a document it was not sent, or twice for one")
            }
            let length = lengths[index]
            guard result.findings.count <= max(1, length * maximumFindingsPerCharacter) else {
                throw .init(message: "reported \(result.findings.count) findings in a text of \(length) characters")
            }
            byDocument[index] = try result.findings.map { reported throws(PluginProcess.Failure) in
                guard reported.start >= 0, reported.start < reported.end, reported.end <= length else {
                    throw .init(message: "reported offsets \(reported.start)..<\(reported.end) outside a text of \(length) characters")
                }
                let entity = EntityType(reported.entity)
                guard greeted.contains(entity) else {
                    let named = entity.isWellFormed && reported.entity.utf8.count <= 40 ? " \(reported.entity)" : ""
                    throw .init(message: "reported an entity\(named) it did not greet with")
                }
                guard (0...1).contains(reported.score) else { throw .init(message: "reported score \(reported.score), outside 0…1") }
                // A rule name goes into reports: only a name, never text that could be a quotation.
                let rule = reported.rule.map { isRuleName($0) ? $0 : "(rule name not shown)" }
                return PluginProcess.Finding(start: reported.start, end: reported.end, entity: entity, score: reported.score, rule: rule)
            }
        }
        guard byDocument.allSatisfy({ $0 != nil }) else { throw .init(message: "left a document of the batch without a result") }
        return byDocument.map { $0! }
    }

    /// Letters, digits, `_`, `-` and `.`, at most 80: what a rule name looks like.
    static func isRuleName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 80
            && name.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F || byte == 0x2D || byte == 0x2E
            }
    }

    private struct Greeting: Decodable {
        let `protocol`: Int
        let entities: [String]
    }

    private struct Request: Encodable {
        struct Document: Encodable {
            let id: String
            let text: String
        }
        let type = "analyze"
        let id: Int
        let documents: [Document]
    }

    private struct Answer: Decodable {
        struct Result: Decodable {
            let id: String
            let findings: [Reported]
        }
        struct Reported: Decodable {
            let start: Int
            let end: Int
            let entity: String
            let score: Double
            let rule: String?
        }
        let id: Int
        let results: [Result]?
        let error: String?
    }
}
