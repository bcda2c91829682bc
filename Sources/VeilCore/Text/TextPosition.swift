/// Converts UTF-8 byte offsets into the offsets users see: Unicode code points (end exclusive, as in
/// Python strings and Presidio) and 1-based line and column.
public struct TextPositions {
    private let bytes: [UInt8]
    private var byteOffset = 0
    private var scalarOffset = 0
    private var line = 1
    private var lineStartScalar = 0

    /// Prepares conversion over `bytes`. Offsets must then be asked for in ascending order, which
    /// keeps the whole conversion one pass over the text.
    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The code point offset of byte offset `target`, plus its 1-based line and column.
    public mutating func position(ofByte target: Int) -> (scalar: Int, line: Int, column: Int) {
        if target < byteOffset { self = TextPositions(bytes) }
        while byteOffset < target && byteOffset < bytes.count {
            let byte = bytes[byteOffset]
            if byte & 0xC0 != 0x80 {
                scalarOffset += 1
                if byte == 0x0A { line += 1; lineStartScalar = scalarOffset }
            }
            byteOffset += 1
        }
        return (scalarOffset, line, scalarOffset - lineStartScalar + 1)
    }
}
