import VeilCore
import VeilFormats

/// Presidio's own request and response shapes, at `/analyze` and `/anonymize` (its analyzer's and
/// anonymizer's REST routes), so that a Presidio client switches to Veil by changing its URL.
///
/// - `/analyze` takes `{"text", "language", "entities"?, "score_threshold"?, "allow_list"?, …}` and
///   answers Presidio's list of `{"entity_type", "start", "end", "score", "analysis_explanation",
///   "recognition_metadata"}`. The language is not needed (the policy's plugins read Chinese and
///   English alike); ad-hoc recognizers and regular-expression allow lists are refused, since a
///   client relying on them would otherwise get less found than it expects.
/// - `/anonymize` takes `{"text", "analyzer_results", "anonymizers"?}` and answers `{"text",
///   "items": [{"start", "end", "entity_type", "text", "operator"}]}` (places in the text returned,
///   and what was written there). The server's policy decides how each entity is rewritten, so
///   `anonymizers` is read but not followed. The client's analyzer results are rewritten with what
///   Veil finds itself: nothing a client marked is written out as it was.
struct PresidioService: Sendable {
    let anonymizer: Anonymizer
    let metrics: ServerMetrics

    static let analyzeMembers: Set<String> = [
        "text", "language", "entities", "correlation_id", "score_threshold", "return_decision_process", "ad_hoc_recognizers", "context",
        "allow_list", "allow_list_match", "regex_flags"
    ]

