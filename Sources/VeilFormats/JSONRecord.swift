/// One JSON object (a JSONL line) checked by a strict scanner that remembers where each top-level
/// value lies, so one field can be rewritten and every other byte of the line kept exactly as it was
/// (key order, number formatting, escapes).
public struct JSONRecord {
    /// Where a top-level value lies in the line's bytes.
    public struct Field {
        public let range: Range<Int>
        public let isString: Bool
    }

    public let bytes: [UInt8]
    public private(set) var fields: [String: Field] = [:]

    /// Parses `bytes` as one JSON object. Throws ``JSONSyntaxError`` with the byte offset of the
    /// problem (the caller adds file and line).
    public init(_ bytes: [UInt8]) throws(JSONSyntaxError) {
        self.bytes = bytes
        var scanner = Scanner(bytes: bytes)
        scanner.skipSpace()
        guard scanner.peek == UInt8(ascii: "{") else { throw scanner.error("a JSONL line must be a JSON object") }
        scanner.index += 1
        scanner.skipSpace()
        if scanner.peek == UInt8(ascii: "}") {
            scanner.index += 1
        } else {
            while true {
                scanner.skipSpace()
                guard scanner.peek == UInt8(ascii: "\"") else { throw scanner.error("expected a key in double quotes") }
                let keyStart = scanner.index
                try scanner.skipString()
                let key = try JSONRecord.decodeString(bytes[keyStart..<scanner.index], baseOffset: keyStart)
                scanner.skipSpace()
                guard scanner.peek == UInt8(ascii: ":") else { throw scanner.error("expected ':' after a key") }
                scanner.index += 1
                scanner.skipSpace()
                let valueStart = scanner.index
                let isString = scanner.peek == UInt8(ascii: "\"")
                try scanner.skipValue(depth: 0)
                if fields[key] != nil { throw JSONSyntaxError(offset: keyStart, message: "the key appears twice in the object") }
                fields[key] = Field(range: valueStart..<scanner.index, isString: isString)
                scanner.skipSpace()
                if scanner.peek == UInt8(ascii: ",") { scanner.index += 1; continue }
                if scanner.peek == UInt8(ascii: "}") { scanner.index += 1; break }
                throw scanner.error("expected ',' or '}'")
            }
        }
        scanner.skipSpace()
        if scanner.index != bytes.count { throw scanner.error("unexpected text after the object") }
    }

    /// The decoded string value of `key`, nil if absent or not a string.
    public func string(_ key: String) throws(JSONSyntaxError) -> String? {
        guard let field = fields[key], field.isString else { return nil }
        return try JSONRecord.decodeString(bytes[field.range], baseOffset: field.range.lowerBound)
    }

    /// The value of `key` as written (for ids that may be numbers).
    public func rawValue(_ key: String) -> String? {
        fields[key].map { String(decoding: bytes[$0.range], as: UTF8.self) }
    }

    /// The line with the value of `key` replaced by the JSON string `value`.
    public func replacing(_ key: String, with value: String) -> [UInt8] {
        guard let field = fields[key] else { return bytes }
        var result = Array(bytes[..<field.range.lowerBound])
        result += JSONRecord.encodeString(value)
        result += bytes[field.range.upperBound...]
        return result
    }

