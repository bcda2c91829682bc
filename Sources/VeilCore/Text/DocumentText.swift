internal import PCRE2

/// One document's text, validated once, with the normalized views recognizers ask for built lazily
/// and shared between them.
///
/// Not thread-safe: one `DocumentText` belongs to the one task scanning that document.
public final class DocumentText {
    /// The original UTF-8 bytes.
    public let bytes: [UInt8]
    // What recognizers ask of a document, made once and shared. Small arrays searched in order,
    // not dictionaries: a document (a record of a dataset) asks a few dozen times for a handful of
    // keys, and hashing each key cost more than the lookups save.
    //
    // Unchecked for exclusive access: the document belongs to one thread, no access to these
    // overlaps another (each is read, or appended to after its value is made), and the run-time
    // checks cost more than the lookups they guard (a few dozen per document).
    @exclusivity(unchecked) private var views: [PerView<TextView>] = []
    @exclusivity(unchecked) private var digitRunsByView: [PerView<DigitRuns>] = []
    @exclusivity(unchecked) private var bytesHeldByView: [PerView<ByteSet>] = []
    /// Keyed by ``cacheKey(_:_:)`` of the view and the number of digits.
    @exclusivity(unchecked) private var digitWindows: [(key: Int, windows: [SearchWindow])] = []
    /// Keyed by ``cacheKey(_:_:)`` of the view and the anchor's id.
    @exclusivity(unchecked) private var anchorMatches: [(key: Int, ranges: [Range<Int>])] = []
    @exclusivity(unchecked) private var tables: TableColumns?
    @exclusivity(unchecked) private var matchBlock: MatchData?
    /// The values of a record's fields in this text, with the fields' names (set by the record
    /// reader; empty for plain text).
    var fieldLabels: [FieldLabel] = [] // in the order of their ranges

    /// A record field's value range (original bytes) and the field's name.
    struct FieldLabel {
        let range: Range<Int>
        let name: [UInt8]
    }

    /// What is made once for the view under one normalization.
    private typealias PerView<Value> = (normalization: Normalization, value: Value)

    /// The value kept in `cache` for the view under `normalization`, made and kept the first time.
    private static func made<Value>(_ cache: inout [PerView<Value>], _ normalization: Normalization, _ make: () -> Value) -> Value {
        if let made = cache.first(where: { $0.normalization == normalization }) { return made.value }
        let value = make()
        cache.append((normalization, value))
        return value
    }

    /// One number for a view and a small non-negative number (a count of digits, an anchor's id).
    private static func cacheKey(_ normalization: Normalization, _ value: Int) -> Int { value << 8 | Int(normalization.rawValue) }

    /// Wraps a Swift string (always valid UTF-8).
    public init(_ text: String) {
        self.bytes = Array(text.utf8)
    }

    /// Wraps raw bytes after validating them; throws ``InvalidUTF8Error`` naming the byte offset
    /// of the first bad sequence.
    public init(validating bytes: [UInt8]) throws(InvalidUTF8Error) {
        if let offset = bytes.withUnsafeBufferPointer({ UTF8Validation.firstInvalidOffset(in: $0) }) {
            throw InvalidUTF8Error(byteOffset: offset)
        }
        self.bytes = bytes
    }

    /// Wraps bytes already known to be valid UTF-8 (a block of a validated document cut at a line break).
    init(validated bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The byte offset of the first invalid UTF-8 sequence in `bytes`, or nil if they are valid.
    package static func firstInvalidUTF8Offset(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset(in: $0) }
    }

    /// The text as a String.
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Where the digits of the view under `normalization` lie, found once for every pattern that
    /// needs digits.
    private func digitRuns(_ normalization: Normalization) -> DigitRuns {
        Self.made(&digitRunsByView, normalization) { DigitRuns(view(normalization).bytes) }
    }