    func analyze(_ body: [UInt8]) throws(APIError) -> [UInt8] {
        let json = try RequestJSON(body: body, members: Self.analyzeMembers, shape: "Presidio's analyze request (\"text\", \"language\", …)")
        guard let text = try json.string("text") else { throw .badRequest("\"text\" is required and must be a string") }
        // Read to check their types; none changes what is found.
        _ = (try json.string("language"), try json.string("correlation_id"), try json.boolean("return_decision_process"))
        _ = (try json.strings("context"), try json.integer("regex_flags"))
        if json.has("ad_hoc_recognizers") {
            throw .badRequest("\"ad_hoc_recognizers\" is not supported: Veil runs the plugins of the server's policy")
        }
        if let match = try json.string("allow_list_match"), match != "exact" {
            throw .badRequest("\"allow_list_match\" must be \"exact\" (regular-expression allow lists are not supported)")
        }
        let entities = try json.strings("entities").map(Set.init)
        let threshold = try json.number("score_threshold") ?? 0
        let allowed = Set(try json.strings("allow_list") ?? [])
        let document = DocumentText(text)
        let detections: [Detection]
        do { detections = try anonymizer.engine.analyze(document) } catch { throw .documentFailed("\(error)") }
        metrics.document(detections.lazy.map(\.entity))
        var out: [UInt8] = [UInt8(ascii: "[")]
        var count = 0
        for (detection, finding) in zip(detections, Finding.from(detections, in: document.bytes)) {
            guard entities?.contains(finding.entity.rawValue) ?? true, finding.score >= threshold else { continue }
            if !allowed.isEmpty, allowed.contains(String(decoding: document.bytes[detection.range], as: UTF8.self)) { continue }
            if count > 0 { out.append(contentsOf: ", ".utf8) }
            count += 1
            out.append(contentsOf: #"{"entity_type": "#.utf8)
            out.append(contentsOf: JSONDocument.encodeString(finding.entity.rawValue))
            out.append(contentsOf: #", "start": \#(finding.start), "end": \#(finding.end), "score": \#(FindingsJSON.score(finding.score))"#.utf8)
            out.append(contentsOf: #", "analysis_explanation": null, "recognition_metadata": {"recognizer_name": "#.utf8)
            out.append(contentsOf: JSONDocument.encodeString(finding.plugin))
            out.append(contentsOf: #", "recognizer_identifier": "#.utf8)
            out.append(contentsOf: JSONDocument.encodeString(finding.plugin + "/" + finding.rule))
            out.append(contentsOf: "}}".utf8)
        }
        out.append(contentsOf: "]\n".utf8)
        return out
    }

    /// `["PERSON", …]`: the entity types the policy's plugins report, as Presidio's
    /// `GET /supportedentities` lists them.
    func supportedEntities() -> [UInt8] {
        let engine = anonymizer.engine
        let entities = Set(engine.policy.plugins.flatMap { engine.catalog[$0]?.manifest.entities ?? [] }).sorted()
        return Array("[".utf8) + entities.map { JSONDocument.encodeString($0.rawValue) }.joined(separator: Array(", ".utf8)) + Array("]\n".utf8)
    }

    func anonymize(_ body: [UInt8]) throws(APIError) -> [UInt8] {
        let json = try RequestJSON(
            body: body, members: ["text", "analyzer_results", "anonymizers"], shape: "Presidio's anonymize request (\"text\", \"analyzer_results\")")
        guard let text = try json.string("text") else { throw .badRequest("\"text\" is required and must be a string") }
        try json.requireObject("anonymizers")
        let document = DocumentText(text)
        let known = try Self.detections(try json.objects("analyzer_results") ?? [], of: document, in: json)
        let reviewed: (text: String, changes: [Anonymizer.Change])
        do {
            var context = DocumentContext()
            reviewed = try anonymizer.review(try anonymizer.engine.recognize(document, adding: known), context: &context)
        } catch { throw .documentFailed("\(error)") }
        var out: [UInt8] = Array(#"{"text": "#.utf8)
        out.append(contentsOf: JSONDocument.encodeString(reviewed.text))
        out.append(contentsOf: #", "items": ["#.utf8)
        var count = 0
        let changes = TextService.changes(reviewed.changes, of: document.bytes, output: Array(reviewed.text.utf8))
        metrics.document(changes.lazy.map(\.change.entity))
        for change in changes {
            if count > 0 { out.append(contentsOf: ", ".utf8) }
            count += 1
            out.append(contentsOf: #"{"start": \#(change.written.lowerBound), "end": \#(change.written.upperBound), "entity_type": "#.utf8)
            out.append(contentsOf: JSONDocument.encodeString(change.change.entity.rawValue))
            out.append(contentsOf: #", "text": "#.utf8)
            out.append(contentsOf: JSONDocument.encodeString(change.change.replacement))
            out.append(contentsOf: #", "operator": "#.utf8)
            out.append(contentsOf: JSONDocument.encodeString(change.change.action))
            out.append(UInt8(ascii: "}"))
        }
        out.append(contentsOf: "]}\n".utf8)
        return out
    }

    /// The client's analyzer results as detections (code point offsets to bytes), each checked to
    /// lie inside the text.
    private static func detections(_ results: [[String: JSONDocument.Leaf]], of document: DocumentText, in json: RequestJSON) throws(APIError)
        -> [Detection]
    {
        guard !results.isEmpty else { return [] }
        // The byte offset of each code point offset, and of the end.
        var byteOffsets: [Int] = []
        for (offset, byte) in document.bytes.enumerated() where byte & 0xC0 != 0x80 { byteOffsets.append(offset) }
        byteOffsets.append(document.bytes.count)
        var detections: [Detection] = []
        for (index, result) in results.enumerated() {
            let what = "analyzer_results[\(index)]"
            let entity = try json.text(result["entity_type"], "\(what).entity_type")
            let start = try json.number(result["start"], "\(what).start"), end = try json.number(result["end"], "\(what).end")
            // Compared as numbers before any is made an Int: a client may send any number.
            guard start == start.rounded(), end == end.rounded(), start >= 0, start < end, end < Double(byteOffsets.count) else {
                throw .badRequest("\(what): start and end must be whole code point offsets with 0 ≤ start < end ≤ the text's length")
            }
            let isNameByte = { (byte: UInt8) in (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F }
            guard !entity.isEmpty, entity.utf8.allSatisfy(isNameByte) else {
                throw .badRequest("\(what).entity_type must be a name of capitals, digits and underscores (as PERSON)")
            }
            let range = byteOffsets[Int(start)]..<byteOffsets[Int(end)]
            detections.append(
                Detection(
                    range: range, entity: EntityType(rawValue: entity), score: 1, pluginID: "presidio-client", rule: "analyzer_results",
                    canonical: String(decoding: document.bytes[range], as: UTF8.self)))
        }
        return detections
    }
}
