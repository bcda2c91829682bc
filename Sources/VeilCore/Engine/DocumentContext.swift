/// What a text read in sections (a file too long to hold at once) carries from one section to the
/// next: the people it has named in full, so that a later section finds their bare names again and
/// links 卢先生 to the 卢立兵 of an earlier section, as it would in one document.
///
/// It grows with the number of distinct people named, not with the length of the text.
public struct DocumentContext: Sendable {
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
    }

    static let fullForms: Set<String> = ["full", "foreign", "pinyin-full", "en-full"]
}
