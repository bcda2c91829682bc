/// Links the mentions of one person inside a document, so they share a pseudonym:
/// - 卢先生, 老卢 and 小卢 take the canonical value of the full name 卢立兵 written in the same
///   document (the nearest one before, else the first after), and a given name alone (立兵) too;
/// - "Lu Libing" takes 卢立兵's when its pinyin is the same, and a bare "Lu" (Mr. Lu, Lu's) takes
///   the full name with that surname, in characters or in pinyin.
///
/// - "Smith" takes the canonical value of "Jane Smith" named in the same document.
///
/// A full name's `key` attribute ("lu li bing"), set by the name recognizers, is what its pseudonym
/// is kept under, so 卢立兵 in one file and "Lu Libing" in another get the same one in any order.
///
/// Mentions that match no full name keep their own canonical value (a surname), so they get a
/// consistent pseudonym of their own.
enum PersonLinker {
    static func link(_ detections: [Detection]) -> [Detection] {
        var linked = detections
        let fullForms: Set<String> = ["full", "pinyin-full", "en-full"]
        // Romanized full names first take the canonical value of the same name in characters.
        let hanziByPinyin = Dictionary(detections.filter { $0.attributes["form"] == "full" }.compactMap { d in d.attributes["pinyin"].map { ($0, d.canonical) } },
                                       uniquingKeysWith: { first, _ in first })
        for index in linked.indices where linked[index].attributes["form"] == "pinyin-full" {
            if let pinyin = linked[index].attributes["pinyin"], let hanzi = hanziByPinyin[pinyin] {
                linked[index].canonical = hanzi
                linked[index].attributes["linked"] = "yes"
            }
        }
        let fullNames = linked.enumerated().filter { $0.element.entity == .person && fullForms.contains($0.element.attributes["form"] ?? "") }
        guard !fullNames.isEmpty else { return linked }
        for (index, detection) in linked.enumerated() where detection.entity == .person {
            let candidates: [(offset: Int, element: Detection)]
            switch detection.attributes["form"] ?? "" {
            case "title", "lao", "xiao":
                guard let surname = detection.attributes["surname"] else { continue }
                candidates = fullNames.filter { $0.element.attributes["surname"] == surname }
            case "en-surname":
                guard let surname = detection.attributes["surname"] else { continue }
                candidates = fullNames.filter { $0.element.attributes["form"] == "en-full" && $0.element.attributes["surname"] == surname }
            case "pinyin-surname":
                guard let surname = detection.attributes["surname"] else { continue }
                candidates = fullNames.filter { $0.element.attributes["pinyin"]?.split(separator: " ").first.map(String.init) == surname }
            case "full", "foreign":
                // A two-character "name" that is the given name of a longer one (立兵 of 卢立兵).
                candidates = fullNames.filter { other in
                    other.element.attributes["form"] == "full" && detection.canonical.count >= 2
                        && other.element.canonical.count > detection.canonical.count && other.element.canonical.hasSuffix(detection.canonical)
                        && other.element.canonical.count - detection.canonical.count <= 2
                        && other.element.attributes["surname"].map { !detection.canonical.hasPrefix($0) } ?? false
                }
            default:
                continue
            }
            guard let target = candidates.last(where: { $0.offset < index }) ?? candidates.first else { continue }
            linked[index].canonical = target.element.canonical
            linked[index].attributes["key"] = target.element.attributes["key"]
            linked[index].attributes["linked"] = "yes"
        }
        return linked
    }
}
