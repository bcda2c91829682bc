/// Finds personal data in a document.
///
/// Every implementation must:
/// - report ranges in UTF-8 bytes of the *original* text (map view ranges back with
///   `TextView.originalRange(_:)`), on character boundaries, non-empty;
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

/// A recognizer whose findings can run across a line break only between certain characters (a
/// Chinese name, between two Chinese characters): the engine reads a stretch of wrapped lines
/// again for it (``WrappedLines``) only when one of the stretch's breaks lies between such
/// characters, and keeps none of its findings across a break that does not — so passing a stretch
/// over gives what reading it would.
package protocol LineBreakAwareRecognizer: Recognizer {
    /// Whether a finding may hold both `before`, the last character before a break, and `after`,
    /// the first after it.
    func mayRunAcross(_ before: Unicode.Scalar, _ after: Unicode.Scalar) -> Bool
}

/// A recognizer whose confident finds are found again wherever the text repeats them (a person
/// introduced once, then named bare): in the rest of the document, and in the later documents of a
/// run (the next section of a long file, the next file, record or stream element).
///
/// The engine asks once per document for what its finds may be written as again
/// (``repeatableMentions(of:)``), keeps that for the documents after it, and searches each document
/// for the repeatable mentions of this one and of those before; ``repeatedMention(_:at:in:)`` says
/// what each occurrence is.
package protocol RepeatedMentionRecognizer: Recognizer {
    /// The texts that are further mentions of what `found` names, each with the detection such a
    /// mention is (its range empty; the engine sets it).
    func repeatableMentions(of found: [Detection]) -> [RepeatableMention]
    /// The mention an occurrence of a repeatable text at `range` of `bytes` is — `detection` placed
    /// there, or reaching further (a title after a surname) — or nil where it is part of a longer
    /// word or what surrounds it says it is no mention.
    func repeatedMention(_ detection: Detection, at range: Range<Int>, in bytes: [UInt8]) -> Detection?
}

/// A text that, wherever it is written again, is another mention of a person already found.
package struct RepeatableMention: Sendable, Hashable {
    package let text: String
    /// What a mention found by this text is; its range is empty.
    package let detection: Detection

    package init(text: String, detection: Detection) {
        self.text = text
        self.detection = detection
    }
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
