/// The tables in a text — rows of cells parted by tabs, `|`, commas or semicolons (a CSV file as
/// European spreadsheets write it), the first row naming the
/// columns — so that a column's header counts as context for every cell under it: a QQ number alone
/// in a cell under "QQ号" is as plainly a QQ number as one written after "QQ：".
///
/// A table is two or more consecutive lines that each hold the same number of the same separator
/// (one or more tabs or `|`, two or more commas or semicolons, or one between single-word labels), under a header whose cells read as labels (no
/// digits, at most 30 bytes each: prose lines that happen to hold as many commas are not tables);
/// Markdown rules (`|---|---|`) inside it are skipped. Found once per document, when a recognizer
/// first asks. Read from the original text (a Chinese comma is not a cell separator); ranges are
/// original byte offsets.
package struct TableColumns: Sendable {
    /// One table: the header cells' byte ranges, and the byte range of its data rows.
    private struct Table: Sendable {
        let headers: [Range<Int>]
        let separator: UInt8
        let rows: Range<Int>
    }

    private let tables: [Table]

    /// Line breaks and the bytes cells are parted by (tab, |, comma, semicolon): one shift and test
    /// for the bytes below `@`, one comparison for the rest (most bytes of Chinese text are neither).
    @inline(__always)
    private static func isSpecial(_ byte: UInt8) -> Bool {
        byte < 0x40 ? (UInt64(1) << byte) & (1 << 0x0A | 1 << 0x09 | 1 << 0x2C | 1 << 0x3B) != 0 : byte == 0x7C
    }

    init(_ bytes: [UInt8]) {
        // One pass: each line's range and how many tabs, | and commas it holds.
        struct Line {
            var range: Range<Int>
            var counts: (tabs: Int, pipes: Int, commas: Int, semicolons: Int)
        }
        var lines: [Line] = []
        var any = false
        bytes.withUnsafeBufferPointer { text in
            var start = 0, tabs = 0, pipes = 0, commas = 0, semicolons = 0
            var index = 0
            while index < text.count {
                if index + 8 <= text.count {
                    let block = ByteBlock(text, at: index)
                    if !block.containsAny(0x0A, 0x09, 0x7C, 0x2C, 0x3B) { index += 8; continue }
                }
                let byte = text[index]
                index += 1
                guard Self.isSpecial(byte) else { continue }
                switch byte {
                case 0x0A:
                    lines.append(Line(range: start..<index - 1, counts: (tabs, pipes, commas, semicolons)))
                    any = any || tabs + pipes + commas + semicolons > 0
                    start = index
                    tabs = 0; pipes = 0; commas = 0; semicolons = 0
                case 0x09: tabs += 1
                case 0x7C: pipes += 1
                case 0x3B: semicolons += 1
                default: commas += 1
                }
            }
            if start < text.count {
                lines.append(Line(range: start..<text.count, counts: (tabs, pipes, commas, semicolons)))
                any = any || tabs + pipes + commas + semicolons > 0
            }
        }
        // A Markdown rule: only |, -, : and spaces, with a dash.
        func isRule(_ line: Line) -> Bool {
            !line.range.isEmpty && line.range.allSatisfy { [0x7C, 0x2D, 0x3A, 0x20].contains(bytes[$0]) } && line.range.contains { bytes[$0] == 0x2D }
        }
        guard any else {
            tables = []
            return
        }
        // The separator a header line uses (tab, then |, then commas, then semicolons), and its count.
        func separator(of line: Line) -> (byte: UInt8, count: Int)? {
            if line.counts.tabs > 0 { return (0x09, line.counts.tabs) }
            if line.counts.pipes > 0 { return (0x7C, line.counts.pipes) }
            // One comma or semicolon: a header of single words (Name,Phone), not a clause of prose.
            let singleWords = !bytes[line.range].contains(0x20)
            if line.counts.commas > 1 || (line.counts.commas == 1 && singleWords) { return (0x2C, line.counts.commas) }
            if line.counts.semicolons > 1 || (line.counts.semicolons == 1 && singleWords) { return (0x3B, line.counts.semicolons) }
            return nil
        }
        func count(_ separator: UInt8, of line: Line) -> Int {
            switch separator {
            case 0x09: line.counts.tabs
            case 0x7C: line.counts.pipes
            case 0x3B: line.counts.semicolons
            default: line.counts.commas
            }
        }

        var tables: [Table] = []
        var index = 0
        while index < lines.count {
            let header = lines[index]
            guard let (separator, cells) = separator(of: header),
                !bytes[header.range].contains(where: { $0 >= 0x30 && $0 <= 0x39 })
            else { index += 1; continue }
            var next = index + 1
            while next < lines.count, isRule(lines[next]) { next += 1 }
            var last = next
            while last < lines.count, count(separator, of: lines[last]) == cells, !isRule(lines[last]) { last += 1 }
            guard last > next else { index += 1; continue }
            var headers: [Range<Int>] = []
            var cellStart = header.range.lowerBound
            for position in header.range where bytes[position] == separator {
                headers.append(cellStart..<position)
                cellStart = position + 1
            }
            headers.append(cellStart..<header.range.upperBound)
            guard headers.allSatisfy({ $0.count <= 30 }) else { index += 1; continue }
            tables.append(Table(headers: headers, separator: separator, rows: lines[next].range.lowerBound..<lines[last - 1].range.upperBound))
            index = last
        }
        self.tables = tables
    }

    /// The data rows of the tables with a column header that `holds` says yes to: where a cell
    /// rule (`needs_context: column`) is tried.
    func rows(under holds: (Range<Int>) -> Bool) -> [Range<Int>] {
        tables.filter { $0.headers.contains(where: holds) }.map(\.rows)
    }

    /// The cells (byte ranges, spaces included) of every data row in the columns whose header
    /// `holds` says yes to.
    package func cells(under holds: (Range<Int>) -> Bool, in bytes: [UInt8]) -> [Range<Int>] {
        var cells: [Range<Int>] = []
        for table in tables {
            let columns = Set(table.headers.indices.filter { holds(table.headers[$0]) })
            guard !columns.isEmpty else { continue }
            var lineStart = table.rows.lowerBound
            while lineStart < table.rows.upperBound {
                let lineEnd = bytes[lineStart..<table.rows.upperBound].firstIndex(of: 0x0A) ?? table.rows.upperBound
                var column = 0, cellStart = lineStart
                for position in lineStart...lineEnd where position == lineEnd || bytes[position] == table.separator {
                    if columns.contains(column) { cells.append(cellStart..<position) }
                    column += 1
                    cellStart = position + 1
                }
                lineStart = lineEnd + 1
            }
        }
        return cells
    }

    /// The cell `range` lies in and the header cell of its column (view byte offsets), or nil when
    /// it is not inside one cell of a table's data rows.
    func cell(of range: Range<Int>, in bytes: [UInt8]) -> (cell: Range<Int>, header: Range<Int>)? {
        // The last table starting at or before the match (tables are in order and do not overlap).
        var low = 0, high = tables.count
        while low < high {
            let middle = (low + high) / 2
            if tables[middle].rows.lowerBound <= range.lowerBound { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return nil }
        let table = tables[low - 1]
        guard table.rows.contains(range.lowerBound), range.upperBound <= table.rows.upperBound else { return nil }
        var lineStart = range.lowerBound
        while lineStart > table.rows.lowerBound && bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
        var column = 0, cellStart = lineStart
        for position in lineStart..<range.lowerBound where bytes[position] == table.separator {
            column += 1
            cellStart = position + 1
        }
        // The match must stay inside its cell.
        guard !bytes[range].contains(table.separator), !bytes[range].contains(0x0A), column < table.headers.count else { return nil }
        var cellEnd = range.upperBound
        while cellEnd < table.rows.upperBound && bytes[cellEnd] != table.separator && bytes[cellEnd] != 0x0A { cellEnd += 1 }
        return (cellStart..<cellEnd, table.headers[column])
    }
}
