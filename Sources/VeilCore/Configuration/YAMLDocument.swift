import Foundation
import Yams

/// A YAML file read into a node tree that remembers where every value came from, so that each
/// problem found while reading it can be reported as `file:line:col: error: …`.
///
/// Readers call the typed accessors; each one records a diagnostic and returns nil on a bad value,
/// so one pass reports every problem in the file rather than the first.
final class YAMLDocument {
    let path: String
    let root: Node
    private(set) var diagnostics: [Diagnostic] = []

    /// Parses `text`; a syntax error becomes a `ConfigurationError` with its line and column.
    init(path: String, text: String) throws(ConfigurationError) {
        self.path = path
        let composed: Node?
        do {
            // The basic resolver leaves every scalar a string: Veil converts values itself, and Yams'
            // default tag resolution runs regular expressions over every scalar (a third of start-up).
            // The encoding is named: Yams' default reads the whole environment at every document,
            // and prints to standard output (Veil's output) when YAMS_DEFAULT_ENCODING is set.
            composed = try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let error as YamlError {
            throw ConfigurationError(YAMLDocument.diagnostic(for: error, path: path))
        } catch {
            throw ConfigurationError(Diagnostic(file: path, message: "cannot read YAML: \(error)"))
        }
        guard let composed else {
            throw ConfigurationError(Diagnostic(file: path, line: 1, column: 1, message: "the file is empty"))
        }
        self.root = composed
    }

    /// Reads and parses the file at `path`.
    convenience init(contentsOf path: String) throws(ConfigurationError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            // A relative path is read from the current directory: say which one, for a library
            // user whose program runs somewhere else than they think.
            let absolute = path.hasPrefix("/") ? "" : " (looked for in \(FileManager.default.currentDirectoryPath))"
            let exists = FileManager.default.fileExists(atPath: path)
            throw ConfigurationError(Diagnostic(file: path, message: exists ? "cannot read the file" : "no such file\(absolute)"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(Diagnostic(file: path, message: "the file is not valid UTF-8"))
        }
        try self.init(path: path, text: text)
    }

    func error(_ message: String, at node: Node?) {
        diagnostics.append(Diagnostic(file: path, line: node?.mark?.line, column: node?.mark?.column, message: message))
    }

    /// Throws everything recorded so far, if anything.
    func finish() throws(ConfigurationError) {
        if !diagnostics.isEmpty { throw ConfigurationError(diagnostics) }
    }

    // MARK: Typed access

    /// The pairs of a mapping node, in order; reports keys not in `allowed` (when given).
    func mapping(_ node: Node, what: String, allowed: Set<String>? = nil) -> [(key: String, keyNode: Node, value: Node)]? {
        guard case .mapping(let mapping) = node else {
            error("\(what) must be a mapping (key: value lines)", at: node)
            return nil
        }
        var pairs: [(key: String, keyNode: Node, value: Node)] = []
        var seen = Set<String>()
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                error("keys in \(what) must be plain strings", at: keyNode)
                continue
            }
            if !seen.insert(key).inserted {
                error("'\(key)' appears twice in \(what)", at: keyNode)
                continue
            }
            if let allowed, !allowed.contains(key) {
                error(
                    "unknown key '\(key)' in \(what)\(Suggestion.clause(for: key, among: allowed.sorted())); expected one of: \(allowed.sorted().joined(separator: ", "))",
                    at: keyNode)
                continue
            }
            pairs.append((key, keyNode, value))
        }
        return pairs
    }

    func string(_ node: Node, what: String) -> String? {
        guard case .scalar(let scalar) = node, scalar.style != .plain || !scalar.string.isEmpty else {
            error("\(what) must be a string", at: node)
            return nil
        }
        return scalar.string
    }

    func double(_ node: Node, what: String, in range: ClosedRange<Double>? = nil) -> Double? {
        guard case .scalar(let scalar) = node, let value = Double(scalar.string) else {
            error("\(what) must be a number", at: node)
            return nil
        }
        if let range, !range.contains(value) {
            error("\(what) must be between \(range.lowerBound) and \(range.upperBound), not \(scalar.string)", at: node)
            return nil
        }
        return value
    }

    func int(_ node: Node, what: String, in range: ClosedRange<Int>? = nil) -> Int? {
        guard case .scalar(let scalar) = node, let value = Int(scalar.string) else {
            error("\(what) must be a whole number", at: node)
            return nil
        }
        if let range, !range.contains(value) {
            error("\(what) must be between \(range.lowerBound) and \(range.upperBound), not \(value)", at: node)
            return nil
        }
        return value
    }

    func bool(_ node: Node, what: String) -> Bool? {
        guard case .scalar(let scalar) = node else {
            error("\(what) must be true or false", at: node)
            return nil
        }
        switch scalar.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            error("\(what) must be true or false, not '\(scalar.string)'", at: node)
            return nil
        }
    }

    /// A list of strings; a single string is accepted as a list of one.
    func strings(_ node: Node, what: String) -> [(value: String, node: Node)]? {
        switch node {
        case .scalar:
            return string(node, what: what).map { [($0, node)] }
        case .sequence(let sequence):
            var values: [(value: String, node: Node)] = []
            for item in sequence {
                if let value = string(item, what: "each item of \(what)") { values.append((value, item)) }
            }
            return values
        default:
            error("\(what) must be a list of strings", at: node)
            return nil
        }
    }

    func sequence(_ node: Node, what: String) -> [Node]? {
        guard case .sequence(let sequence) = node else {
            error("\(what) must be a list", at: node)
            return nil
        }
        return Array(sequence)
    }

    private static func diagnostic(for error: YamlError, path: String) -> Diagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return Diagnostic(file: path, line: mark.line, column: mark.column, message: "invalid YAML: \(problem)")
        case .reader(let problem, let offset, _, _):
            return Diagnostic(file: path, message: "invalid YAML: \(problem)" + (offset.map { " at byte \($0)" } ?? ""))
        case .duplicatedKeysInMapping(_, let context):
            // Neither the keys nor the context: the file may be a transcript given by mistake.
            return Diagnostic(
                file: path, line: context.mark.line, column: context.mark.column,
                message: "invalid YAML: a key is written twice in one mapping (here or further on in it)")
        case .no, .memory, .writer, .emitter, .representer, .dataCouldNotBeDecoded:
            return Diagnostic(file: path, message: "invalid YAML (the parser gave no place)")
        }
    }
}
