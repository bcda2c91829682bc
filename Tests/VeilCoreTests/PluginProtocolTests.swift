import Foundation
import Testing

@testable import VeilCore

/// The process plugin protocol's reader on lines a plugin could write (the fuzz target
/// `fuzz-protocol` tries the rest): what is refused, and what of a plugin's words reaches Veil.
@Suite struct PluginProtocolTests {
    let declared: Set<EntityType> = [EntityType("PERSON"), EntityType("LOCATION")]

    func answer(_ json: String, lengths: [Int] = [20]) throws(PluginProcess.Failure) -> [[PluginProcess.Finding]] {
        try PluginProtocol.readAnswer(Array(json.utf8), id: 1, lengths: lengths, greeted: declared)
    }

    func refusal(_ json: String, lengths: [Int] = [20]) -> String? {
        do { _ = try answer(json, lengths: lengths); return nil } catch { return error.message }
    }

    @Test func aWellFormedAnswerGivesEachDocumentItsFindings() throws {
        let findings = try answer(
            #"{"id": 1, "results": [{"id": "1", "findings": []}, {"id": "0", "findings": [{"start": 2, "end": 5, "entity": "PERSON", "score": 0.8, "rule": "ner-v2.1"}]}]}"#,
            lengths: [20, 4])
        #expect(findings == [[PluginProcess.Finding(start: 2, end: 5, entity: EntityType("PERSON"), score: 0.8, rule: "ner-v2.1")], []])
    }

    @Test func answersAgainstTheProtocolAreRefused() {
        #expect(refusal(#"{"id": 2, "results": []}"#)?.contains("answered request 2 when 1 was asked") == true)
        #expect(
            refusal(#"{"id": 1, "results": [{"id": "0", "findings": [{"start": 5, "end": 21, "entity": "PERSON", "score": 1}]}]}"#)?.contains("outside a text of 20")
                == true)
        #expect(
            refusal(#"{"id": 1, "results": [{"id": "0", "findings": [{"start": 1, "end": 2, "entity": "EMAIL", "score": 1}]}]}"#)?.contains(
                "entity EMAIL it did not greet with") == true)
        #expect(refusal(#"{"id": 1, "results": [{"id": "0", "findings": []}, {"id": "0", "findings": []}]}"#)?.contains("twice") == true)
        #expect(refusal(#"{"id": 1, "results": []}"#)?.contains("without a result") == true)
        #expect(refusal("not json")?.contains("not a protocol answer") == true)
    }

    @Test func aPluginCannotFloodADocumentWithFindings() {
        let findings = (0..<5).map { _ in #"{"start": 0, "end": 1, "entity": "PERSON", "score": 1}"# }.joined(separator: ",")
        #expect(refusal(#"{"id": 1, "results": [{"id": "0", "findings": [\#(findings)]}]}"#, lengths: [4])?.contains("5 findings in a text of 4 characters") == true)
    }

    /// A plugin's error text, unknown entity names and rule names reach errors and reports only
    /// when they cannot be a quotation of the document.
    @Test func aPluginsWordsThatCouldQuoteTheDocumentAreNotPassedOn() throws {
        let error = refusal(#"{"id": 1, "error": "cannot parse 王小明 13812345678"}"#)
        #expect(error != nil && !error!.contains("王小明"))
        let entity = refusal(#"{"id": 1, "results": [{"id": "0", "findings": [{"start": 1, "end": 2, "entity": "王小明 13812345678", "score": 1}]}]}"#)
        #expect(entity != nil && !entity!.contains("王小明"))
        let findings = try answer(#"{"id": 1, "results": [{"id": "0", "findings": [{"start": 1, "end": 4, "entity": "PERSON", "score": 1, "rule": "王小明 said"}]}]}"#)
        #expect(findings[0][0].rule == "(rule name not shown)")
        do {
            _ = try PluginProtocol.readGreeting(Array(#"{"protocol": 1, "entities": ["PERSON", "王小明"]}"#.utf8), declared: declared)
            Issue.record("an undeclared entity was accepted")
        } catch {
            #expect(!error.message.contains("王小明"))
        }
    }
}
