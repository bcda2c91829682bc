/// A plugin's `plugin.yaml`, read and checked.
///
/// A manifest is one of three kinds here: `patterns:` (PCRE2 patterns with validators),
/// `lexicons:` (word lists matched by one automaton) or `recognizer:` (a recognizer compiled into
/// Veil, by id). See "Writing a plugin" in the README.
public struct PluginManifest: Sendable {
    public enum Kind: String, Sendable { case patterns, lexicons, recognizer, process }

    /// A `patterns:` entry.
    public struct PatternSpec: Sendable, Hashable {
        public var name: String
        public var regex: String
        public var score: Double
        public var entity: EntityType
        public var validator: String?
        public var group: Int
        public var needsContext: Bool
        /// `needs_context: column`: only the header of the table column the match is a cell of
        /// counts as its cue (a header row's own labels are never matches).
        public var needsColumnContext: Bool = false
        public var caseless: Bool
        public var canonical: CanonicalForm
        /// When the validator rejects a match, retry it cut short at each separator, longest first
        /// (for numbers the pattern may run on into the next one).
        public var backoff: Bool
        /// Every match holds at least this many ASCII digits (in the normalized text): the pattern is
        /// then tried only around runs of that many digits, found once per document for every
        /// plugin, instead of over the whole text (0: everywhere).
        public var minimumDigits: Int = 0
        /// A small regex every match holds a match of (村, a digit before 号): the pattern is then
        /// tried only around its matches, instead of over the whole text (nil: everywhere).
        public var anchor: String? = nil
        /// The score of a match its validator rejects (a segment missing from a table, a wrong check
        /// character). Such a match is kept only next to a context word, which adds its boost; nil:
        /// the validator's no is final.
        public var unvalidatedScore: Double? = nil
    }

    /// A `process:` plugin's program (see Docs/process-plugin-protocol.md).
    public struct ProcessSpec: Sendable, Hashable {
        /// The program and its arguments; run in the plugin folder, without a shell.
        public var command: [String]
        /// Seconds to wait for the greeting and for each answer.
        public var timeout: Double
        /// How many times a plugin that died is started again.
        public var restarts: Int
    }

    /// A `lexicons:` entry: a word file inside the plugin folder.
    public struct LexiconSpec: Sendable, Hashable {
        public var name: String
        public var file: String
        public var entity: EntityType
        public var score: Double
        /// `case: capitalized`: a word is found only as written or in capitals (Polish, POLISH; not
        /// polish); `case: any` (the default) ignores the case of ASCII letters.
        public var capitalizedOnly: Bool = false
    }

    /// `context:` or `negative:` words.
    public struct ContextSpec: Sendable, Hashable {
        public var words: [String]
        public var adjustment: Double
        /// Characters searched before the match.
        public var window: Int
        /// Characters searched after the match (`after:`; defaults to `window`).
        public var windowAfter: Int
    }

    /// An `examples:` entry: text the plugin must find something in (optionally exactly `find`),
    /// or text it must leave alone.
    public struct Example: Sendable, Hashable {
        public var text: String
        /// For `match` examples: the exact texts that must be found, if given.
        public var find: [String]?
        /// Where the example is written, for failure messages.
        public var line: Int?
    }

    public var id: String
    public var version: Int
    public var summary: String
    public var entities: [EntityType]
    public var kind: Kind
    public var patterns: [PatternSpec]
    public var lexicons: [LexiconSpec]
    /// For `process:` plugins: the program to run.
    public var process: ProcessSpec?
    /// For `recognizer:` plugins: the compiled recognizer's id, its options and data files.
    public var recognizerID: String?
    public var options: [String: String]
    public var dataFiles: [String]
    public var context: ContextSpec?
    public var negative: ContextSpec?
    public var normalization: Normalization
    /// The surrogate generator pseudonyms for this plugin's findings come from.
    public var surrogate: String?
    /// Breaks ties between overlapping findings of equal score and length (higher wins).
    public var priority: Int
    public var matchExamples: [Example]
    public var noMatchExamples: [Example]
    /// The folder the manifest was read from.
    public var directory: String
    /// The manifest file.
    public var path: String
}