    /// `text` as a JSON string literal: quotes, backslashes and control characters escaped, the rest
    /// as UTF-8.
    public static func encodeString(_ text: String) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "\"")]
        out.reserveCapacity(text.utf8.count + 2)
        let hex = Array("0123456789abcdef".utf8)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20: out += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
        return out
    }

    /// Decodes a JSON string literal (with its quotes).
    static func decodeString(_ literal: ArraySlice<UInt8>, baseOffset: Int) throws(JSONSyntaxError) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(literal.count)
        var index = literal.startIndex + 1
        let end = literal.endIndex - 1
        var pendingHigh: UInt32?
        func offset(_ i: Int) -> Int { baseOffset + (i - literal.startIndex) }
        while index < end {
            let byte = literal[index]
            if byte != UInt8(ascii: "\\") {
                if pendingHigh != nil { throw JSONSyntaxError(offset: offset(index), message: "a \\u escape is half of a surrogate pair") }
                out.append(byte)
                index += 1
                continue
            }
            let code = literal[index + 1]
            index += 2
            var scalar: UInt32?
            switch code {
            case UInt8(ascii: "\""): scalar = 0x22
            case UInt8(ascii: "\\"): scalar = 0x5C
            case UInt8(ascii: "/"): scalar = 0x2F
            case UInt8(ascii: "b"): scalar = 0x08
            case UInt8(ascii: "f"): scalar = 0x0C
            case UInt8(ascii: "n"): scalar = 0x0A
            case UInt8(ascii: "r"): scalar = 0x0D
            case UInt8(ascii: "t"): scalar = 0x09
            case UInt8(ascii: "u"):
                guard index + 4 <= end, let value = UInt32(String(decoding: literal[index..<index + 4], as: UTF8.self), radix: 16) else {
                    throw JSONSyntaxError(offset: offset(index - 2), message: "a \\u escape needs four hex digits")
                }
                index += 4
                if (0xD800...0xDBFF).contains(value) {
                    if pendingHigh != nil { throw JSONSyntaxError(offset: offset(index - 6), message: "a \\u escape is half of a surrogate pair") }
                    pendingHigh = value
                    continue
                }
                if (0xDC00...0xDFFF).contains(value) {
                    guard let high = pendingHigh else { throw JSONSyntaxError(offset: offset(index - 6), message: "a \\u escape is half of a surrogate pair") }
                    pendingHigh = nil
                    scalar = 0x10000 + ((high - 0xD800) << 10) + (value - 0xDC00)
                } else {
                    scalar = value
                }
            default:
                throw JSONSyntaxError(offset: offset(index - 2), message: "unknown escape in a string")
            }
            if pendingHigh != nil { throw JSONSyntaxError(offset: offset(index), message: "a \\u escape is half of a surrogate pair") }
            if let scalar, let unicode = Unicode.Scalar(scalar) { out += Array(String(Character(unicode)).utf8) }
        }
        if pendingHigh != nil { throw JSONSyntaxError(offset: offset(index), message: "a \\u escape is half of a surrogate pair") }
        return String(decoding: out, as: UTF8.self)
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        func error(_ message: String) -> JSONSyntaxError {
            JSONSyntaxError(offset: index, message: index < bytes.count ? message : message + " (the line ends early)")
        }

        mutating func skipSpace() {
            while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A { index += 1 }
        }

        mutating func skipString() throws(JSONSyntaxError) {
            index += 1
            while let byte = peek {
                if byte == UInt8(ascii: "\"") { index += 1; return }
                if byte == UInt8(ascii: "\\") { index += 2; continue }
                if byte < 0x20 { throw error("a control character must be escaped inside a string") }
                index += 1
            }
            throw error("a string is not closed")
        }

        mutating func skipValue(depth: Int) throws(JSONSyntaxError) {
            guard depth < 512 else { throw error("values are nested too deeply") }
            guard let byte = peek else { throw error("expected a value") }
            switch byte {
            case UInt8(ascii: "\""): try skipString()
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let close = byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                index += 1
                skipSpace()
                if peek == close { index += 1; return }
                while true {
                    skipSpace()
                    if close == UInt8(ascii: "}") {
                        guard peek == UInt8(ascii: "\"") else { throw error("expected a key in double quotes") }
                        try skipString()
                        skipSpace()
                        guard peek == UInt8(ascii: ":") else { throw error("expected ':' after a key") }
                        index += 1
                        skipSpace()
                    }
                    try skipValue(depth: depth + 1)
                    skipSpace()
                    if peek == UInt8(ascii: ",") { index += 1; continue }
                    if peek == close { index += 1; return }
                    throw error("expected ',' or '\(Character(Unicode.Scalar(close)))'")
                }
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try skipNumber()
            default: throw error("expected a value")
            }
        }

        mutating func literal(_ word: String) throws(JSONSyntaxError) {
            let expected = Array(word.utf8)
            guard index + expected.count <= bytes.count, Array(bytes[index..<index + expected.count]) == expected else { throw error("expected a value") }
            index += expected.count
        }

        mutating func skipNumber() throws(JSONSyntaxError) {
            let start = index
            if peek == UInt8(ascii: "-") { index += 1 }
            func digits() -> Int { let s = index; while let b = peek, b >= 0x30 && b <= 0x39 { index += 1 }; return index - s }
            guard digits() > 0 else { throw error("a number needs digits") }
            if bytes[start] == UInt8(ascii: "-") ? (index - start > 2 && bytes[start + 1] == 0x30) : (index - start > 1 && bytes[start] == 0x30) {
                throw JSONSyntaxError(offset: start, message: "a number cannot start with 0")
            }
            if peek == UInt8(ascii: ".") { index += 1; guard digits() > 0 else { throw error("a number needs digits after '.'") } }
            if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
                index += 1
                if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
                guard digits() > 0 else { throw error("a number needs digits in its exponent") }
            }
        }
    }
}

/// A JSON syntax problem at a byte offset of the line.
public struct JSONSyntaxError: Error, Sendable {
    public let offset: Int
    public let message: String
}
