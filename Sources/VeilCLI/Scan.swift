import ArgumentParser
import VeilCore
import VeilFormats

/// `veil scan`: lists what was found, never the found text itself.
struct Scan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "List the personal data found in each document (positions and types, never the text).")

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case table, json, jsonl }

    @OptionGroup var engineOptions: EngineOptions
    @OptionGroup var input: InputOptions
    @OptionGroup(title: "A part of a dataset") var part: PartOptions

    @Option(name: .long, help: "table (for people), json or jsonl (one line per document; offsets in code points).")
    var format: OutputFormat = .table

    func run() throws {
        try reportingErrors {
            try input.withReport("scan") { report in
                let engine = try engineOptions.makeEngine(pseudonymizing: false)
                var failed = 0
                let readers = try input.readers(startingAt: part.inputOffset)
                let tracking = input.tracking(report, engine: engine, readers: readers)
                var pipeline = input.pipeline(Anonymizer(engine: engine)) { error in
                    failed += 1
                    tracking.skipped(error)
                    Console.error(error.description)
                }
                tracking.attach(to: &pipeline)
                pipeline.known = try part.knownValues(pipeline, files: input.files)
                var table = FindingsTable()
                var first = true
                if format == .json { Console.output("[") }
                try input.run(readers, tracking: tracking) { _, reader in
                    try pipeline.scan(reader) { document in
                        switch format {
                        case .jsonl:
                            Console.output(FindingsJSON.line(id: document.id, rawID: document.rawID, findings: document.findings, fields: document.fields) + "\n")
                        case .json:
                            Console.output(
                                (first ? "\n  " : ",\n  ")
                                    + FindingsJSON.line(id: document.id, rawID: document.rawID, findings: document.findings, fields: document.fields))
                            first = false
                        case .table:
                            if let page = table.add(document) { Console.output(page) }
                        }
                    }
                }
                switch format {
                case .json: Console.output(first ? "]\n" : "\n]\n")
                case .table: Console.output(table.finish())
                case .jsonl: break
                }
                if failed > 0 {
                    Console.error("veil: \(failed) document\(failed == 1 ? "" : "s") or record\(failed == 1 ? "" : "s") left out (each is listed above with its place)")
                    throw ExitCode(1)
                }
            }
        }
    }
}

/// The table `veil scan` prints for people, a page of rows at a time: memory stays that of one
/// page however many findings a run has. Each page widens the columns as its rows need (a column
/// never narrows), so the rows after a wider cell line up with it and the earlier ones with each
/// other.
struct FindingsTable {
    static let header = ["DOCUMENT", "LINE:COL", "START-END", "ENTITY", "SCORE", "PLUGIN"]
    /// Rows held before they are printed.
    static let pageSize = 1_000

    private var rows: [[String]] = []
    private var widths: [Int] = []
    private var headerPrinted = false
    private var counts: [EntityType: Int] = [:]
    private var documents = 0

    /// Adds a document's findings; returns a page to print once one is full.
    mutating func add(_ document: DocumentPipeline.ScannedDocument) -> String? {
        if !document.continuesText { documents += 1 }
        for (index, finding) in document.findings.enumerated() {
            let field = index < document.fields.count ? document.fields[index].map { " " + $0 } ?? "" : ""
            rows.append([
                document.id + field, "\(finding.line):\(finding.column)", "\(finding.start)-\(finding.end)", finding.entity.rawValue,
                String(format2: finding.score), "\(finding.plugin)/\(finding.rule)"
            ])
            counts[finding.entity, default: 0] += 1
        }
        return rows.count >= Self.pageSize ? page() : nil
    }

    /// The rows not printed yet, then the counts of the whole run.
    mutating func finish() -> String {
        let total = counts.values.reduce(0, +)
        let summary = counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key.rawValue)" }.joined(separator: ", ")
        return page() + "\(total) finding\(total == 1 ? "" : "s") in \(documents) document\(documents == 1 ? "" : "s")"
            + (summary.isEmpty ? "" : ": \(summary)") + "\n"
    }

    /// The rows held, under the header if it is not printed yet.
    private mutating func page() -> String {
        guard !rows.isEmpty else { return "" }
        let lines = headerPrinted ? rows : [Self.header] + rows
        headerPrinted = true
        rows.removeAll(keepingCapacity: true)
        return TextTable(rows: lines).rendered(widening: &widths)
    }
}

private extension String {
    init(format2 value: Double) {
        let hundredths = Int((value * 100).rounded())
        self = "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }
}
