import Foundation
package import VeilCore

/// Reads gold JSONL for `veil eval`, naming the line of any problem.
package enum GoldReader {
    package static func read(path: String) throws -> [GoldDocument] {
        let reader = try LineReader(path: path)
        var documents: [GoldDocument] = []
        let decoder = JSONDecoder()
        while let line = try reader.nextLine() {
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            do {
                let document = try decoder.decode(GoldDocument.self, from: Data(line))
                let length = document.text.unicodeScalars.count
                for span in document.spans where span.start < 0 || span.end > length || span.start >= span.end {
                    throw InputError(file: path, line: reader.lineNumber, message: "span \(span.start)..<\(span.end) does not fit a text of \(length) characters")
                }
                documents.append(document)
            } catch let error as InputError {
                throw error
            } catch {
                throw InputError(
                    file: path, line: reader.lineNumber,
                    message: "not a gold document ({\"id\", \"text\", \"spans\": [{\"start\", \"end\", \"entity\"}]}): \(GoldReader.describe(error))")
            }
        }
        return documents
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "missing '\(key.stringValue)'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case DecodingError.dataCorrupted: return "invalid JSON"
        default: return "unreadable"
        }
    }
}
