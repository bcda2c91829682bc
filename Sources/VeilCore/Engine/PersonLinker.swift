/// Links the mentions of one person, so they share a pseudonym:
/// - 卢先生, 老卢 and 小卢 take the canonical value of the full name 卢立兵 (the nearest one before
///   them in the document, else the latest named in the documents before it, else the first after
///   them), and a given name alone (立兵) too;
/// - "Lu Libing" takes 卢立兵's when its pinyin is the same and no other name in characters reads so
///   (with 韦玉 and 韦宇 both named, "Wei Yu" is linked to neither); a bare "Lu" (Mr. Lu, Lu's)
///   takes the full name with that surname, in characters or in pinyin;
/// - "Smith" and "Jane" take the canonical value of "Jane Smith".
///
/// A pseudonym is kept under the name as written: the canonical value (卢立兵), or for a romanized
/// name linked to none, its pseudonym key ("lu li bing", whatever its capitals and hyphens).
///
/// Mentions that match no full name keep their own canonical value (a surname), so they get a
/// consistent pseudonym of their own.
enum PersonLinker {
    /// What a shorter mention can share with a full name. Held as UTF-8 bytes: hashing them does
    /// not normalize, as hashing a String of Chinese characters does (linking hashes one per mention).
    enum Link: Hashable, Sendable {
        case surname([UInt8])
        case englishSurname([UInt8])
        case pinyinSurname([UInt8])
        /// 立兵 and 兵 of 卢立兵: the name without its surname, one or two characters shorter.
        case givenName([UInt8])
        /// Ngozi of Ngozi Okonkwo: an English full name's first name.
        case englishGivenName([UInt8])

        static func surname(_ text: String) -> Link { .surname(Array(text.utf8)) }
        static func englishSurname(_ text: String) -> Link { .englishSurname(Array(text.utf8)) }
        static func pinyinSurname(_ text: String) -> Link { .pinyinSurname(Array(text.utf8)) }
        static func givenName(_ text: String) -> Link { .givenName(Array(text.utf8)) }
    }

    /// What shorter mentions can link to a full name by (none for other detections).
    static func links(of detection: Detection) -> [Link] {
        let facts = detection.facts
        guard detection.entity == .person, let form = facts.personForm, form.isLinkedTo else { return [] }
        var links: [Link] = []
        if let surname = facts.surname {
            links.append(.surname(surname))
            if form == .englishFull { links.append(.englishSurname(surname)) }
            if form == .englishFull, let given = facts.givenName, !given.isEmpty { links.append(.englishGivenName(Array(given.utf8))) }
        }
        if let pinyin = facts.pinyin, !pinyin.isEmpty {
            links.append(.pinyinSurname(String(pinyin.utf8.firstIndex(of: 0x20).map { pinyin[..<$0] } ?? pinyin[...])))
        }
        if form == .full, let surname = facts.surname {
            // Bytes: the name less its first one or two characters (each where a scalar starts).
            let bytes = Array(detection.canonical.utf8), surname = Array(surname.utf8)
            let starts = bytes.indices.filter { bytes[$0] & 0xC0 != 0x80 }
            for cut in 1...2 where starts.count - cut >= 2 {
                let given = Array(bytes[starts[cut]...])
                if !given.starts(with: surname) { links.append(.givenName(given)) }
            }
        }
        return links
    }

    /// What a shorter mention looks for in a full name (nil for a full name and other detections).
    static func target(of detection: Detection) -> Link? {
        guard detection.entity == .person else { return nil }
        let surname = detection.facts.surname
        switch detection.facts.personForm {
        case .title, .lao, .xiao, .surname: return surname.map { Link.surname($0) }
        case .englishSurname: return surname.map { Link.englishSurname($0) }
        case .englishFirst: return .englishGivenName(Array(detection.canonical.utf8))
        case .pinyinSurname: return surname.map { Link.pinyinSurname($0) }
        case .full, .foreign: return .givenName(detection.canonical)
        case .pinyinFull, .englishFull, .given, .nickname, nil: return nil
        }
    }

