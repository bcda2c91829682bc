/// Finds personal data in a document.
///
/// Every implementation must:
/// - report ranges in UTF-8 bytes of the *original* text (map view ranges back with
///   ``TextView/originalRange(_:)``), on character boundaries, non-empty;
/// - be deterministic: the same text gives the same detections in the same order;
/// - be safe to call from many threads at once (compile patterns and build tables in `init`);
/// - throw, rather than return partial results, when it cannot scan the whole document: the engine
///   then fails that document closed and never writes it out unscanned;
/// - never log or put text of the document into an error.
///
/// Scores are in 0…1. Context, thresholds, allow lists and overlaps are applied by the engine
/// afterwards; a recognizer reports what it sees.
public protocol Recognizer: Sendable {
    /// The plugin this recognizer belongs to.
    var pluginID: String { get }
    func recognize(_ document: DocumentText) throws -> [Detection]
}

/// A recognizer whose confident finds are found again wherever the document repeats them (a
/// person introduced once, then named bare). The engine calls ``repeatedMentions(of:in:)`` once per
/// document, after every block of a long document has been recognized, with this recognizer's
/// detections in all of them, so a name introduced in one block is found in every other.
public protocol RepeatedMentionRecognizer: Recognizer {
    /// Further mentions, in `bytes` (the whole document), of what `found` names.
    func repeatedMentions(of found: [Detection], in bytes: [UInt8]) -> [Detection]
}

/// An error a recognizer raises for one document. The message names the plugin and what failed,
/// never the document's text.
public struct RecognizerError: Error, Sendable, CustomStringConvertible {
    public var pluginID: String
    public var message: String
    public init(pluginID: String, message: String) {
        self.pluginID = pluginID
        self.message = message
    }
    public var description: String { "plugin '\(pluginID)': \(message)" }
}
