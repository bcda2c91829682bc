import VeilCore
import VeilFormats

/// The body of `POST /v1/analyze` and `POST /v1/anonymize`: `{"text": "…"}` for one document, or
/// `{"texts": ["…", …]}` for a batch, read with Veil's own JSON parser so that a problem is
/// answered with its line and column.
struct TextRequest: Sendable {
    /// The documents, in order.
    let texts: [String]
    /// Whether the body gave one `text` (answered as one result) or a batch.
    let isBatch: Bool

    static let members: Set<String> = ["text", "texts"]

    /// Parses `body`; throws a 400 ``APIError`` naming what is wrong and where.
    init(body: [UInt8]) throws(APIError) {
        if let offset = DocumentText.firstInvalidUTF8Offset(in: body) {
            throw .badRequest("the body is not valid UTF-8 at byte \(offset)")
        }
        let document: JSONDocument
        do { document = try JSONDocument(body) } catch {
            throw .badJSON("\(Self.place(error.offset, in: body)): \(error.message)")
        }
        guard document.isObject else { throw .badRequest("the body must be a JSON object with \"text\" or \"texts\"") }
        if let unknown = document.fields.keys.filter({ !Self.members.contains($0) }).sorted().first {
            throw .badRequest("unknown member \"\(unknown)\": give \"text\" (one document) or \"texts\" (a batch)")
        }
        switch (document.fields["text"], document.fields["texts"]) {
        case (.some(let field), nil):
            guard field.isString, let text = try? document.string("text") else { throw .badRequest("\"text\" must be a string") }
            texts = [text]
            isBatch = false
        case (nil, .some):
            guard document.rawValue("texts")?.hasPrefix("[") == true else { throw .badRequest("\"texts\" must be an array of strings") }
            // The array's strings are the leaves one step inside it, in order; an element that is
            // not a string (a number, an array, an object) leaves a gap, or a deeper leaf.
            var texts: [String] = []
            for leaf in document.leaves where leaf.path.first == .key("texts") {
                guard leaf.path.count == 2, case .index(let index) = leaf.path[1], index == texts.count, leaf.isString,
                    let text = try? document.text(of: leaf)
                else { throw .badRequest("\"texts\" must be an array of strings (element \(texts.count) is not one)") }
                texts.append(text)
            }
            let elements = document.members.filter { $0.path.count == 2 && $0.path.first == .key("texts") }.count
            guard elements == texts.count else { throw .badRequest("\"texts\" must be an array of strings (element \(texts.count) is not one)") }
            self.texts = texts
            isBatch = true
        case (.some, .some): throw .badRequest("give \"text\" or \"texts\", not both")
        case (nil, nil): throw .badRequest("the body needs \"text\" (one document) or \"texts\" (a batch)")
        }
    }

    /// `line L, column C` of byte `offset` in `body` (columns count characters).
    static func place(_ offset: Int, in body: [UInt8]) -> String {
        var line = 1, column = 1, index = 0
        while index < min(offset, body.count) {
            if body[index] == 0x0A {
                line += 1
                column = 1
            } else if body[index] & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return "line \(line), column \(column)"
    }
}
