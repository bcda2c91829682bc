import ArgumentParser
import Foundation
import VeilCore
import VeilFormats

/// `veil eval`: precision, recall and F1 per entity against gold spans.
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score the policy against gold spans: precision, recall and F1 per entity, exact and overlapping.",
        discussion: """
        GOLD is JSONL, one document per line: {"id": …, "text": …, "spans": [{"start": …, "end": …, "entity": …}]}, \
        offsets in Unicode code points, end exclusive. Missed and spurious examples are printed with their \
        context: this output shows the gold text, so run it on evaluation data, not on data to be released.
        """)

    @OptionGroup var engineOptions: EngineOptions

    @Option(name: .long, help: "The gold JSONL file.")
    var gold: String

    @Option(name: .long, parsing: .upToNextOption, help: "Entity types to score (default: every type in gold or findings).")
    var entities: [String] = []

    @Option(name: .long, help: "How many missed and how many spurious examples to print.")
    var examples: Int = 8

    func run() throws {
        try reportingErrors {
            let engine = try engineOptions.makeEngine()
            let documents = try GoldReader.read(path: gold)
            let wanted = entities.isEmpty ? nil : Set(entities.flatMap { $0.split(separator: ",") }.map { EntityType(String($0)) })
            let evaluation = try Evaluation.run(engine, on: documents, entities: wanted, examplesPerKind: examples)
            Console.output(EvaluationTable.render(evaluation))
        }
    }
}

/// The report `veil eval` prints.
enum EvaluationTable {
    static func render(_ evaluation: Evaluation) -> String {
        func percent(_ value: Double) -> String { String(format: "%.3f", value) }
        var rows: [[String]] = [["ENTITY", "GOLD", "FOUND", "EXACT P", "R", "F1", "OVERLAP P", "R", "F1"]]
        let entries = evaluation.counts.sorted { $0.key < $1.key }.map { ($0.key.rawValue, $0.value) } + [("ALL", evaluation.total)]
        for (name, c) in entries {
            rows.append([name, String(c.gold), String(c.predicted), percent(c.exactPrecision), percent(c.exactRecall), percent(c.exactF1),
                         percent(c.overlapPrecision), percent(c.overlapRecall), percent(c.overlapF1)])
        }
        let widths = (0..<rows[0].count).map { column in rows.map { $0[column].count }.max() ?? 0 }
        var out = "\(evaluation.documents) documents\n"
        for row in rows {
            out += zip(row, widths).enumerated().map { index, pair in
                index == 0 ? pair.0.padding(toLength: pair.1, withPad: " ", startingAt: 0)
                           : String(repeating: " ", count: pair.1 - pair.0.count) + pair.0
            }.joined(separator: "  ") + "\n"
        }
        for kind in [Evaluation.Example.Kind.missed, .spurious] {
            let examples = evaluation.examples.filter { $0.kind == kind }
            guard !examples.isEmpty else { continue }
            out += "\n\(kind.rawValue):\n"
            for example in examples {
                out += "  [\(example.entity.rawValue)] \(example.documentID): …\(example.before)【\(example.span)】\(example.after)…\n"
            }
        }
        return out
    }
}
