/// What a text read in sections (a file too long to hold at once) carries from one section to the
/// next: the people it has named in full, so that a later section finds their bare names again and
/// links 卢先生 to the 卢立兵 of an earlier section, as it would in one document.
///
/// It keeps the most recently named people (at least ``capacity``), so neither its memory nor the
/// work it adds to each section grows with the length of the text.
public struct DocumentContext: Sendable {
    /// How many people are kept at least; a person last named in full further back than this many
    /// other people is no longer linked from a bare mention.
    public static let capacity = 5_000

    /// One detection per distinct full name, its range emptied (it lies in an earlier section).
    private(set) var people: [Detection] = []
    private var seen: Set<String> = []

    public init() {}

    /// Keeps the full names among a section's detections.
    mutating func remember(_ detections: [Detection]) {
        for detection in detections where detection.entity == .person {
            guard let form = detection.attributes["form"], Self.fullForms.contains(form),
                  seen.insert(detection.pluginID + "\u{0}" + form + "\u{0}" + detection.canonical).inserted else { continue }
            var person = detection
            person.range = -1 ..< -1
            people.append(person)
        }
        if people.count > 2 * Self.capacity {
            people.removeFirst(people.count - Self.capacity)
            seen = Set(people.map { $0.pluginID + "\u{0}" + ($0.attributes["form"] ?? "") + "\u{0}" + $0.canonical })
        }
    }

    static let fullForms: Set<String> = ["full", "foreign", "pinyin-full", "en-full"]
}

/// A document whose recognizers have run (``Engine/recognize(_:parallel:)``), waiting to be
/// settled (``Engine/settle(_:context:)``). It may be handed from the thread that recognized it to
/// the one that settles it, but used by one at a time.
public struct RecognizedDocument: @unchecked Sendable {
    public let document: DocumentText
    let detections: [Detection]
}
