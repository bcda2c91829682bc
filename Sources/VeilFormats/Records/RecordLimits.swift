/// What one record may hold, whatever the input: a hostile or broken file meets a located error
/// here instead of exhausting memory or the stack. (A line is at most 256 MB: ``LineReader``.)
package enum RecordLimits {
    /// Fields of a CSV or TSV row; values (strings, numbers, objects, arrays) of a JSON record.
    package static let fields = 100_000
    /// How deep JSON arrays and objects may nest.
    package static let depth = 512
}