    /// The byte values the view under `normalization` holds, found once for every pattern (a
    /// pattern that needs a byte the view does not hold is not searched: ``Pattern/canMatch(inTextHolding:)``).
    func bytesHeld(_ normalization: Normalization) -> ByteSet {
        Self.made(&bytesHeldByView, normalization) {
            // A long text holds most bytes any pattern needs, and looking costs more than it saves.
            let bytes = view(normalization).bytes
            return bytes.count > Self.longestTextForBytesHeld ? .all : bytes.withUnsafeBufferPointer { ByteSet(of: $0) }
        }
    }

    private static let longestTextForBytesHeld = 4096

    /// The most digits one run holds in the view under `normalization` (0: none).
    func longestDigitRun(_ normalization: Normalization) -> Int { digitRuns(normalization).longest }

    /// The search windows around the digit runs of the view under `normalization` that hold at
    /// least `minimum` digits, made once for every pattern that asks for as many.
    func digitWindows(_ normalization: Normalization, holding minimum: Int) -> [SearchWindow] {
        // Most texts of a dataset hold no run that long (or no digit at all): nothing to keep.
        guard longestDigitRun(normalization) >= minimum else { return [] }
        let key = Self.cacheKey(normalization, minimum)
        if let made = digitWindows.first(where: { $0.key == key }) { return made.windows }
        let windows = digitRuns(normalization).windows(holding: minimum)
        digitWindows.append((key, windows))
        return windows
    }

    /// The tables of the text (their column headers are context for their cells), found once for
    /// every recognizer that asks. Original byte offsets.
    package var tableColumns: TableColumns {
        if let tables { return tables }
        let found = TableColumns(bytes)
        tables = found
        return found
    }

    /// What heads the column `original` (a byte range) is in: the header of the table column it is a
    /// cell of (with the cell: context is sought in the cell and the header only), or the name of
    /// the record field it is a value of (no cell: the usual window around it counts too).
    func column(of original: Range<Int>) -> (cell: Range<Int>?, header: ArraySlice<UInt8>)? {
        if let (cell, header) = tableColumns.cell(of: original, in: bytes) { return (cell, bytes[header]) }
        if let index = SortedRanges.index(holding: original.lowerBound, in: fieldLabels, \.range), original.upperBound <= fieldLabels[index].range.upperBound {
            return (nil, fieldLabels[index].name[...])
        }
        return nil
    }

    /// Where the anchor numbered `anchor` (one number for each distinct source, however many
    /// plugins write it) matches in the view under `normalization`: `find` runs once per document,
    /// for every rule that names the same anchor over the same view.
    func anchorRanges(_ anchor: Int, in normalization: Normalization, find: () throws -> [Range<Int>]) rethrows -> [Range<Int>] {
        let key = Self.cacheKey(normalization, anchor)
        if let made = anchorMatches.first(where: { $0.key == key }) { return made.ranges }
        let ranges = try find()
        anchorMatches.append((key, ranges))
        return ranges
    }

    /// A match data block for the patterns matched in this document, one after another (never
    /// from inside another's match loop): made once, not at every match call. Nil if it could not
    /// be made (each call then makes its own).
    func matchData() -> MatchData? {
        if matchBlock == nil { matchBlock = try? MatchData() }
        return matchBlock
    }

    /// The view under `normalization` (the original itself for the empty set).
    package func view(_ normalization: Normalization) -> TextView {
        Self.made(&views, normalization) {
            normalization.isEmpty ? TextView(original: bytes) : TextView(original: bytes, normalization: normalization)
        }
    }
}

@available(*, unavailable)
extension DocumentText: Sendable {}

/// Input that is not valid UTF-8. Carries the byte offset, never the bytes.
public struct InvalidUTF8Error: Error, Sendable, Equatable, CustomStringConvertible {
    public let byteOffset: Int
    public init(byteOffset: Int) { self.byteOffset = byteOffset }
    public var description: String { "invalid UTF-8 at byte \(byteOffset)" }
}
