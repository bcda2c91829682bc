/// A document with the spans a person marked as personal data: the input of `veil eval`.
/// Offsets are Unicode code points, end exclusive.
public struct GoldDocument: Sendable, Hashable, Decodable {
    public struct Span: Sendable, Hashable, Decodable {
        public var start: Int
        public var end: Int
        public var entity: EntityType
        public init(start: Int, end: Int, entity: EntityType) {
            self.start = start
            self.end = end
            self.entity = entity
        }
    }

    public var id: String
    public var text: String
    public var spans: [Span]

    public init(id: String, text: String, spans: [Span]) {
        self.id = id
        self.text = text
        self.spans = spans
    }

    private enum CodingKeys: String, CodingKey { case id, text, spans }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let text = try? container.decode(String.self, forKey: .id) { id = text } else { id = String(try container.decode(Int.self, forKey: .id)) }
        text = try container.decode(String.self, forKey: .text)
        spans = try container.decodeIfPresent([Span].self, forKey: .spans) ?? []
    }
}
