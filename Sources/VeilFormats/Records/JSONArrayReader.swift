import VeilCore

/// Reads the elements of a JSON file's top-level array one at a time, with the bytes before each
/// (the `[` or the `,` and spacing), so a file of any size — one line or many — is streamed with one
/// element in memory. A file whose top-level value is not an array is one element.
struct JSONArrayReader {
    struct Element {
        /// The bytes between the previous element (or the file's start) and this one.
        let prefix: [UInt8]
        let bytes: [UInt8]
        /// The line the element starts on (1-based).
        let line: Int
        /// Where it starts, in bytes from the start of the file.
        let offset: Int
    }

    private let input: LineReader
    private var buffer: [UInt8] = []
    private var index = 0
    private var line = 1
    /// Bytes of the file before `buffer[0]`.
    private var consumed = 0
    /// Characters of the current line that came before `buffer[0]` (already handed out).
    private var columnBase = 0
    private var started = false
    private var isArray = false
    private var finished = false
    /// What follows the last element: the closing `]` and anything after it.
    private(set) var trailer: [UInt8] = []

    init(_ input: LineReader) { self.input = input }

    var path: String { input.path }

    /// The next element, or nil after the last.
    mutating func next() throws -> Element? {
        if finished { return nil }
        if !started {
            started = true
            try fill(atLeast: 1)
            var start = buffer.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            while try byte(at: start).map(Self.isSpace) == true { start += 1 }
            isArray = try byte(at: start) == UInt8(ascii: "[")
            if !isArray {
                // One record: the whole file.
                while try input.nextChunk().map({ buffer += $0 }) != nil {}
                finished = true
                let prefix = Array(buffer[..<start])
                return Element(prefix: prefix, bytes: Array(buffer[start...]), line: 1 + prefix.filter { $0 == 0x0A }.count, offset: start)
            }
            index = start + 1
        }
        // Spacing, then an element or the closing bracket.
        var cursor = index
        var sawComma = false
        while true {
            guard let byte = try byte(at: cursor) else { throw error(at: cursor, "the array is not closed by the end of the file") }
            if Self.isSpace(byte) { cursor += 1; continue }
            if byte == UInt8(ascii: ",") {
                guard !sawComma, lastWasElement else { throw error(at: cursor, "expected a value") }
                sawComma = true
                cursor += 1
                continue
            }
            if byte == UInt8(ascii: "]") {
                guard !sawComma else { throw error(at: cursor, "expected a value after ','") }
                while try input.nextChunk().map({ buffer += $0 }) != nil {}
                trailer = buffer
                if let extra = buffer[(cursor + 1)...].firstIndex(where: { !Self.isSpace($0) }) { throw error(at: extra, "unexpected text after the array") }
                finished = true
                return nil
            }
            if lastWasElement && !sawComma { throw error(at: cursor, "expected ',' or ']'") }
            break
        }
        let elementStart = cursor
        let elementLine = line + buffer[..<elementStart].filter { $0 == 0x0A }.count
        cursor = try endOfValue(from: elementStart)
        let element = Element(
            prefix: Array(buffer[..<elementStart]), bytes: Array(buffer[elementStart..<cursor]), line: elementLine, offset: consumed + elementStart)
        line = elementLine + element.bytes.filter { $0 == 0x0A }.count
        var positions = TextPositions(buffer)
        let end = positions.position(ofByte: cursor)
        columnBase = end.column - 1 + (end.line == 1 ? columnBase : 0)
        buffer.removeFirst(cursor)
        consumed += cursor
        index = 0
        lastWasElement = true
        return element
    }

    private var lastWasElement = false

    /// Where the value starting at `start` ends (strings, nesting and escapes followed; the value
    /// itself is checked by the JSON parser afterwards).
    private mutating func endOfValue(from start: Int) throws -> Int {
        var cursor = start
        var depth = 0
        var inString = false
        while true {
            guard let byte = try byte(at: cursor) else {
                throw error(at: start, depth > 0 || inString ? "a value is not closed by the end of the file" : "the array is not closed by the end of the file")
            }
            if inString {
                if byte == UInt8(ascii: "\\") { cursor += 2; continue }
                if byte == UInt8(ascii: "\"") { inString = false; if depth == 0 { return cursor + 1 } }
                cursor += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if depth == 0 { return cursor }
                depth -= 1
                if depth == 0 { return cursor + 1 }
            case UInt8(ascii: ","):
                if depth == 0 { return cursor }
            default:
                if depth == 0 && Self.isSpace(byte) { return cursor }
            }
            cursor += 1
        }
    }

    /// The byte at `offset` of the buffer, reading more input as needed; nil at the end.
    private mutating func byte(at offset: Int) throws -> UInt8? {
        try fill(atLeast: offset + 1)
        return offset < buffer.count ? buffer[offset] : nil
    }

    private mutating func fill(atLeast count: Int) throws {
        while buffer.count < count, let chunk = try input.nextChunk() { buffer += chunk }
    }

    private func error(at offset: Int, _ message: String) -> InputError {
        var positions = TextPositions(buffer)
        let place = positions.position(ofByte: min(offset, buffer.count))
        // The array's own structure is broken: the next element cannot be found, so this cannot be skipped.
        return InputError(
            file: path, line: line + place.line - 1, column: place.column + (place.line == 1 ? columnBase : 0),
            message: "invalid JSON: \(message); the rest of the file cannot be read", canBeSkipped: false)
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
}
