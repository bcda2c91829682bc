/// A problem in a file Veil reads, printed the way a compiler prints one:
/// `file:line:col: error: message`.
///
/// Messages name keys, plugin ids and positions, never a document's text.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable { case error, warning, note }

    public var file: String
    /// 1-based line, or nil when the problem is about the file as a whole.
    public var line: Int?
    /// 1-based column in Unicode scalars, or nil.
    public var column: Int?
    public var severity: Severity
    public var message: String

    package init(file: String, line: Int? = nil, column: Int? = nil, severity: Severity = .error, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    public var description: String {
        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return "\(location): \(severity.rawValue): \(message)"
    }
}

/// One or more diagnostics that stop a configuration (a plugin manifest, a policy) from loading.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    package init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    package init(_ diagnostic: Diagnostic) { self.diagnostics = [diagnostic] }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
