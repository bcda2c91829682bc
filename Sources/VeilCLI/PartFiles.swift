import Foundation
import VeilCore
import VeilFormats

/// The JSON-lines files the parts of a dataset exchange (Docs/partitioned-runs.md): a JSON object
/// per line, keys sorted.
enum JSONLines {
    /// `value` as one line, with its line break.
    static func line(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(value)) ?? Data("{}".utf8), as: UTF8.self) + "\n"
    }

    /// The lines of the file at `path`, each decoded as `Line` and accepted by `isValid`; any other
    /// is an error naming its line and saying which command writes such a file.
    static func read<Line: Decodable>(_ path: String, as _: Line.Type, expected: String, isValid: (Line) -> Bool = { _ in true }) throws -> [Line] {
        let reader = try LineReader(path: path)
        let decoder = JSONDecoder()
        var lines: [Line] = []
        while let bytes = try reader.nextLine() {
            guard !bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) else { continue }
            guard let line = try? decoder.decode(Line.self, from: Data(bytes)), isValid(line) else {
                throw InputError(file: path, line: reader.lineNumber, message: "expected \(expected)")
            }
            lines.append(line)
        }
        return lines
    }

    /// Writes `lines` to `path` (standard output for nil), put in place only once whole.
    static func write(_ lines: [String], to path: String?) throws {
        guard let path else { return Console.output(lines.joined()) }
        let file = try AtomicOutput(destination: path)
        defer { file.abandon() }
        for line in lines { try file.write(line) }
        try file.commit()
    }
}

/// The file of entity-field values `veil values` writes and `--known-values` reads:
/// `{"entity":"PERSON","value":"王建国"}`. It holds original values: it is as sensitive as the
/// dataset.
enum EntityValuesFile {
    struct Line: Codable {
        let entity: String
        let value: String
    }

    static func line(_ text: String, entity: EntityType) -> String { JSONLines.line(Line(entity: entity.rawValue, value: text)) }

    static func read(_ path: String) throws -> EntityValues {
        var values = EntityValues()
        for line in try JSONLines.read(path, as: Line.self, expected: "an entity value as `veil values` writes") {
            values.insert(line.value, entity: EntityType(line.entity))
        }
        return values
    }
}

/// The settlement file `veil settle` writes and `--settlement` reads:
/// `{"attempt":1,"entity":"PERSON","original":"<keyed hash>"}` for each original that does not take
/// its first draw. It holds no original value.
enum SettlementFile {
    struct Line: Codable {
        let attempt: Int
        let entity: String
        let original: String
    }

    /// The file's lines, sorted by id.
    static func lines(_ settlement: Settlement) -> [String] {
        settlement.attempts.sorted(by: { $0.key < $1.key }).map { id, attempt in
            JSONLines.line(Line(attempt: attempt, entity: settlement.entities[id]?.rawValue ?? "", original: id))
        }
    }

    static func read(_ path: String, key: PseudonymKey) throws -> Settlement {
        var settlement = Settlement(key: key)
        let lines = try JSONLines.read(path, as: Line.self, expected: "a settlement line as `veil settle` writes") { line in
            line.attempt > 0 && line.original.utf8.count == 32
        }
        for line in lines { settlement.set(id: line.original, attempt: line.attempt) }
        return settlement
    }
}

/// The claims file `veil anonymize --claims` writes and `veil settle` reads (``PseudonymClaim``,
/// in the order the part met them). It holds original values.
enum ClaimsFile {
    static func read(_ path: String) throws -> [PseudonymClaim] {
        try JSONLines.read(path, as: PseudonymClaim.self, expected: "a claim as `veil anonymize --claims` writes")
    }
}
