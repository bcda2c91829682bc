import Foundation
import Testing
import VeilCore

@testable import VeilFormats

/// RFC 4180 and the files people actually have: quotes, line breaks inside fields, CRLF, a byte
/// order mark, no final line break, other delimiters.
@Suite struct CSVReaderTests {
    private func records(_ contents: [UInt8], dialect: CSVDialect = .csv) throws -> [CSVRecord] {
        let path = NSTemporaryDirectory() + "veil-csv-\(UUID().uuidString).csv"
        _ = FileManager.default.createFile(atPath: path, contents: Data(contents))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = CSVReader(try LineReader(path: path), dialect: dialect)
        var records: [CSVRecord] = []
        while let record = try reader.nextRecord() { records.append(record) }
        return records
    }

    private func records(_ text: String, dialect: CSVDialect = .csv) throws -> [CSVRecord] { try records(Array(text.utf8), dialect: dialect) }

    @Test func quotedFieldsHoldDelimitersQuotesAndLineBreaks() throws {
        let found = try records("a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",\"\"\n")
        #expect(found.map { $0.fields.map(\.value) } == [["a", "b", "c"], ["1", "x, y", "say \"hi\""], ["2", "two\nlines", ""]])
        #expect(found.map(\.line) == [1, 2, 3])
        #expect(found[1].fields.map(\.quoted) == [false, true, true])
        // The field as written, quotes included.
        #expect(String(decoding: found[1].bytes[found[1].fields[2].range], as: UTF8.self) == "\"say \"\"hi\"\"\"")
    }

    @Test func lineEndingsAndByteOrderMarkAreKept() throws {
        let found = try records([0xEF, 0xBB, 0xBF] + Array("a,b\r\n1,2\r\n3,4".utf8))
        #expect(found.map { $0.fields.map(\.value) } == [["a", "b"], ["1", "2"], ["3", "4"]])
        #expect(found.map(\.terminator) == [[0x0D, 0x0A], [0x0D, 0x0A], []])
    }

    @Test func aQuoteInsideAnUnquotedFieldIsText() throws {
        #expect(try records("size,note\n5\" screen,ok\n").last?.fields.map(\.value) == ["5\" screen", "ok"])
    }

    @Test func tsvHasNoQuoting() throws {
        let found = try records("a\tb\n\"x\tsaid \"hi\"\n", dialect: .tsv)
        #expect(found.last?.fields.map(\.value) == ["\"x", "said \"hi\""])
    }

    @Test func otherDelimiters() throws {
        #expect(try records("a;b\n\"1;2\";3\n", dialect: CSVDialect(delimiter: UInt8(ascii: ";"))).last?.fields.map(\.value) == ["1;2", "3"])
    }

    @Test func anUnclosedQuoteNamesTheLineItStartsOn() throws {
        #expect {
            _ = try records("a,b\n1,\"open\nstill open\n")
        } throws: { error in
            "\(error)".contains(".csv:2: error: a quoted field opened in this record is not closed by the end of the file")
        }
    }

    @Test func textAfterAClosingQuoteNamesLineAndColumn() throws {
        #expect {
            _ = try records("a,b\n1,\"x\ny\"z,2\n")
        } throws: { error in
            "\(error)".contains(".csv:3:3: error: text after the closing quote of a field")
        }
    }

    @Test func invalidUTF8NamesLineAndColumn() throws {
        #expect {
            _ = try records(Array("a,b\n1,".utf8) + [0xFF] + Array("\n".utf8))
        } throws: { error in
            "\(error)".contains(".csv:2:3: error: invalid UTF-8")
        }
    }

    /// The cell `text` (its first field) with `name` rewritten to `replacement`, as written out.
    private func rewritten(_ line: String, _ name: String, to replacement: String, dialect: CSVDialect = .csv) throws -> String {
        let record = try #require(try records(line, dialect: dialect).first)
        let field = record.fields[0]
        let start = try #require(field.value.utf8.firstRange(of: name.utf8)).lowerBound
        let offset = field.value.utf8.distance(from: field.value.utf8.startIndex, to: start)
        let rewrite = Rewrite(range: offset..<offset + name.utf8.count, replacement: replacement, isReversible: true)
        let piece = CSVRecordSource.cell(field, in: record, [rewrite], dialect: dialect)
        // What reveal would put back gives the cell as it was.
        var restored = piece.bytes
        for reversal in piece.reversals.reversed() { restored.replaceSubrange(reversal.range, with: reversal.original) }
        #expect(restored[...] == record.bytes[field.range])
        return String(decoding: piece.bytes, as: UTF8.self)
    }

    @Test func changedCellsKeepTheirQuotingAndOnlyTheMentionChanges() throws {
        #expect(try rewritten("plain Wang,x\n", "Wang", to: "Chen") == "plain Chen")
        #expect(try rewritten("\"said \"\"Wang\"\"\",x\n", "Wang", to: "Chen") == "\"said \"\"Chen\"\"\"")
        #expect(try rewritten("a Wang,x\n", "Wang", to: "C,\"D\"") == "\"a C,\"\"D\"\"\"")
        #expect(try rewritten("Wang b\tx\n", "Wang", to: "a\tb\nc", dialect: .tsv) == "a b c b")
    }
}
