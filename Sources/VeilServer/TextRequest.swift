/// The body of `POST /v1/analyze` and `POST /v1/anonymize`: `{"text": "…"}` for one document, or
/// `{"texts": ["…", …]}` for a batch.
struct TextRequest: Sendable {
    /// The documents, in order.
    let texts: [String]
    /// Whether the body gave one `text` (answered as one result) or a batch.
    let isBatch: Bool

    /// Parses `body`; throws a 400 ``APIError`` naming what is wrong and where.
    init(body: [UInt8]) throws(APIError) {
        let json = try RequestJSON(body: body, members: ["text", "texts"], shape: "\"text\" (one document) or \"texts\" (a batch)")
        switch (json.has("text"), json.has("texts")) {
        case (true, false):
            guard let text = try json.string("text") else { throw .badRequest("\"text\" must be a string") }
            texts = [text]
            isBatch = false
        case (false, true):
            guard let texts = try json.strings("texts") else { throw .badRequest("\"texts\" must be an array of strings") }
            self.texts = texts
            isBatch = true
        case (true, true): throw .badRequest("give \"text\" or \"texts\", not both")
        case (false, false): throw .badRequest("the body needs \"text\" (one document) or \"texts\" (a batch)")
        }
    }
}
