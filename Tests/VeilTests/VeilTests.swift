import Foundation
import Testing
import Veil

/// The library API as a pipeline uses it: `import Veil` only.
@Suite struct VeilTests {
    static let key = PseudonymKey(secret: Array("a library test key, long enough".utf8))

    @Test func anEngineFromPolicyTextAnalyzesAndAnonymizes() throws {
        let veil = try Veil(policy: .text("version: 1\nextends: default\n"), key: Self.key, environment: [:])
        let findings = try veil.analyze("电话13812345678微信同号")
        #expect(findings.map(\.entity) == [.phoneNumber])
        #expect(findings.first.map { [$0.start, $0.end] } == [2, 13])
        let result = try veil.anonymize("卢立兵说，老卢会来。电话13812345678")
        #expect(!result.text.contains("卢立兵") && !result.text.contains("13812345678"))
        // The same person, the same pseudonym, in a later document of the same value.
        let again = try veil.anonymize("卢立兵说，老卢会来。电话13812345678")
        #expect(again.text == result.text)
    }

    @Test func theStreamKeepsTheInputOrderAndOnePseudonymPerPerson() async throws {
        let veil = try Veil(key: Self.key, environment: [:])
        let texts = (0..<300).map { "第\($0)条：卢立兵的电话是1381234\(String(format: "%04d", $0 % 50))" }
        let documents = AsyncStream<String> { continuation in
            for text in texts { continuation.yield(text) }
            continuation.finish()
        }
        var results: [String] = []
        for try await result in veil.anonymize(documents, batchSize: 32) { results.append(result.text) }
        #expect(results.count == texts.count)
        for (index, text) in results.enumerated() {
            #expect(text.hasPrefix("第\(index)条："))
            #expect(text == (try veil.anonymize(texts[index]).text))
        }
    }

    /// A transcript split in two and anonymized part by part with one context is anonymized as
    /// the whole: 老卢 and "Lu Libing" in the second part are the 卢立兵 of the first.
    @Test func oneContextLinksAPersonAcrossDocuments() throws {
        let veil = try Veil(key: Self.key, environment: [:])
        let parts = ["记者：卢立兵，你好。\n卢立兵：你好。\n", "记者：老卢，说说论坛。\n卢先生说：Lu Libing is my name.\n"]
        let whole = try veil.anonymize(parts.joined()).text
        var context = DocumentContext()
        let linked = try parts.map { try veil.anonymize($0, context: &context).text }.joined()
        #expect(linked == whole)
        #expect(!linked.contains("卢") && !linked.contains("Lu "))
    }

    /// The elements of a stream know the people of the elements before: a transcript streamed
    /// line by line gets the pseudonyms of the whole, whatever the batch size.
    @Test func theStreamLinksAPersonAcrossElements() async throws {
        let veil = try Veil(key: Self.key, environment: [:])
        let lines = ["记者：卢立兵，你好。", "卢立兵：你好。", "记者：老卢，说说论坛。", "卢先生说：Lu Libing is my name."]
        let whole = try veil.anonymize(lines.joined(separator: "\n")).text
        for batchSize in [1, 3, 64] {
            let documents = AsyncStream<String> { continuation in
                for line in lines { continuation.yield(line) }
                continuation.finish()
            }
            var streamed: [String] = []
            for try await result in veil.anonymize(documents, batchSize: batchSize) { streamed.append(result.text) }
            #expect(streamed.joined(separator: "\n") == whole, "batch size \(batchSize)")
        }
        #expect(!whole.contains("卢") && !whole.contains("Lu "), "\(whole)")
    }

    /// A stream stops at the first document that cannot be scanned, after yielding those before it.
    @Test func theStreamStopsAtTheFirstDocumentThatFails() async throws {
        struct Refuses: Recognizer {
            let pluginID = "refuses"
            func recognize(_ document: DocumentText) throws -> [Detection] {
                if String(decoding: document.bytes, as: UTF8.self).contains("坏") { throw RecognizerError(pluginID: pluginID, message: "refused") }
                return []
            }
        }
        let plugin = CodePlugin(id: "refuses", entities: [.person]) { Refuses() }
        let veil = try Veil(policy: .text("version: 1\nplugins: [phone-cn, refuses]\n"), key: Self.key, plugins: [plugin], environment: [:])
        let texts = ["好1", "好2", "坏3", "好4", "坏5"]
        let documents = AsyncStream<String> { continuation in
            for text in texts { continuation.yield(text) }
            continuation.finish()
        }
        var yielded: [String] = []
        do {
            for try await result in veil.anonymize(documents, batchSize: 8) { yielded.append(result.text) }
            Issue.record("the stream did not fail")
        } catch let error as VeilError {
            guard case .document(let index, _) = error else { Issue.record("\(error)"); return }
            #expect(index == 2)
        }
        #expect(yielded == ["好1", "好2"])
    }

    @Test func mistakesAreTyped() async throws {
        do {
            _ = try Veil(policy: .text("version: 1\nplugins: [phone-cn, no-such-plugin]\n"), environment: [:])
            Issue.record("a policy with an unknown plugin was accepted")
        } catch let error as VeilError {
            guard case .configuration(let problem) = error else { Issue.record("expected a configuration error, got \(error)"); return }
            #expect(problem.description.contains("<policy text>:2:") && problem.description.contains("unknown plugin 'no-such-plugin'"))
        }
    }

    /// The patterns a newcomer writes compile and say what is wrong: `catch let error as VeilError`
    /// around a throwing call, and a policy file that is not where the program runs.
    @Test func theNaturalCatchCompilesAndAMissingFileSaysWhereItLooked() throws {
        do {
            _ = try Veil(policy: .file("no-such-policy.yaml"), environment: [:])
            Issue.record("a missing policy file was accepted")
        } catch let error as VeilError {
            let message = error.description
            #expect(message.hasPrefix("no-such-policy.yaml: error: no such file (looked for in "), "\(message)")
        }
    }

    @Test func aSwiftPluginIsSelectedByThePolicy() throws {
        struct Tickets: Recognizer {
            let pluginID = "ticket"
            func recognize(_ document: DocumentText) throws -> [Detection] {
                guard let start = document.string.range(of: "TICKET-42") else { return [] }
                let lower = document.string.utf8.distance(from: document.string.startIndex, to: start.lowerBound)
                return [Detection(range: lower..<lower + 9, entity: "TICKET", score: 0.9, pluginID: pluginID, rule: "t", canonical: "42")]
            }
        }
        let veil = try Veil(
            policy: .text("version: 1\nplugins: [ticket]\nentities: {TICKET: {action: replace, with: \"[T]\"}}\n"),
            plugins: [CodePlugin(id: "ticket", entities: ["TICKET"]) { Tickets() }], environment: [:])
        #expect(try veil.anonymize("see TICKET-42 now").text == "see [T] now")
    }
}
