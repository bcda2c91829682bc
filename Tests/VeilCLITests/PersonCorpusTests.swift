import Foundation
import Testing

/// `veil eval --leaks` on the person-mention corpus of Chinese forum posts and transcripts
/// (Tests/Corpora/names: forum_names.py writes `dev`, `heldout`, `heldout2` and `heldout3` from frames written
/// apart, with Faker's names). The floors are the figures the current build reaches, a little
/// below: every split's misses have been read by now, so they guard against regressions; the
/// corpus's README gives the figure each split reached before it was read.
@Suite struct PersonCorpusTests {
    static let floors: [String: Double] = ["dev": 0.97, "heldout": 0.87, "heldout2": 0.92, "heldout3": 0.95]

    @Test(arguments: ["dev", "heldout", "heldout2", "heldout3"])
    func personMentionsAreCovered(_ split: String) throws {
        let result = try VeilRunner.run(["eval", "--leaks", "--json", "--gold", "Tests/Corpora/names/\(split).jsonl", "--entities", "PERSON"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let person = (object?["entities"] as? [String: [String: Any]])?["PERSON"] ?? [:]
        let coverage = (person["coverage"] as? NSNumber)?.doubleValue ?? 0
        let precision = (person["overlap_precision"] as? NSNumber)?.doubleValue ?? 0
        #expect(coverage >= Self.floors[split] ?? 1, "\(split): person mentions covered \(coverage)")
        #expect(precision >= 0.99, "\(split): findings that overlap a person \(precision)")
    }
}
