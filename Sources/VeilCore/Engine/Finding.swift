/// A finding as users see it: Unicode code point offsets into the original text (end exclusive, as
/// Python strings and Presidio count), line and column, entity, score and the plugin that found it.
/// It never carries the original text.
public struct Finding: Sendable, Hashable {
    /// Code point offset of the first character.
    public let start: Int
    /// Code point offset just past the last character.
    public let end: Int
    public let entity: EntityType
    public let score: Double
    public let plugin: String
    /// The rule inside the plugin (a pattern or lexicon name).
    public let rule: String
    /// 1-based line and column (in characters) of `start`.
    public let line: Int
    public let column: Int
    /// The same span in UTF-8 bytes, for callers working on bytes.
    public let utf8Range: Range<Int>

    /// The finding of a section of a text as a finding of the whole text: the section starts after a
    /// line break, `bytes` bytes, `scalars` characters and `lines` lines into it.
    package func shifted(bytes: Int, scalars: Int, lines: Int) -> Finding {
        Finding(
            start: start + scalars, end: end + scalars, entity: entity, score: score, plugin: plugin, rule: rule,
            line: line + lines, column: column, utf8Range: (utf8Range.lowerBound + bytes)..<(utf8Range.upperBound + bytes))
    }

    /// Converts resolved detections (sorted by start) of one document.
    package static func from(_ detections: [Detection], in bytes: [UInt8]) -> [Finding] {
        var positions = TextPositions(bytes)
        return detections.map { detection in
            let start = positions.position(ofByte: detection.range.lowerBound)
            let end = positions.position(ofByte: detection.range.upperBound)
            return Finding(
                start: start.scalar, end: end.scalar, entity: detection.entity, score: detection.score,
                plugin: detection.pluginID, rule: detection.rule, line: start.line, column: start.column,
                utf8Range: detection.range)
        }
    }
}
