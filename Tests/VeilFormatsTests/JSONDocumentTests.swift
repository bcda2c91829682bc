import Testing

@testable import VeilFormats

@Suite struct JSONDocumentTests {
    @Test func replacesOneFieldAndKeepsEveryOtherByte() throws {
        let line = #"{"id": 17, "meta": {"likes": 1.50e2, "tags": ["a", "b"]}, "text": "电话\u0031\"38", "z": null}"#
        let record = try JSONDocument(Array(line.utf8))
        #expect(try record.string("text") == "电话1\"38")
        #expect(record.rawValue("id") == "17")
        let rewritten = String(decoding: record.replacing("text", with: "电话[PHONE]\n"), as: UTF8.self)
        #expect(rewritten == #"{"id": 17, "meta": {"likes": 1.50e2, "tags": ["a", "b"]}, "text": "电话[PHONE]\n", "z": null}"#)
    }

    @Test func decodesSurrogatePairs() throws {
        let record = try JSONDocument(Array(#"{"text": "\ud83d\ude00 ok"}"#.utf8))
        #expect(try record.string("text") == "😀 ok")
    }

    @Test(
        arguments: [
            (#"{"text": "a"#, 11, "a string is not closed"),
            (#"{"text": "a""#, 12, "expected ',' or '}' (the input ends early)"),
            (#"{"text": "a",}"#, 13, "expected a key in double quotes"),
            (#"{"a": tru}"#, 6, "expected a value"),
            (#"{"a": 01}"#, 6, "a number cannot start with 0"),
            (#"{"a": 1} x"#, 9, "unexpected text after the value"),
            (#"{"a": 1, "a": 2}"#, 9, "the key appears twice in the object"),
            // The same key once decoded; and one repeated after more keys than are searched in order.
            (#"{"a": 1, "\u0061": 2}"#, 9, "the key appears twice in the object"),
            ("{" + (0..<20).map { "\"k\($0)\": \($0), " }.joined() + "\"k3\": 0}", 201, "the key appears twice in the object"),
            (#"{"text": "\ud83d"}"#, 16, #"a \u escape is half of a surrogate pair"#)
        ] as [(String, Int, String)])
    func reportsSyntaxErrorsWithTheirOffset(line: String, offset: Int, message: String) {
        #expect {
            let record = try JSONDocument(Array(line.utf8))
            _ = try record.string("text")
        } throws: { error in
            guard let error = error as? JSONSyntaxError else { return false }
            return error.offset == offset && error.message.hasPrefix(message)
        }
    }

    @Test func encodesControlCharacters() {
        #expect(String(decoding: JSONDocument.encodeString("a\"b\\c\u{1}\t"), as: UTF8.self) == #""a\"b\\c\u0001\t""#)
    }
}

@Suite struct FindingsJSONScoreTests {
    /// Scores are written as Swift prints the Double rounded to three decimals ("0.75", "1.0",
    /// "0.898"), without printing a Double.
    @Test func scoresReadAsTheirRoundedValue() {
        for thousandths in 0...1000 {
            let value = Double(thousandths) / 1000
            let written = FindingsJSON.score(value)
            #expect(Double(written) == value, "\(value) written \(written)")
            #expect(written == (value == value.rounded() ? String(Int(value)) + ".0" : String(value)))
        }
        #expect(FindingsJSON.score(0.89849) == "0.898")
        #expect(FindingsJSON.score(0.8996) == "0.9")
    }
}
