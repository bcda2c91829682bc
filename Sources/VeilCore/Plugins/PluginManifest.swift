package import PCRE2

/// A plugin's `plugin.yaml`, read and checked.
///
/// A manifest is one of three kinds here: `patterns:` (PCRE2 patterns with validators),
/// `lexicons:` (word lists matched by one automaton) or `recognizer:` (a recognizer compiled into
/// Veil, by id). See "Writing a plugin" in the README.
package struct PluginManifest: Sendable, Equatable {
    package enum Kind: String, Sendable { case patterns, lexicons, recognizer, process }

    /// A `patterns:` entry.
    package struct PatternSpec: Sendable, Hashable {
        package var name: String
        package var regex: String
        package var score: Double
        package var entity: EntityType
        package var validator: String?
        package var group: Int
        package var needsContext: Bool
        /// `needs_context: column`: only the header of the table column the match is a cell of
        /// counts as its cue (a header row's own labels are never matches).
        package var needsColumnContext: Bool = false
        package var caseless: Bool
        package var canonical: CanonicalForm
        /// When the validator rejects a match, retry it cut short at each separator, longest first
        /// (for numbers the pattern may run on into the next one).
        package var backoff: Bool
        /// Every match holds at least this many ASCII digits (in the normalized text): the pattern is
        /// then tried only around runs of that many digits, found once per document for every
        /// plugin, instead of over the whole text (0: everywhere).
        package var minimumDigits: Int = 0
        /// A small regex every match holds a match of (村, a digit before 号): the pattern is then
        /// tried only around its matches, instead of over the whole text (nil: everywhere).
        package var anchor: String? = nil
        /// The score of a match its validator rejects (a segment missing from a table, a wrong check
        /// character). Such a match is kept only next to a context word, which adds its boost; nil:
        /// the validator's no is final.
        package var unvalidatedScore: Double? = nil
        /// The regex as compiled when the manifest was read (without machine code): a policy that
        /// selects the plugin has it compiled to machine code, not compiled again from its source.
        package var compiled: CompiledRegex? = nil
    }

    /// A regex compiled once; two are equal when their sources and options are.
    package struct CompiledRegex: Sendable, Hashable {
        package let pattern: Pattern

        package static func == (lhs: CompiledRegex, rhs: CompiledRegex) -> Bool {
            lhs.pattern.source == rhs.pattern.source && lhs.pattern.options == rhs.pattern.options
        }

        package func hash(into hasher: inout Hasher) {
            hasher.combine(pattern.source)
            hasher.combine(pattern.options.rawValue)
        }
    }

    /// A `process:` plugin's program (see Docs/process-plugin-protocol.md).
    package struct ProcessSpec: Sendable, Hashable {
        /// The program and its arguments; run in the plugin folder, without a shell.
        package var command: [String]
        /// Seconds to wait for the greeting and for each answer.
        package var timeout: Double
        /// How many times a plugin that died is started again.
        package var restarts: Int
    }

    /// A `lexicons:` entry: a word file inside the plugin folder.
    package struct LexiconSpec: Sendable, Hashable {
        package var name: String
        package var file: String
        package var entity: EntityType
        package var score: Double
        /// `case: capitalized`: a word is found only as written or in capitals (Polish, POLISH; not
        /// polish); `case: any` (the default) ignores the case of ASCII letters.
        package var capitalizedOnly: Bool = false
    }

    /// `context:` or `negative:` words.
    package struct ContextSpec: Sendable, Hashable {
        package var words: [String]
        package var adjustment: Double
        /// Characters searched before the match.
        package var window: Int
        /// Characters searched after the match (`after:`; defaults to `window`).
        package var windowAfter: Int
    }

    /// An `examples:` entry: text the plugin must find something in (optionally exactly `find`),
    /// or text it must leave alone.
    package struct Example: Sendable, Hashable {
        package var text: String
        /// For `match` examples: the exact texts that must be found, if given.
        package var find: [String]?
        /// Where the example is written, for failure messages.
        package var line: Int?
    }

    package var id: String
    package var version: Int
    package var summary: String
    package var entities: [EntityType]
    package var kind: Kind
    package var patterns: [PatternSpec]
    package var lexicons: [LexiconSpec]
    /// For `process:` plugins: the program to run.
    package var process: ProcessSpec?
    /// For `recognizer:` plugins: the compiled recognizer's id, its options and data files.
    package var recognizerID: String?
    package var options: [String: String]
    package var dataFiles: [String]
    package var context: ContextSpec?
    package var negative: ContextSpec?
    package var normalization: Normalization
    /// The surrogate generator pseudonyms for this plugin's findings come from.
    package var surrogate: String?
    /// Breaks ties between overlapping findings of equal score and length (higher wins).
    package var priority: Int
    package var matchExamples: [Example]
    package var noMatchExamples: [Example]
    /// The folder the manifest was read from.
    package var directory: String
    /// The manifest file.
    package var path: String
}
