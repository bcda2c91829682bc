/// What a recognizer reports: a span of the original text that looks like personal data.
///
/// `range` is in UTF-8 bytes of the original document; the engine turns it into code point offsets
/// for everything a user sees. `canonical` is the value used to link mentions of the same thing
/// (digits of a phone number without its country code, a lower-cased e-mail); it is personal data
/// and is never logged.
public struct Detection: Sendable, Hashable {
    public var range: Range<Int>
    public var entity: EntityType
    public var score: Double
    /// The plugin whose recognizer found this.
    public var pluginID: String
    /// The rule inside the plugin (a pattern's name, a lexicon's name).
    public var rule: String
    public var canonical: String
    /// What the recognizer established about the mention beyond its value (a name's form and parts).
    package var facts: MentionFacts {
        get { storedFacts?.facts ?? MentionFacts.none }
        set { storedFacts = newValue == .none ? nil : MentionFacts.Box(newValue) }
    }
    /// Held out of line, and not at all for most detections (a pattern's): a detection stays small
    /// to copy, as resolution and linking copy them many times.
    private var storedFacts: MentionFacts.Box?

    /// A detection of `entity` at `range` (UTF-8 bytes of the original), by `rule` of `pluginID`;
    /// `canonical` links it to other mentions of the same value.
    public init(range: Range<Int>, entity: EntityType, score: Double, pluginID: String, rule: String, canonical: String) {
        self.init(range: range, entity: entity, score: score, pluginID: pluginID, rule: rule, canonical: canonical, facts: MentionFacts())
    }

    package init(
        range: Range<Int>, entity: EntityType, score: Double, pluginID: String, rule: String,
        canonical: String, facts: MentionFacts
    ) {
        self.range = range
        self.entity = entity
        self.score = score
        self.pluginID = pluginID
        self.rule = rule
        self.canonical = canonical
        self.storedFacts = facts == .none ? nil : MentionFacts.Box(facts)
    }
}
