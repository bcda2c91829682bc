/// Links the mentions of one person inside a document, so they share a pseudonym:
/// - 卢先生, 老卢 and 小卢 take the canonical value of the full name 卢立兵 written in the same
///   document (the nearest one before, else the first after), and a given name alone (立兵) too;
/// - "Lu Libing" takes 卢立兵's when its pinyin is the same and no other name in characters reads so
///   (with 韦玉 and 韦宇 both named, "Wei Yu" is linked to neither); a bare "Lu" (Mr. Lu, Lu's)
///   takes the full name with that surname, in characters or in pinyin.
///
/// - "Smith" takes the canonical value of "Jane Smith" named in the same document.
///
/// A pseudonym is kept under the name as written: the canonical value (卢立兵), or for a romanized
/// name linked to none, its `key` attribute ("lu li bing", whatever its capitals and hyphens).
///
/// Mentions that match no full name keep their own canonical value (a surname), so they get a
/// consistent pseudonym of their own.
enum PersonLinker {
    static func link(_ detections: [Detection]) -> [Detection] {
        var linked = detections
        let fullForms: Set<String> = ["full", "pinyin-full", "en-full"]
        // Romanized full names first take the canonical value of the one name in characters that
        // reads the same; where two do (韦玉, 韦宇), the romanized name is linked to neither.
        var hanziByPinyin: [String: String?] = [:]
        for detection in detections where detection.attributes["form"] == "full" {
            guard let pinyin = detection.attributes["pinyin"] else { continue }
            if let known = hanziByPinyin[pinyin] {
                if known != detection.canonical { hanziByPinyin[pinyin] = .some(nil) }
            } else {
                hanziByPinyin[pinyin] = detection.canonical
            }
        }
        for index in linked.indices where linked[index].attributes["form"] == "pinyin-full" {
            if let pinyin = linked[index].attributes["pinyin"], let hanzi = hanziByPinyin[pinyin] ?? nil {
                linked[index].canonical = hanzi
                linked[index].attributes["key"] = nil
                linked[index].attributes["linked"] = "yes"
            }
        }
        // Full names indexed by what a shorter mention can share with them, so linking stays one pass
        // however many names a long document holds.
        var bySurname: [String: [Int]] = [:], byEnglishSurname: [String: [Int]] = [:], byPinyinSurname: [String: [Int]] = [:]
        var byGivenName: [String: [Int]] = [:]
        for (index, detection) in linked.enumerated() where detection.entity == .person && fullForms.contains(detection.attributes["form"] ?? "") {
            let form = detection.attributes["form"]
            if let surname = detection.attributes["surname"] {
                bySurname[surname, default: []].append(index)
                if form == "en-full" { byEnglishSurname[surname, default: []].append(index) }
            }
            if let pinyinSurname = detection.attributes["pinyin"]?.split(separator: " ").first { byPinyinSurname[String(pinyinSurname), default: []].append(index) }
            // 立兵 and 兵 of 卢立兵: the name without its surname, one or two characters shorter.
            if form == "full", let surname = detection.attributes["surname"] {
                let scalars = Array(detection.canonical.unicodeScalars)
                for cut in 1...2 where scalars.count - cut >= 2 {
                    let given = String(String.UnicodeScalarView(scalars[cut...]))
                    if !given.hasPrefix(surname) { byGivenName[given, default: []].append(index) }
                }
            }
        }
        guard !bySurname.isEmpty || !byPinyinSurname.isEmpty || !byGivenName.isEmpty else { return linked }
        for (index, detection) in linked.enumerated() where detection.entity == .person {
            let candidates: [Int]
            switch detection.attributes["form"] ?? "" {
            case "title", "lao", "xiao":
                candidates = detection.attributes["surname"].flatMap { bySurname[$0] } ?? []
            case "en-surname":
                candidates = detection.attributes["surname"].flatMap { byEnglishSurname[$0] } ?? []
            case "pinyin-surname":
                candidates = detection.attributes["surname"].flatMap { byPinyinSurname[$0] } ?? []
            case "full", "foreign":
                candidates = byGivenName[detection.canonical] ?? []
            default:
                continue
            }
            // The nearest full name before the mention, else the first after it.
            guard let target = candidates.last(where: { $0 < index }) ?? candidates.first else { continue }
            linked[index].canonical = linked[target].canonical
            linked[index].attributes["key"] = linked[target].attributes["key"]
            linked[index].attributes["linked"] = "yes"
        }
        return linked
    }
}
