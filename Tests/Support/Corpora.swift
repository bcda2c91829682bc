public import Foundation

/// The test corpora (`Tests/Corpora`), for tests that run recognizers over their lines.
public enum Corpora {
    /// The `Tests/Corpora` folder.
    public static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Corpora")

    /// The `text` of the first `limit` records of a JSONL corpus, named by its path in the folder
    /// (`names/dev.jsonl`).
    public static func texts(_ corpus: String, limit: Int = .max) throws -> [String] {
        try String(contentsOf: folder.appendingPathComponent(corpus), encoding: .utf8).split(separator: "\n").prefix(limit).map { line in
            guard let record = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], let text = record["text"] as? String else {
                throw CocoaError(.coderReadCorrupt, userInfo: [NSDebugDescriptionErrorKey: "\(corpus): a record without a text"])
            }
            return text
        }
    }
}
