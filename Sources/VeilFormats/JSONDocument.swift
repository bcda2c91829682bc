package import VeilCore

/// One JSON value (a JSONL line, a record of a JSON file) checked by a strict parser that remembers
/// where every value lies, so chosen values can be rewritten or left out and every other byte kept
/// exactly as it was (key order, spacing, number formatting, escapes).
package struct JSONDocument: Sendable {
    /// Where a value lies in the bytes.
    package struct Field: Sendable {
        package let range: Range<Int>
        package let isString: Bool
    }

    /// A string or number: the values field rules rewrite.
    package struct Leaf: Sendable {
        package let path: [FieldPath.Step]
        package let range: Range<Int>
        package let isString: Bool
    }

    /// A member of an object or an element of an array, for leaving it out.
    package struct Member: Sendable {
        package let path: [FieldPath.Step]
        /// From the key (or the element) to the end of its value.
        package let range: Range<Int>
        /// Which container it belongs to, and its place there.
        package let container: Int
        package let position: Int
    }

    package let bytes: [UInt8]
    /// The top-level object's values by key (empty when the value is not an object).
    package private(set) var fields: [String: Field] = [:]
    package private(set) var leaves: [Leaf] = []
    package private(set) var members: [Member] = []
    /// The number of members of each container.
    package private(set) var containerSizes: [Int] = []
    /// Whether the value is an object (a JSONL line must be).
    package let isObject: Bool

    /// Parses `bytes` as one JSON value. Throws ``JSONSyntaxError`` with the byte offset of the
    /// problem (the caller adds file and line).
    package init(_ bytes: [UInt8]) throws(JSONSyntaxError) {
        self.bytes = bytes
        var parser = Parser(bytes: bytes)
        parser.skipSpace()
        isObject = parser.peek == UInt8(ascii: "{")
        var path: [FieldPath.Step] = []
        try parser.value(path: &path, depth: 0)
        parser.skipSpace()
        if parser.index != bytes.count { throw parser.error("unexpected text after the value") }
        leaves = parser.leaves
        members = parser.members
        containerSizes = parser.containerSizes
        if isObject {
            // Room for every member at once: grown from empty, the table is made again as it fills.
            fields.reserveCapacity(parser.valueRanges.count)
            for member in members where member.container == 0 {
                guard case .key(let key) = member.path.last else { continue }
                let leaf = parser.valueRanges[member.position]
                fields[key] = Field(range: leaf.range, isString: leaf.isString)
            }
        }
    }

    /// The decoded string value of `key`, nil if absent or not a string.
    package func string(_ key: String) throws(JSONSyntaxError) -> String? {
        guard let field = fields[key], field.isString else { return nil }
        return try JSONDocument.decodeString(bytes[field.range], baseOffset: field.range.lowerBound)
    }

    /// The value of `key` as written (for ids that may be numbers).
    package func rawValue(_ key: String) -> String? {
        fields[key].map { String(decoding: bytes[$0.range], as: UTF8.self) }
    }

    /// The line with the value of `key` replaced by the JSON string `value`.
    package func replacing(_ key: String, with value: String) -> [UInt8] {
        guard let field = fields[key] else { return bytes }
        var result = Array(bytes[..<field.range.lowerBound])
        result += JSONDocument.encodeString(value)
        result += bytes[field.range.upperBound...]
        return result
    }

    /// The bytes with `replacements` (value range → new bytes, with what reveal may undo in them)
    /// made and `dropped` members left out with their separators, so the result is still valid
    /// JSON; every other byte is kept.
    package func rewritten(replacing replacements: [(range: Range<Int>, piece: OutputPiece)], dropping dropped: [Member]) -> OutputPiece {
        var removals: [Range<Int>] = []
        let byContainer = Dictionary(grouping: dropped, by: \.container)
        for (container, gone) in byContainer {
            let all = members.filter { $0.container == container }.sorted { $0.position < $1.position }
            let goneSet = Set(gone.map(\.position))
            guard let firstKept = all.firstIndex(where: { !goneSet.contains($0.position) }) else {
                removals.append(all.first!.range.lowerBound..<all.last!.range.upperBound)
                continue
            }
            for (index, member) in all.enumerated() where goneSet.contains(member.position) {
                // Before the first kept member: take the separator after it; else the one before.
                removals.append(
                    index < firstKept
                        ? member.range.lowerBound..<all[index + 1].range.lowerBound
                        : all[index - 1].range.upperBound..<member.range.upperBound)
            }
        }
        var edits = removals.map { (range: $0, piece: OutputPiece(bytes: [])) }
        edits += replacements.filter { replacement in !removals.contains { $0.overlaps(replacement.range) } }
        edits.sort { $0.range.lowerBound < $1.range.lowerBound }
        var out = OutputPiece(bytes: [])
        out.bytes.reserveCapacity(bytes.count)
        var cursor = 0
        for edit in edits where edit.range.lowerBound >= cursor {
            out.bytes += bytes[cursor..<edit.range.lowerBound]
            out.append(edit.piece)
            cursor = edit.range.upperBound
        }
        out.bytes += bytes[cursor...]
        return out
    }

    /// The decoded text of a leaf (a string's content, a number as written).
    package func text(of leaf: Leaf) throws(JSONSyntaxError) -> String {
        leaf.isString
            ? try JSONDocument.decodeString(bytes[leaf.range], baseOffset: leaf.range.lowerBound)
            : String(decoding: bytes[leaf.range], as: UTF8.self)
    }

    /// `text` as a JSON string literal: quotes, backslashes and control characters escaped, the rest
    /// as UTF-8.
    package static func encodeString(_ text: String) -> [UInt8] {
        [UInt8(ascii: "\"")] + encodeContent(text) + [UInt8(ascii: "\"")]
    }

    /// `text` escaped for the inside of a JSON string; with `asciiOnly`, every code point past
    /// ASCII as `\uXXXX` too (as `json.dumps` writes by default), so a replacement matches the
    /// string it is put in.
    static func encodeContent(_ text: String, asciiOnly: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        let hex = Array("0123456789abcdef".utf8)
        if asciiOnly && !text.utf8.allSatisfy({ $0 < 0x80 }) {
            for scalar in text.unicodeScalars {
                guard scalar.value >= 0x80 else { out += encodeContent(String(scalar)); continue }
                for unit in String(scalar).utf16 {
                    out += Array("\\u".utf8) + [12, 8, 4, 0].map { hex[Int((unit >> UInt16($0)) & 0xF)] }
                }
            }
            return out
        }
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
        return out
    }

    /// Decodes a JSON string literal (with its quotes).
    static func decodeString(_ literal: ArraySlice<UInt8>, baseOffset: Int) throws(JSONSyntaxError) -> String {
        // Most strings escape nothing: their bytes are the text (the parser has checked them).
        let content = literal.dropFirst().dropLast()
        if !content.contains(UInt8(ascii: "\\")) { return String(decoding: content, as: UTF8.self) }
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

    private struct Parser {
        let bytes: [UInt8]
        var index = 0
        var leaves: [Leaf] = []
        var members: [Member] = []
        var containerSizes: [Int] = []
        /// The value ranges of the top-level object's members, by position.
        var valueRanges: [(range: Range<Int>, isString: Bool)] = []

        init(bytes: [UInt8]) { self.bytes = bytes }

        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        func error(_ message: String) -> JSONSyntaxError {
            JSONSyntaxError(offset: index, message: index < bytes.count ? message : message + " (the input ends early)")
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

        mutating func value(path: inout [FieldPath.Step], depth: Int) throws(JSONSyntaxError) {
            guard depth < RecordLimits.depth else { throw error("values are nested more than \(RecordLimits.depth) deep") }
            guard leaves.count + members.count < RecordLimits.fields else { throw error("the record has more than \(RecordLimits.fields) values") }
            guard let byte = peek else { throw error("expected a value") }
            let start = index
            switch byte {
            case UInt8(ascii: "\""):
                try skipString()
                leaves.append(Leaf(path: path, range: start..<index, isString: true))
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let isObject = byte == UInt8(ascii: "{")
                let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                let container = containerSizes.count
                containerSizes.append(0)
                index += 1
                skipSpace()
                if peek == close { index += 1; return }
                // The keys seen, to refuse one written twice: searched in order while they are few
                // (a record's object has a handful), hashed once there are many.
                var keys: [String] = []
                var manyKeys = Set<String>()
                var position = 0
                while true {
                    skipSpace()
                    let memberStart = index
                    if isObject {
                        guard peek == UInt8(ascii: "\"") else { throw error("expected a key in double quotes") }
                        try skipString()
                        let key = try JSONDocument.decodeString(bytes[memberStart..<index], baseOffset: memberStart)
                        let repeated: Bool
                        if keys.count < 16 {
                            repeated = keys.contains(key)
                            keys.append(key)
                            if keys.count == 16 { manyKeys = Set(keys) }
                        } else {
                            repeated = !manyKeys.insert(key).inserted
                        }
                        guard !repeated else { throw JSONSyntaxError(offset: memberStart, message: "the key appears twice in the object") }
                        skipSpace()
                        guard peek == UInt8(ascii: ":") else { throw error("expected ':' after a key") }
                        index += 1
                        skipSpace()
                        path.append(.key(key))
                    } else {
                        path.append(.index(position))
                    }
                    let valueStart = index
                    let isString = peek == UInt8(ascii: "\"")
                    try value(path: &path, depth: depth + 1)
                    if container == 0 && isObject { valueRanges.append((valueStart..<index, isString)) }
                    members.append(Member(path: path, range: memberStart..<index, container: container, position: position))
                    path.removeLast()
                    position += 1
                    containerSizes[container] = position
                    skipSpace()
                    if peek == UInt8(ascii: ",") { index += 1; continue }
                    if peek == close { index += 1; return }
                    throw error("expected ',' or '\(Character(Unicode.Scalar(close)))'")
                }
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                try skipNumber()
                leaves.append(Leaf(path: path, range: start..<index, isString: false))
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
package struct JSONSyntaxError: Error, Sendable {
    package let offset: Int
    package let message: String
}
