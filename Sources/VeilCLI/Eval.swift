import ArgumentParser
import Foundation
import VeilCore
import VeilFormats

/// `veil eval`: precision, recall and F1 per entity against gold spans.
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score the policy against gold spans: precision, recall and F1 per entity, exact and overlapping; with --leaks, what it leaves in clear.",
        discussion: """
            GOLD is JSONL, one document per line: {"id": …, "text": …, "spans": [{"start": …, "end": …, "entity": …}]}, \
            offsets in Unicode code points, end exclusive. Missed and spurious examples are printed with their \
            context: this output shows the gold text, so run it on evaluation data, not on data to be released.

            --leaks adds, per gold entity, the share of gold spans that findings of any entity cover entirely, \
            and the share of gold characters no finding covers: the figures a data steward signs off. \
            --json prints every figure as one JSON object, without examples.
            """)

    @OptionGroup var engineOptions: EngineOptions

    @Option(name: .long, help: "The gold JSONL file.")
    var gold: String

    @Option(name: .long, parsing: .upToNextOption, help: "Entity types to score (default: every type in gold or findings).")
    var entities: [String] = []

    @Option(name: .long, help: "How many missed and how many spurious examples to print.")
    var examples: Int = 8

    @Flag(name: .long, help: "Also report what is left in clear: gold spans fully covered by any finding, gold characters not covered.")
    var leaks = false

    @Flag(name: .long, help: "Print the figures as JSON (no examples).")
    var json = false

    @Flag(name: .long, help: "Count a written chain of places (江西省赣州市于都县, nothing between) as one place, in the gold and in the findings alike.")
    var placeChains = false

    func run() throws {
        try reportingErrors {
            let engine = try engineOptions.makeEngine()
            let documents = try GoldReader.read(path: gold)
            let wanted = entities.isEmpty ? nil : Set(entities.flatMap { $0.split(separator: ",") }.map { EntityType(String($0)) })
            let evaluation = try Evaluation.run(engine, on: documents, entities: wanted, examplesPerKind: examples, placeChains: placeChains)
            Console.output(json ? EvaluationTable.json(evaluation) : EvaluationTable.render(evaluation, leaks: leaks))
        }
    }
}

/// The report `veil eval` prints.
enum EvaluationTable {
    static func render(_ evaluation: Evaluation, leaks: Bool = false) -> String {
        func percent(_ value: Double) -> String { String(format: "%.3f", value) }
        var rows: [[String]] = [["ENTITY", "GOLD", "FOUND", "EXACT P", "R", "F1", "OVERLAP P", "R", "F1"]]
        let entries = evaluation.counts.sorted { $0.key < $1.key }.map { ($0.key.rawValue, $0.value) } + [("ALL", evaluation.total)]
        for (name, c) in entries {
            rows.append([
                name, String(c.gold), String(c.predicted), percent(c.exactPrecision), percent(c.exactRecall), percent(c.exactF1),
                percent(c.overlapPrecision), percent(c.overlapRecall), percent(c.overlapF1)
            ])
        }
        var out = "\(evaluation.documents) documents\n" + table(rows)
        if leaks {
            var leakRows: [[String]] = [["ENTITY", "GOLD", "COVERED", "COVERAGE", "CHARACTERS", "IN CLEAR", "CLEAR SHARE"]]
            let entries = evaluation.leaks.sorted { $0.key < $1.key }.map { ($0.key.rawValue, $0.value) } + [("ALL", evaluation.totalLeaks)]
            for (name, l) in entries {
                leakRows.append([
                    name, String(l.spans), String(l.coveredSpans), String(format: "%.4f", l.coverage), String(l.characters),
                    String(l.clearCharacters), String(format: "%.4f", l.clearShare)
                ])
            }
            out += "\nleft in clear (a gold span is covered when findings of any entity cover all of it):\n" + table(leakRows)
        }
        for kind in leaks ? [Evaluation.Example.Kind.leaked, .spurious] : [.missed, .spurious] {
            let examples = (kind == .leaked ? evaluation.leakedExamples : evaluation.examples).filter { $0.kind == kind }
            guard !examples.isEmpty else { continue }
            out += "\n\(kind.rawValue):\n"
            for example in examples {
                out += "  [\(example.entity.rawValue)] \(example.documentID): …\(example.before)【\(example.span)】\(example.after)…\n"
            }
        }
        return out
    }

    /// Columns padded to their widest cell; the first left-aligned, the others (figures) right-aligned.
    private static func table(_ rows: [[String]]) -> String {
        TextTable(rows: rows, alignments: [.left] + Array(repeating: .right, count: rows[0].count - 1)).rendered()
    }

    /// Every figure as one JSON object: `{"documents", "entities": {NAME: {...}}, "all": {...}}`.
    static func json(_ evaluation: Evaluation) -> String {
        func figures(_ c: Evaluation.Counts?, _ l: Evaluation.Leaks?) -> [String: Any] {
            var out: [String: Any] = [:]
            if let c {
                out.merge([
                    "gold": c.gold, "found": c.predicted, "exact_precision": c.exactPrecision, "exact_recall": c.exactRecall,
                    "exact_f1": c.exactF1, "overlap_precision": c.overlapPrecision, "overlap_recall": c.overlapRecall,
                    "overlap_f1": c.overlapF1
                ]) { a, _ in a }
            }
            if let l {
                out.merge([
                    "gold_spans": l.spans, "covered_spans": l.coveredSpans, "coverage": l.coverage,
                    "gold_characters": l.characters, "clear_characters": l.clearCharacters, "clear_share": l.clearShare
                ]) { a, _ in a }
            }
            return out
        }
        let names = Set(evaluation.counts.keys).union(evaluation.leaks.keys).sorted()
        var entities: [String: Any] = [:]
        for name in names { entities[name.rawValue] = figures(evaluation.counts[name], evaluation.leaks[name]) }
        let object: [String: Any] = [
            "documents": evaluation.documents, "entities": entities,
            "all": figures(evaluation.total, evaluation.totalLeaks)
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
