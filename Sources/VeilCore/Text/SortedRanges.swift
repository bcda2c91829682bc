/// Ranges in increasing order that do not overlap — a record's values in the document made of
/// them, the fields' labels — searched by halving, so that a record of thousands of fields costs
/// no more per finding than a record of three.
enum SortedRanges {
    /// The index of the first range that ends after `offset` (every earlier one ends at or before it).
    static func firstEnding<C: RandomAccessCollection>(after offset: Int, in ranges: C, _ range: (C.Element) -> Range<Int>) -> C.Index {
        var low = ranges.startIndex, high = ranges.endIndex
        while low < high {
            let middle = ranges.index(low, offsetBy: ranges.distance(from: low, to: high) / 2)
            if range(ranges[middle]).upperBound <= offset { low = ranges.index(after: middle) } else { high = middle }
        }
        return low
    }

    /// The index of the range that holds `offset`, if any.
    static func index<C: RandomAccessCollection>(holding offset: Int, in ranges: C, _ range: (C.Element) -> Range<Int>) -> C.Index? {
        let index = firstEnding(after: offset, in: ranges, range)
        return index < ranges.endIndex && range(ranges[index]).contains(offset) ? index : nil
    }
}
