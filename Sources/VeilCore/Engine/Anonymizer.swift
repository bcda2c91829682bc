/// Rewrites documents under an engine's policy, remembering the pseudonyms it hands out so that the
/// same original gets the same pseudonym in every document of the run. Safe to share between
/// threads.
public final class Anonymizer: Sendable {
    public let engine: Engine
    let table: PseudonymTable
    private let operators: [EntityType: any Operator]
    private let defaultOperator: any Operator

    public init(engine: Engine) {
        self.engine = engine
        self.table = PseudonymTable()
        self.operators = engine.policy.rules.mapValues { $0.action.makeOperator }
        self.defaultOperator = engine.policy.defaultRule.action.makeOperator
    }

    /// The result of anonymizing one document.
    public struct Result: Sendable {
        /// The rewritten text.
        public let text: String
        /// What was found, with offsets into the *original* text.
        public let findings: [Finding]
    }

    /// Anonymizes `text`.
    public func anonymize(_ text: String) throws -> Result {
        try anonymize(DocumentText(text))
    }

    /// Anonymizes a document. Throws if it could not be scanned; nothing is returned half-done.
    public func anonymize(_ document: DocumentText) throws -> Result {
        let detections = try engine.analyze(document)
        let bytes = document.bytes
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var cursor = 0
        let context = OperatorContext(engine: engine, table: table)
        for detection in detections {
            output.append(contentsOf: bytes[cursor..<detection.range.lowerBound])
            let mention = Mention(text: String(decoding: bytes[detection.range], as: UTF8.self), detection: detection)
            let replacement = (operators[detection.entity] ?? defaultOperator).replacement(for: mention, in: context)
            output.append(contentsOf: replacement.utf8)
            cursor = detection.range.upperBound
        }
        output.append(contentsOf: bytes[cursor...])
        return Result(text: String(decoding: output, as: UTF8.self), findings: Finding.from(detections, in: bytes))
    }
}
