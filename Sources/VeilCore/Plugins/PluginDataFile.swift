import Foundation

/// Reads a plugin's word files and tables: one entry per line, `#` comments, tab-separated columns.
enum WordList {
    static func read(_ path: String) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(Diagnostic(file: path, message: "cannot read the word list as UTF-8 text"))
        }
        return text.split(whereSeparator: \.isNewline).compactMap { line in
            let word = line.split(separator: "\t", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            return word.isEmpty || word.hasPrefix("#") ? nil : word
        }
    }

    /// The tab-separated columns of each line (`#` comments skipped).
    static func readRows(_ path: String) throws(ConfigurationError) -> [[String]] {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(Diagnostic(file: path, message: "cannot read the file as UTF-8 text"))
        }
        return text.split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }
}
