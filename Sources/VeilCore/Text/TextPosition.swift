/// Converts UTF-8 byte offsets into the offsets users see: Unicode code points (end exclusive, as in
/// Python strings and Presidio) and 1-based line and column.
package struct TextPositions {
    private let bytes: [UInt8]
    private var byteOffset = 0
    private var scalarOffset = 0
    private var line = 1
    private var lineStartScalar = 0

    /// Prepares conversion over `bytes`. Offsets must then be asked for in ascending order, which
    /// keeps the whole conversion one pass over the text.
    package init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The code point offset of byte offset `target`, plus its 1-based line and column.
    package mutating func position(ofByte target: Int) -> (scalar: Int, line: Int, column: Int) {
        if target < byteOffset { self = TextPositions(bytes) }
        let end = min(target, bytes.count)
        if byteOffset < end {
            var offset = byteOffset, scalars = scalarOffset, line = line, lineStart = lineStartScalar
            bytes.withUnsafeBufferPointer { text in
                while offset < end {
                    if offset + 8 <= end {
                        let block = ByteBlock(text, at: offset)
                        if !block.contains(0x0A) { scalars += block.characterStarts; offset += 8; continue }
                    }
                    let byte = text[offset]
                    // Every byte but a continuation byte (10xxxxxx) begins a code point.
                    if byte & 0xC0 != 0x80 {
                        scalars += 1
                        if byte == 0x0A { line += 1; lineStart = scalars }
                    }
                    offset += 1
                }
            }
            byteOffset = offset; scalarOffset = scalars; self.line = line; lineStartScalar = lineStart
        }
        return (scalarOffset, line, scalarOffset - lineStartScalar + 1)
    }
}
