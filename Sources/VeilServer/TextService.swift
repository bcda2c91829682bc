import VeilCore
import VeilFormats

/// What `/v1/analyze` and `/v1/anonymize` do with the documents of a request, written straight to
/// the JSON of the answer. One anonymizer serves every request, so a person gets the same pseudonym
/// in every request under the server's key; the documents of one batch also share what they say
/// of people (as the records of a file do), so a surname alone in the third text links to the full
/// name in the first.
struct TextService: Sendable {
    let anonymizer: Anonymizer
    let metrics: ServerMetrics

    /// `{"findings": […]}` for one text, `{"results": [{"findings": […]}, …]}` for a batch: offsets
    /// in code points, as `veil scan` writes them.
    func analyze(_ request: TextRequest) throws(APIError) -> [UInt8] {
        var context = DocumentContext()
        var results: [[UInt8]] = []
        for (index, text) in request.texts.enumerated() {
            let document = DocumentText(text)
            let detections: [Detection]
            do { detections = try anonymizer.engine.analyze(document, context: &context) } catch {
                throw Self.failed(index, of: request, error)
            }
            var out: [UInt8] = Array(#"{"findings": ["#.utf8)
            metrics.document(detections.lazy.map(\.entity))
            for (number, finding) in Finding.from(detections, in: document.bytes).enumerated() {
                if number > 0 { out.append(contentsOf: ", ".utf8) }
                FindingsJSON.append(finding, field: nil, to: &out)
            }
            out.append(contentsOf: "]}".utf8)
            results.append(out)
        }
        return Self.answer(results, batch: request.isBatch)
    }

    /// `{"text": …, "changes": […]}` for one text (each change: where it stands in the original
    /// and in the text returned, in code points, its entity, action, plugin and score — never the
    /// original), `{"results": […]}` for a batch. A document that cannot be rewritten fails the
    /// whole request: nothing is returned half-done.
    func anonymize(_ request: TextRequest) throws(APIError) -> [UInt8] {
        var context = DocumentContext()
        var results: [[UInt8]] = []
        for (index, text) in request.texts.enumerated() {
            let document = DocumentText(text)
            let reviewed: (text: String, changes: [Anonymizer.Change])
            do { reviewed = try anonymizer.review(document, context: &context) } catch {
                throw Self.failed(index, of: request, error)
            }
            var out: [UInt8] = Array(#"{"text": "#.utf8)
            out.append(contentsOf: JSONDocument.encodeString(reviewed.text))
            out.append(contentsOf: #", "changes": ["#.utf8)
            let changes = Self.changes(reviewed.changes, of: document.bytes, output: Array(reviewed.text.utf8))
            metrics.document(changes.lazy.map(\.change.entity))
            for (number, change) in changes.enumerated() {
                if number > 0 { out.append(contentsOf: ", ".utf8) }
                Self.append(change, to: &out)
            }
            out.append(contentsOf: "]}".utf8)
            results.append(out)
        }
        return Self.answer(results, batch: request.isBatch)
    }

    /// A change made, with where the original stood and where its replacement stands in the
    /// output, in code points.
    struct PlacedChange {
        let change: Anonymizer.Change
        let original: Range<Int>
        let written: Range<Int>
    }

    /// The changes that rewrote something (a mention written as it was is none), placed in the
    /// original `bytes` and in the `output` they made.
    static func changes(_ changes: [Anonymizer.Change], of bytes: [UInt8], output: [UInt8]) -> [PlacedChange] {
        var original = TextPositions(bytes), written = TextPositions(output)
        var shift = 0
        var placed: [PlacedChange] = []
        for change in changes {
            let range = change.utf8Range
            let replacement = Array(change.replacement.utf8)
            if bytes[range].elementsEqual(replacement) { continue }
            let outputStart = range.lowerBound + shift
            shift += replacement.count - range.count
            placed.append(
                PlacedChange(
                    change: change, original: original.position(ofByte: range.lowerBound).scalar..<original.position(ofByte: range.upperBound).scalar,
                    written: written.position(ofByte: outputStart).scalar..<written.position(ofByte: outputStart + replacement.count).scalar))
        }
        return placed
    }

    private static func append(_ placed: PlacedChange, to out: inout [UInt8]) {
        let (original, written) = (placed.original, placed.written)
        out.append(
            contentsOf:
                #"{"start": \#(original.lowerBound), "end": \#(original.upperBound), "output_start": \#(written.lowerBound), "output_end": \#(written.upperBound), "entity": "#
                .utf8)
        out.append(contentsOf: JSONDocument.encodeString(placed.change.entity.rawValue))
        out.append(contentsOf: #", "action": "#.utf8)
        out.append(contentsOf: JSONDocument.encodeString(placed.change.action))
        out.append(contentsOf: #", "plugin": "#.utf8)
        out.append(contentsOf: JSONDocument.encodeString(placed.change.plugin))
        out.append(contentsOf: #", "score": \#(FindingsJSON.score(placed.change.score))}"#.utf8)
    }

    /// One result as it is, or a batch's results in `{"results": […]}`.
    private static func answer(_ results: [[UInt8]], batch: Bool) -> [UInt8] {
        guard batch else { return (results.first ?? []) + [0x0A] }
        var out: [UInt8] = Array(#"{"results": ["#.utf8)
        for (index, result) in results.enumerated() {
            if index > 0 { out.append(contentsOf: ", ".utf8) }
            out.append(contentsOf: result)
        }
        out.append(contentsOf: "]}\n".utf8)
        return out
    }

    /// A document the engine could not finish: 422, naming which document of a batch and why.
    private static func failed(_ index: Int, of request: TextRequest, _ error: any Error) -> APIError {
        .documentFailed((request.isBatch ? "text \(index): " : "") + "\(error)")
    }
}
