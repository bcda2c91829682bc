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
        guard let first = rows.first else { return "" }
        let widths = first.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        var out = ""
        for row in rows {
            var line = ""
            for (column, cell) in row.enumerated() {
                if column > 0 { line += "  " }
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                switch column < alignments.count ? alignments[column] : .left {
                case .right: line += padding + cell
                case .left: line += column == row.count - 1 ? cell : cell + padding
                }
            }
            while line.last == " " { line.removeLast() }
            out += line + "\n"
        }
        return out
    }
}
