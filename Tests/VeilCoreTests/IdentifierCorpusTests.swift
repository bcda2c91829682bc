import Foundation
import Testing

@testable import VeilCore

/// Recall and precision of the identifier plugins under the default policy, per entity, on a
/// generated corpus with hard negatives: exact span and entity must match.
@Suite struct IdentifierCorpusTests {
    struct Score {
        var truePositives = 0, falsePositives = 0, falseNegatives = 0
        var precision: Double { truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives) }
        var recall: Double { truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives) }
    }

    @Test(arguments: [20_251_129, 7])
    func identifiersAreFoundWithHighRecallAndPrecision(seed: UInt64) throws {
        var corpus = IdentifierCorpus(seed: seed)
        let documents = corpus.documents(count: 3000)
        let engine = try Shipped.engine()
        var scores: [EntityType: Score] = [:]
        var misses: [String] = []
        for document in documents {
            let text = DocumentText(document.text)
            // Names and places are scored by their own evaluation (veil eval); here only the identifiers count.
            let found = try engine.analyze(text).filter { $0.entity != .location && $0.entity != .person }
            var unmatched = found
            for gold in document.gold {
                if let index = unmatched.firstIndex(where: { $0.range == gold.range && $0.entity == gold.entity }) {
                    scores[gold.entity, default: Score()].truePositives += 1
                    unmatched.remove(at: index)
                } else {
                    scores[gold.entity, default: Score()].falseNegatives += 1
                    if misses.count < 400 { misses.append("missed \(gold.entity): «\(String(decoding: text.bytes[gold.range], as: UTF8.self))» in «\(document.text)»") }
                }
            }
            for spurious in unmatched {
                scores[spurious.entity, default: Score()].falsePositives += 1
                if misses.count < 400 {
                    misses.append("spurious \(spurious.entity): «\(String(decoding: text.bytes[spurious.range], as: UTF8.self))» in «\(document.text)»")
                }
            }
        }
        for (entity, score) in scores.sorted(by: { $0.key < $1.key }) {
            #expect(score.recall >= 0.99, "\(entity) recall \(score.recall) (\(score.truePositives) found, \(score.falseNegatives) missed)")
            #expect(score.precision >= 0.98, "\(entity) precision \(score.precision) (\(score.falsePositives) spurious)")
        }
        if let path = ProcessInfo.processInfo.environment["VEIL_CORPUS_DEBUG"] {
            try misses.joined(separator: "\n---\n").write(toFile: path, atomically: true, encoding: .utf8)
        }
        let covered: Set<EntityType> = [
            .phoneNumber, .qqNumber, .wechatID, .emailAddress, .residentID, .bankCard, .licensePlate,
            .passport, .hongKongID, .taiwanID, .ipAddress
        ]
        #expect(Set(scores.keys) == covered, "the corpus covers every identifier entity, and nothing else is found")
        if scores.values.contains(where: { $0.recall < 0.99 || $0.precision < 0.98 }) {
            Issue.record(Comment(rawValue: "examples:\n" + misses.joined(separator: "\n")))
        }
    }
}
