/// A document with the spans a person marked as personal data: the input of `veil eval`.
/// Offsets are Unicode code points, end exclusive.
package struct GoldDocument: Sendable, Hashable, Decodable {
    package struct Span: Sendable, Hashable, Decodable {
        package var start: Int
        package var end: Int
        package var entity: EntityType
        package init(start: Int, end: Int, entity: EntityType) {
            self.start = start
            self.end = end
            self.entity = entity
        }
    }

    package var id: String
    package var text: String
    package var spans: [Span]

    package init(id: String, text: String, spans: [Span]) {
        self.id = id
        self.text = text
        self.spans = spans
    }

    private enum CodingKeys: String, CodingKey { case id, text, spans }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let text = try? container.decode(String.self, forKey: .id) { id = text } else { id = String(try container.decode(Int.self, forKey: .id)) }
        text = try container.decode(String.self, forKey: .text)
        spans = try container.decodeIfPresent([Span].self, forKey: .spans) ?? []
    }
}
