/// What a recognizer established about a mention beyond its value, which the engine links and
/// rewrites by: how a person is named and the parts of the name, how a place is written, the places
/// inside an address. Typed, so the engine and the name recognizers agree on them by the compiler
/// rather than by spelling. Personal data (a surname, a reading), never logged.
package struct MentionFacts: Sendable, Hashable {
    /// How a person mention names its referent (nil for other mentions, and for a person found by
    /// a plugin that says nothing of the name's form).
    package var personForm: PersonForm?
    /// How a place mention writes its place (full, short or romanized).
    package var placeForm: Gazetteer.Form?
    /// The surname a person mention holds or stands for (卢 of 卢立兵 and of 老卢; "smith").
    package var surname: String?
    /// An English full name's first name ("jane"), or a first name alone.
    package var givenName: String?
    /// The pinyin a name in characters reads as ("lu libing"), or a romanized name's.
    package var pinyin: String?
    /// The key a person's pseudonym is kept under when it is not the canonical value (a romanized
    /// name's syllables, whatever its capitals and hyphens: "lu li bing").
    package var pseudonymKey: String?
    /// The known places found inside an address, in order, so `generalize` can keep them.
    package var places: [PlaceReference] = []

    package init(
        personForm: PersonForm? = nil, placeForm: Gazetteer.Form? = nil, surname: String? = nil, givenName: String? = nil,
        pinyin: String? = nil, pseudonymKey: String? = nil
    ) {
        self.personForm = personForm
        self.placeForm = placeForm
        self.surname = surname
        self.givenName = givenName
        self.pinyin = pinyin
        self.pseudonymKey = pseudonymKey
    }

    /// No facts: what a pattern's detection has.
    package static let none = MentionFacts()

    /// Facts as a detection holds them: one reference, shared by the detection's copies.
    final class Box: Sendable, Hashable {
        let facts: MentionFacts
        init(_ facts: MentionFacts) { self.facts = facts }
        static func == (a: Box, b: Box) -> Bool { a === b || a.facts == b.facts }
        func hash(into hasher: inout Hasher) { hasher.combine(facts) }
    }

    /// These facts with every fact `other` has and these lack.
    package func filled(from other: MentionFacts) -> MentionFacts {
        var filled = self
        filled.personForm = personForm ?? other.personForm
        filled.placeForm = placeForm ?? other.placeForm
        filled.surname = surname ?? other.surname
        filled.givenName = givenName ?? other.givenName
        filled.pinyin = pinyin ?? other.pinyin
        filled.pseudonymKey = pseudonymKey ?? other.pseudonymKey
        if filled.places.isEmpty { filled.places = other.places }
        return filled
    }
}

/// How a person mention names its referent: what linking reads to tie 卢先生, 老卢 and "Lu Libing"
/// to 卢立兵. The raw values are the rule names the name recognizers report.
package enum PersonForm: String, Sendable, Hashable {
    /// 卢立兵: a full name in Chinese characters.
    case full
    /// 约翰·史密斯: a foreign name written in Chinese characters.
    case foreign
    /// "Lu Libing": a Chinese name in pinyin.
    case pinyinFull = "pinyin-full"
    /// "Jane Smith": a full name in the Latin alphabet.
    case englishFull = "en-full"
    /// 卢先生, 卢总: a surname with a title.
    case title
    /// 老卢, 小卢.
    case lao, xiao
    /// 卢 alone, where the document names 卢立兵.
    case surname
    /// 立兵: a given name alone.
    case given
    /// 阿花: a name that is no surname and given name.
    case nickname
    /// "Smith" alone, or Mr. Smith.
    case englishSurname = "en-surname"
    /// "Jane" alone.
    case englishFirst = "en-first"
    /// "Lu" alone, or Mr. Lu.
    case pinyinSurname = "pinyin-surname"

    /// A full name that shorter mentions link to (卢立兵, "Lu Libing", "Jane Smith").
    package var isLinkedTo: Bool { self == .full || self == .pinyinFull || self == .englishFull }

    /// A name of a whole person, which later documents link to: the full names, and a foreign name
    /// in characters (约翰·史密斯, whose parts are not linked).
    package var namesWholePerson: Bool { isLinkedTo || self == .foreign }
}

/// A place a gazetteer plugin found: the plugin and the place's id in its gazetteer.
package struct PlaceReference: Sendable, Hashable {
    package let pluginID: String
    package let placeID: String

    package init(pluginID: String, placeID: String) {
        self.pluginID = pluginID
        self.placeID = placeID
    }
}
