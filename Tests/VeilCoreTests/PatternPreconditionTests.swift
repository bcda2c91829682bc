import Foundation
import PCRE2
import Testing
import VeilTestSupport

@testable import VeilCore
@testable import VeilRecognizers

/// A pattern plugin passes over a pattern whose needed bytes a text lacks (``Pattern/canMatch(inTextHolding:)``):
/// every shipped pattern and anchor, on the test corpora and every plugin's examples, matches
/// nothing in a text it was passed over for.
@Suite struct PatternPreconditionTests {
    @Test func noShippedPatternIsPassedOverWhereItMatches() throws {
        let catalog = try PluginCatalog.standard(environment: [:])
        var texts = catalog.sorted.flatMap { ($0.manifest.matchExamples + $0.manifest.noMatchExamples).map(\.text) }
        for corpus in ["international/records.jsonl", "names/dev.jsonl", "addresses/addresses-dev.jsonl", "international/prose-world.jsonl"] {
            texts += try Corpora.texts(corpus, limit: 300)
        }
        #expect(texts.count > 1_000)
        var checked = 0, passedOver = 0
        for plugin in catalog.sorted where plugin.manifest.kind == .patterns {
            let recognizer = try #require(try plugin.makeRecognizer() as? PatternRecognizer)
            let patterns = recognizer.rules.flatMap { [$0.pattern] + ($0.anchor.map { [$0.pattern] } ?? []) }
            for text in texts {
                let view = DocumentText(text).view(recognizer.normalization).bytes
                let held = view.withUnsafeBufferPointer { ByteSet(of: $0) }
                for pattern in patterns {
                    checked += 1
                    guard !pattern.canMatch(inTextHolding: held) else { continue }
                    passedOver += 1
                    let matches = try view.withUnsafeBufferPointer { try pattern.matchRanges(in: $0) }
                    #expect(matches.isEmpty, "\(plugin.id): \(pattern.source) matches a text it was passed over for")
                }
            }
        }
        // Most short texts lack what most patterns need.
        #expect(passedOver * 3 > checked, "\(passedOver) of \(checked)")
    }
}
