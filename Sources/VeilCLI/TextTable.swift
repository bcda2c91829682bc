/// Rows of cells laid out in columns for a terminal: each column as wide as its widest cell
/// (counted in characters), two spaces between columns, and no line ending in spaces (the last
/// column, when left-aligned, is not padded). `veil scan`, `veil eval` and `veil plugins list`
/// print their tables with it.
struct TextTable {
    enum Alignment { case left, right }

    /// The rows, the first usually a header; every row has the same number of cells.
    var rows: [[String]]
    /// Each column's alignment; columns beyond the list are left-aligned.
    var alignments: [Alignment] = []

    func rendered() -> String {
        var widths: [Int] = []
        return rendered(widening: &widths)
    }

    /// The rows laid out in columns at least `widths` wide, which are widened to fit them: a table
    /// printed page by page passes the same widths to every page, so a column only ever widens.
    func rendered(widening widths: inout [Int]) -> String {
        guard let first = rows.first else { return "" }
        // Each cell's width is counted once, and the lines are written as bytes (a scan's table has
        // a row per finding, and appending to a String costs more than the text appended).
        let cellWidths = rows.map { $0.map(Self.width) }
        widths = first.indices.map { column in max(column < widths.count ? widths[column] : 0, cellWidths.map { $0[column] }.max() ?? 0) }
        var out: [UInt8] = []
        out.reserveCapacity(rows.count * (widths.reduce(0, +) + 2 * widths.count + 1))
        let space = UInt8(ascii: " ")
        for (row, cells) in zip(rows, cellWidths) {
            let lineStart = out.count
            for (column, cell) in row.enumerated() {
                if column > 0 { out += [space, space] }
                let padding = widths[column] - cells[column]
                switch column < alignments.count ? alignments[column] : .left {
                case .right:
                    out += repeatElement(space, count: padding)
                    out += cell.utf8
                case .left:
                    out += cell.utf8
                    if column < row.count - 1 { out += repeatElement(space, count: padding) }
                }
            }
            while out.count > lineStart, out.last == space { out.removeLast() }
            out.append(UInt8(ascii: "\n"))
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A cell's width in characters; most cells are ASCII, whose bytes are its characters.
    private static func width(_ cell: String) -> Int {
        cell.utf8.allSatisfy { $0 < 0x80 } ? cell.utf8.count : cell.count
    }
}
