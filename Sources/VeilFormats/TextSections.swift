import VeilCore

/// A plain-text input read in sections of about ``size`` bytes, each ending after a line break (or
/// in a very long line, after a sentence's end), so
/// that a text of any length is anonymized in bounded memory. Each section knows where it starts in
/// the whole text (bytes, characters, lines), to report findings as offsets into the whole.
struct TextSections {
    /// One section and where it starts.
    struct Section {
        let bytes: [UInt8]
        let byteOffset: Int
        let scalarOffset: Int
        let lineOffset: Int
    }

    /// Sections are cut at the first line break after this many bytes (in a line longer than twice
    /// this, at a sentence's end or a space: ``TextCut``).
    static let defaultSize = 1 << 20

    let size: Int

    private let reader: LineReader
    private var pending: [UInt8] = []
    private var finished = false
    private var byteOffset = 0, scalarOffset = 0, lineOffset = 0

    init(_ reader: LineReader, size: Int = defaultSize) {
        self.reader = reader
        self.size = max(size, 1)
    }

    /// The next section, or nil at the end of the input (an empty input is one empty section).
    mutating func next() throws -> Section? {
        if finished { return nil }
        var cut: Int?
        var searched = 0
        while true {
            if pending.count >= size {
                let from = max(size - 1, searched)
                if let newline = pending[from...].firstIndex(of: 0x0A) { cut = newline + 1; break }
                // One line longer than two sections: cut it at a sentence's end or a space.
                if pending.count > 2 * size, let at = TextCut.cut(in: pending, from: size, reach: size) { cut = at; break }
                searched = pending.count
            }
            guard let chunk = try reader.nextChunk() else { break }
            pending += chunk
        }
        let end = cut ?? pending.count
        if cut == nil { finished = true }
        if end == 0 && byteOffset > 0 { return nil }
        let bytes = Array(pending[..<end])
        pending.removeFirst(end)
        let section = Section(bytes: bytes, byteOffset: byteOffset, scalarOffset: scalarOffset, lineOffset: lineOffset)
        byteOffset += bytes.count
        var positions = TextPositions(bytes)
        let last = positions.position(ofByte: bytes.count)
        scalarOffset += last.scalar
        lineOffset += last.line - 1
        return section
    }
}
