import Crypto
import Foundation
package import VeilCore
package import VeilFormats

/// What `--report FILE.json` says of a run: per input, the documents read, the findings by entity,
/// plugin and action, and the records left out with their places; the policy's name and a hash of
/// its file, the key's fingerprint (never the key), and the time taken. It never holds a value
/// from a document: counts, names of entities and plugins, and file places only.
///
/// Fed on the thread that writes the output, in input order.
package final class RunReport {
    struct Input {
        let file: String
        var documents = 0
        var findings = 0
        var byEntity: [String: Int] = [:]
        var byPlugin: [String: Int] = [:]
        var byAction: [String: Int] = [:]
        var skipped: [InputError] = []
    }

    private let command: String
    /// The engine of the run; nil while it is being made, and for a run that stopped before it was.
    package var engine: Engine?
    private let started = Date()
    private var inputs: [Input] = []
    /// Set when the run stopped on an error.
    package var error: String?
    /// Set once the report is written, so a command writes it once whichever way it stops.
    package var isWritten = false

    package init(command: String, engine: Engine? = nil) {
        self.command = command
        self.engine = engine
    }

    /// Starts counting the input `file`.
    package func begin(_ file: String) {
        inputs.append(Input(file: file))
    }

    /// Counts one document (or record) and its findings.
    package func count(_ findings: [Finding]) {
        guard !inputs.isEmpty else { return }
        inputs[inputs.count - 1].documents += 1
        inputs[inputs.count - 1].findings += findings.count
        for finding in findings {
            inputs[inputs.count - 1].byEntity[finding.entity.rawValue, default: 0] += 1
            inputs[inputs.count - 1].byPlugin[finding.plugin, default: 0] += 1
            if command == "anonymize", let engine {
                inputs[inputs.count - 1].byAction[engine.policy.rule(for: finding.entity).action.name, default: 0] += 1
            }
        }
    }

    /// Notes a document or record left out (`--on-error skip`).
    package func skipped(_ error: InputError) {
        guard !inputs.isEmpty else { return }
        inputs[inputs.count - 1].skipped.append(error)
    }

    /// The report as JSON (one object, keys in a fixed order).
    package func json() -> String {
        var out = "{\n"
        out += "  \"veil_report\": 1,\n"
        out += "  \"command\": \(Self.string(command)),\n"
        if let engine {
            out +=
                "  \"policy\": {\"name\": \(Self.string(engine.policy.name)), \"file\": \(Self.string(engine.policy.path)), \"sha256\": \(Self.string(Self.hash(of: engine.policy.path)))},\n"
            out += "  \"key_fingerprint\": \(Self.string(engine.key.fingerprint)),\n"
        } else {
            // The run stopped before its policy and key were loaded (the error says why).
            out += "  \"policy\": null,\n  \"key_fingerprint\": null,\n"
        }
        out += "  \"started\": \(Self.string(ISO8601DateFormatter().string(from: started))),\n"
        out += "  \"seconds\": \(String(format: "%.3f", Date().timeIntervalSince(started))),\n"
        if let error { out += "  \"error\": \(Self.string(error)),\n" }
        out += inputs.isEmpty ? "  \"inputs\": [],\n" : "  \"inputs\": [\n"
        out += inputs.map { input in
            "    {\"file\": \(Self.string(input.file)), \"documents\": \(input.documents), \"findings\": \(input.findings), "
                + "\"by_entity\": \(Self.object(input.byEntity)), \"by_plugin\": \(Self.object(input.byPlugin))"
                + (command == "anonymize" ? ", \"by_action\": \(Self.object(input.byAction))" : "")
                + ", \"skipped\": ["
                + input.skipped.map { error in
                    "{\"line\": \(error.line.map(String.init) ?? "null"), \"column\": \(error.column.map(String.init) ?? "null"), \"message\": \(Self.string(error.message))}"
                }.joined(separator: ", ") + "]}"
        }.joined(separator: ",\n")
        if !inputs.isEmpty { out += "\n  ],\n" }
        var total = Input(file: "")
        for input in inputs {
            total.documents += input.documents
            total.findings += input.findings
            total.byEntity.merge(input.byEntity, uniquingKeysWith: +)
            total.byPlugin.merge(input.byPlugin, uniquingKeysWith: +)
            total.byAction.merge(input.byAction, uniquingKeysWith: +)
            total.skipped += input.skipped
        }
        out +=
            "  \"totals\": {\"documents\": \(total.documents), \"findings\": \(total.findings), \"skipped\": \(total.skipped.count), "
            + "\"by_entity\": \(Self.object(total.byEntity)), \"by_plugin\": \(Self.object(total.byPlugin))"
            + (command == "anonymize" ? ", \"by_action\": \(Self.object(total.byAction))" : "") + "}\n"
        out += "}\n"
        return out
    }

    /// SHA-256 of the policy file (hex), or "built-in" when it cannot be read.
    private static func hash(of path: String) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { return "unreadable" }
        return SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    private static func object(_ counts: [String: Int]) -> String {
        "{" + counts.sorted { $0.key < $1.key }.map { "\(string($0.key)): \($0.value)" }.joined(separator: ", ") + "}"
    }

    private static func string(_ text: String) -> String {
        String(decoding: JSONDocument.encodeString(text), as: UTF8.self)
    }
}
