/// Names that the words around them announce, in any alphabet: after a greeting (Dear Марјан
/// Заев, Hi Ujunwa), a self-introduction (hey its Basir, this is Núria), a phrase that names who
/// did something (Paid by CHINYERE OBI, on behalf of Aaqil Ubaydullah), a role (Driver Juliet
/// Olawale, two words at least), a letter's closing (Kind regards,⏎Слободан Шакири), or a mail
/// header's address in angle brackets (Драгана Марковски <0259 327905>). The words say what follows
/// is a person, so the name need not be in any list; it must still not be common words alone
/// (Dear Customer, it's Monday, Hi All).
extension EnglishNameRecognizer {
    /// What a cue announces, and how a name must follow it.
    enum CueKind: Sendable {
        /// A name follows after one space (a greeting, a self-introduction, "paid by").
        case before
        /// A name of two words or more follows after one space (a role: Driver, Nurse).
        case role
        /// A name stands alone on the next line (a closing: Kind regards,).
        case closing
    }

    /// The cue phrases, lower-case; matched whole-word, ignoring case.
    static let cuePhrases: [(phrase: String, kind: CueKind)] = {
        let before = ["dear", "hi", "hello", "hey", "it's", "its", "it’s", "it is", "this is", "i'm", "i’m", "im", "i am", "my name is",
                      "my name's", "name's", "paid by", "booked by", "ordered by", "sent by", "written by", "approved by", "signed by",
                      "submitted by", "requested by", "prepared by", "reported by", "on behalf of", "c/o", "attn", "bill to", "ship to"]
        let roles = ["driver", "courier", "agent", "nurse", "doctor", "landlord", "landlady", "tenant", "manager", "colleague",
                     "neighbour", "neighbor", "client", "customer", "patient", "lawyer", "attorney", "inspector", "pastor", "coach",
                     "teacher", "student", "witness", "caller", "technician", "engineer", "director", "assistant", "secretary"]
        let closings = ["regards", "kind regards", "best regards", "warm regards", "warmest regards", "best wishes", "sincerely",
                        "yours sincerely", "yours faithfully", "yours truly", "thanks", "thank you", "many thanks", "cheers", "best"]
        return before.map { ($0, .before) } + roles.map { ($0, .role) } + closings.map { ($0, .closing) }
    }()
    static let cueAutomaton = AhoCorasick(words: cuePhrases.map(\.phrase))

    /// The people the cues announce, over the document's original text.
    func cuedPeople(_ document: DocumentText) -> [Detection] {
        let bytes = document.bytes
        var detections: [Detection] = []
        for occurrence in Self.cueAutomaton.occurrences(in: bytes) {
            let range = occurrence.range
            // Whole words: no letter or digit just before or after the phrase.
            if range.lowerBound > 0, ASCIIByte.isAlphanumeric(bytes[range.lowerBound - 1]) { continue }
            guard range.upperBound < bytes.count, !ASCIIByte.isAlphanumeric(bytes[range.upperBound]) else { continue }
            let kind = Self.cuePhrases[occurrence.word].kind
            var start = range.upperBound
            switch kind {
            case .before, .role:
                guard bytes[start] == 0x20 else { continue }
                start += 1
            case .closing:
                // The phrase ends its line (a comma or an exclamation mark allowed), the name is the next.
                if start < bytes.count, bytes[start] == 0x2C || bytes[start] == 0x21 { start += 1 }
                while start < bytes.count, bytes[start] == 0x20 { start += 1 }
                if start < bytes.count, bytes[start] == 0x0D { start += 1 }
                guard start < bytes.count, bytes[start] == 0x0A else { continue }
                start += 1
                // The closing begins its line too (not "thanks" inside a sentence).
                var lineStart = range.lowerBound
                while lineStart > 0, bytes[lineStart - 1] == 0x20 { lineStart -= 1 }
                guard lineStart == 0 || bytes[lineStart - 1] == 0x0A else { continue }
            }
            guard let name = nameRange(in: bytes, from: start) else { continue }
            let written = bytes[name].split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
            let words = written.count
            // Dear Mr Guo: the rules for titles have it. A cue's words are weaker evidence than a
            // label's: a name that starts with a common word (THIS IS SO GOOD, This Is On The Trending
            // Tab) is one only when that word is a first name and the words are not shouted.
            let first = written[0].hasSuffix(".") ? String(written[0].dropLast()) : written[0]
            let listed = { (word: String) in word.prefix(1).uppercased() + word.dropFirst().lowercased() }
            if Self.titles.contains(listed(first)) { continue }
            let isCommon = { (word: String) in (self.tagger?.rank(of: word.lowercased())).map { $0 <= "2" } ?? false }
            let shouted = written.allSatisfy { $0.uppercased() == $0 }
            if isCommon(first), firstNames[listed(first)] == nil || shouted { continue }
            if kind == .role && words < 2 { continue }
            if kind == .closing {
                // The name is the whole line.
                var end = name.upperBound
                while end < bytes.count, bytes[end] == 0x20 || bytes[end] == 0x0D { end += 1 }
                guard end == bytes.count || bytes[end] == 0x0A else { continue }
            }
            let score = kind == .before && words < 2 ? 0.7 : 0.75
            if let detection = labelledPerson(in: bytes, name, rule: "en-cued", score: score) { detections.append(detection) }
        }
        detections += headerNames(in: bytes)
        return detections
    }

    /// Names of two words or more that begin a line and stand right before an address or number in
    /// angle brackets (Jane Gstöhl <257 38 87>, Ana Ruiz <ana@example.org>).
    private func headerNames(in bytes: [UInt8]) -> [Detection] {
        var detections: [Detection] = []
        guard bytes.count > 1 else { return [] }
        var index = 1
        while let bracket = bytes[index...].firstIndex(of: 0x3C) {
            index = bracket + 1
            guard bytes[bracket - 1] == 0x20 else { continue }
            var lineStart = bracket - 1
            while lineStart > 0, bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
            guard bracket - lineStart <= 80, let name = nameRange(in: bytes, from: lineStart), name.upperBound == bracket - 1,
                  bytes[name].contains(0x20), let detection = labelledPerson(in: bytes, name, rule: "en-cued", score: 0.75) else { continue }
            detections.append(detection)
        }
        return detections
    }
}