    /// The pinyin of a name in characters (nil for other detections).
    static func hanziReading(of detection: Detection) -> String? {
        detection.facts.personForm == .full ? detection.facts.pinyin : nil
    }

    /// `detections` (one document, in order) with the mentions of one person linked, among
    /// themselves and to the people `known` from the documents before.
    static func link(_ detections: [Detection], known: KnownPeople = KnownPeople()) -> [Detection] {
        var linked = detections
        // Romanized full names first take the canonical value of the one name in characters that
        // reads the same, here or before; where two do (韦玉, 韦宇), the romanized name is linked to
        // neither.
        var readings = Readings()
        for detection in detections { readings.note(detection) }
        for index in linked.indices where linked[index].facts.personForm == .pinyinFull {
            if let pinyin = linked[index].facts.pinyin, let hanzi = readings.hanzi(readingAs: pinyin, known: known.readings) {
                linked[index].canonical = hanzi
                linked[index].facts.pseudonymKey = nil
            }
        }
        // Full names indexed by what a shorter mention can share with them, so linking stays one pass
        // however many names a long document holds.
        var candidates: [Link: [Int]] = [:]
        for (index, detection) in linked.enumerated() {
            for link in links(of: detection) { candidates[link, default: []].append(index) }
        }
        guard !candidates.isEmpty || !known.isEmpty else { return linked }
        for (index, detection) in linked.enumerated() {
            guard let link = target(of: detection) else { continue }
            let here = candidates[link] ?? []
            // The nearest full name before the mention, else the latest of the documents before,
            // else the first after it. `here` is in order, and runs to thousands for a common
            // surname in a long document: the nearest before is found by halving.
            let firstAfter = SortedRanges.firstEnding(after: index, in: here) { $0..<$0 + 1 }
            let full: Detection
            if firstAfter > 0 {
                full = linked[here[firstAfter - 1]]
            } else if let earlier = known.latest[link] {
                full = earlier
            } else if let after = here.first {
                full = linked[after]
            } else {
                continue
            }
            linked[index].canonical = full.canonical
            linked[index].facts.pseudonymKey = full.facts.pseudonymKey
        }
        return linked
    }
}

/// The one name in characters that reads as each pinyin; nil where two differ (韦玉, 韦宇).
struct Readings: Sendable {
    private var hanziByPinyin: [String: String?] = [:]

    var isEmpty: Bool { hanziByPinyin.isEmpty }

    mutating func note(_ detection: Detection) {
        guard let pinyin = PersonLinker.hanziReading(of: detection) else { return }
        if let known = hanziByPinyin[pinyin] {
            if known != detection.canonical { hanziByPinyin[pinyin] = .some(nil) }
        } else {
            hanziByPinyin[pinyin] = detection.canonical
        }
    }

    /// The one name in characters read as `pinyin` here and in `known` together.
    func hanzi(readingAs pinyin: String, known: Readings) -> String? {
        switch (hanziByPinyin[pinyin], known.hanziByPinyin[pinyin]) {
        case (nil, nil): return nil
        case (let here?, nil): return here
        case (nil, let before?): return before
        case (let here?, let before?): return here == before ? here : nil
        }
    }
}

/// The people of the documents before, as ``PersonLinker`` links to them: the latest full name by
/// what a shorter mention can share with it, and which name in characters each pinyin reads as.
struct KnownPeople: Sendable {
    private(set) var latest: [PersonLinker.Link: Detection] = [:]
    private(set) var readings = Readings()

    var isEmpty: Bool { latest.isEmpty && readings.isEmpty }

    mutating func note(_ person: Detection) {
        readings.note(person)
        for link in PersonLinker.links(of: person) { latest[link] = person }
    }
}
