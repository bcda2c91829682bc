import VeilCore
import VeilText

/// Names that the words around them announce, in any alphabet: after a greeting (Dear Марјан
/// Заев, Hi Ujunwa), a self-introduction (hey its Basir, this is Núria), a phrase that names who
/// did something (Paid by CHINYERE OBI, on behalf of Aaqil Ubaydullah), a role (Driver Juliet
/// Olawale, two words at least), or a letter's closing (Kind regards,⏎Слободан Шакири); and the
/// names contact lines and chat lines show (EnglishNameRecognizer+ContactLines). The words say what follows
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
        /// A name begins the clause and ends one space before (a speech verb: Agnieszka said).
        case after
        /// A name follows a title written with its capital, after an optional dot (Ms Громова, Dr. Ogunbo).
        case title
        /// A name follows a relation after a possessive, and an optional comma (my mother, Arina Pop;
        /// their landlord Tomás).
        case relation
        /// A name follows a dash or a slash after a number, and ends its field (text 2170 271 356 —
        /// Ισιδώρα; Tel +31347-582496 / Roos de Boer / room 12): who the number is; or a dash after a
        /// sentence's end, and ends the message (… can you resend it? — Sigfried Sölzer): who wrote it.
        case afterNumber
        /// A name begins the clause and ends right before a possessive's contact (Anay's cell is …,
        /// Ingrid’s number): whose the number or address is; or before a role in brackets
        /// (Eimhear McAveigh (chair)).
        case possessed
    }

    /// The cue phrases, lower-case; matched whole-word, ignoring case.
    static let cuePhrases: [(phrase: String, kind: CueKind)] = {
        let before = [
            "dear", "hi", "hello", "hey", "it's", "its", "it’s", "it is", "this is", "i'm", "i’m", "im", "i am", "my name is",
            "my name's", "name's", "paid by", "booked by", "ordered by", "sent by", "written by", "approved by", "signed by",
            "submitted by", "requested by", "prepared by", "reported by", "on behalf of", "c/o", "attn", "bill to", "ship to",
            "text from", "message from", "sms from", "call from", "email from", "e-mail from", "note from", "reply from",
            "who's", "who’s", "who is", "forward to", "forwarded to", "pass this to", "pass it to",
            "delivery for", "parcel for", "thx", "congrats", "bye", "miss you", "love you", "ask for", "asking for",
            "asked for", "speak to", "speak with", "talk to", "talk with", "spoke to", "spoke with", "talked to", "belongs to",
            "belonging to", "owned by", "registered to", "issued to", "contact", "please call", "met", "meet", "called",
            "phoned", "rang", "messaged", "message for", "messages for", "note for", "next of kin", "sent from",
            "known as", "goes by", "gave her name as", "gave his name as", "gave their name as", "gave the name",
            // Who a sentence quotes or hires (Per Blessing Ogunleye, …; Quote from …; … hired Kiojah Madhubuti as …).
            "per", "quote from", "quoting", "hired", "appointed", "ping",
            // The same in the languages of Europe (Bitte rufen Sie …, Llamar a …, Merci de contacter …).
            "rufen sie", "kontaktieren sie", "wenden sie sich an", "llamar a", "llame a", "llama a", "contactar a", "contacte a",
            "contactar con", "hablar con", "preguntar por", "contacter", "contactez", "appeler", "appelez", "demander",
            "chiamare", "chiamate", "contattare", "contattate", "chiedere di", "ligar para", "ligue para", "falar com",
            "bel", "bellen", "zadzwoń do", "skontaktuj się z", "позвоните", "звоните", "свяжитесь с"
        ]
        let titles =
            [
                "mr", "mrs", "ms", "mx", "dr", "prof", "miss", "mister", "madam", "mme", "mlle", "herr", "frau", "sr", "sra", "srta", "sig", "sig.ra",
                "dott", "dott.ssa", "dhr", "mevr", "doç"
            ] + lowerCaseTitles
        let relations = [
            "mother", "father", "mom", "mum", "dad", "son", "daughter", "wife", "husband", "brother", "sister", "friend", "colleague",
            "boss", "manager", "partner", "neighbour", "neighbor", "cousin", "aunt", "uncle", "grandmother", "grandfather",
            "grandson", "granddaughter", "fiancé", "fiancée", "girlfriend", "boyfriend", "client", "tenant", "landlord", "lawyer"
        ]

        let roles = [
            "driver", "courier", "agent", "nurse", "doctor", "landlord", "landlady", "tenant", "manager", "colleague",
            "neighbour", "neighbor", "client", "customer", "patient", "lawyer", "attorney", "inspector", "pastor", "coach",
            "teacher", "student", "witness", "caller", "technician", "engineer", "director", "assistant", "secretary",
            "passenger", "guest", "traveller", "traveler", "member", "applicant", "employee", "owner", "buyer", "seller",
            "sender", "recipient", "holder", "cardholder", "debtor", "creditor", "borrower", "volunteer", "resident"
        ]
        let closings = [
            "regards", "kind regards", "best regards", "warm regards", "warmest regards", "best wishes", "sincerely",
            "yours sincerely", "yours faithfully", "yours truly", "thanks", "thank you", "many thanks", "cheers", "best"
        ]
        // The speech verbs the surname rule reads, and verbs of calling and answering (sorted: the
        // automaton's word indices stay the same from run to run).
        let verbs = speechVerbs.union([
            "texted", "called", "emailed", "confirmed", "left", "agreed", "insisted", "complained", "answered",
            "rang", "phoned", "messaged", "signed"
        ]).sorted()
        return before.map { ($0, .before) } + roles.map { ($0, .role) } + closings.map { ($0, .closing) } + verbs.map { ($0, .after) }
            + titles.map { ($0, .title) } + relations.map { ($0, .relation) } + ["—", "–", " / "].map { ($0, .afterNumber) }
            + possessedContacts.map { ($0, .possessed) }
    }()
    /// Honorifics that their languages write in small letters inside a sentence (il signor Rossi, pani
    /// Nowak, господин Петров), or that begin a Vietnamese name (Bà Vân Dương): a title cue in either
    /// case. Capitals beyond ASCII are listed apart (the automaton folds ASCII letters only). Short
    /// ones that other words hold (pan in company, don in London, Ing in thing) are left out: every
    /// occurrence inside a word is one more the cue loop reads and passes over.
    static let lowerCaseTitles = [
        "señor", "señora", "señorita", "monsieur", "madame", "signor", "signora", "signorina", "dottor",
        "dottore", "dottoressa", "senhor", "senhora", "pani", "pán", "paní", "doña",
        "meneer", "mevrouw", "herra", "rouva", "fru", "fröken", "frøken", "domnul", "doamna", "gospodin",
        "gospođa", "sayın", "bayan", "bà", "ông", "chị", "cô", "quý cô", "quý ông",
        "господин", "госпожа", "пан", "пані", "г-н", "г-жа", "κύριος", "κυρία", "κος", "κα", "др",
        "Господин", "Госпожа", "Пан", "Пані", "Г-н", "Г-жа", "Κύριος", "Κυρία", "Κος", "Κα", "Др", "Ông"
    ]
    /// A possessive's contact: what a person's name before it owns (Anay's cell, Ingrid’s email).
    static let possessedContacts =
        [
            "cell", "phone", "mobile", "number", "landline", "email", "e-mail", "address", "whatsapp", "home number",
            "work number", "cell phone", "mobile number", "phone number"
        ].flatMap { ["'s " + $0, "’s " + $0] }
        // Minutes: Eimhear McAveigh (chair), a caption's Ana Ruiz (left): a role in brackets after a name.
        + [
            "chair", "chairman", "chairwoman", "chairperson", "secretary", "treasurer", "host", "moderator", "pictured", "left", "right", "centre",
            "center", "ceo", "founder", "organiser", "organizer", "speaker", "witness", "guest", "minutes", "apologies", "absent"
        ].map { " (" + $0 + ")" }
    static let cueAutomaton = AhoCorasick(words: cuePhrases.map(\.phrase))
    /// The title cues that may be written in small letters, as indices into `cuePhrases`.
    static let lowerCaseTitleCues = Set(cuePhrases.indices.filter { cuePhrases[$0].kind == .title && lowerCaseTitles.contains(cuePhrases[$0].phrase) })
    /// The closings that also thank a name in a sentence (Thanks Jane!), as indices into `cuePhrases`.
    static let thanks = Set(cuePhrases.indices.filter { ["thanks", "thank you", "many thanks", "cheers"].contains(cuePhrases[$0].phrase) })
    /// Verbs of calling that also name things (a band called BTS, a town called Malice): a person
    /// only when the call goes on after the name (called Ingunn back, rang Aksel at 9).
    static let callingVerbs = Set(
        cuePhrases.indices.filter { cuePhrases[$0].kind == .before && ["called", "phoned", "rang", "messaged"].contains(cuePhrases[$0].phrase) })
    /// What follows a called person's name.
    private static let afterCalledName: [[UInt8]] = [" back", " on ", " at ", " about ", " again"].map { Array($0.utf8) }

    /// The people the cues announce, over the document's original text.
    func cuedPeople(_ document: DocumentText) -> [Detection] {
        let bytes = document.bytes
        var detections: [Detection] = []
        for occurrence in Self.cueAutomaton.occurrences(in: bytes) {
            let range = occurrence.range
            let kind = Self.cuePhrases[occurrence.word].kind
            if kind == .afterNumber {
                if let detection = nameAfterNumber(in: bytes, separator: range) { detections.append(detection) }
                continue
            }
            // Whole words: no letter or digit just before or after the phrase (a possessive's
            // contact follows its owner's name).
            if kind != .possessed, range.lowerBound > 0, ASCIIByte.isAlphanumeric(bytes[range.lowerBound - 1]) { continue }
            guard range.upperBound < bytes.count ? !ASCIIByte.isAlphanumeric(bytes[range.upperBound]) : kind == .possessed else { continue }
            var start = range.upperBound
            if kind == .possessed {
                // The clause's first words, up to the apostrophe: If you need anything, Anay's cell.
                guard range.lowerBound >= 2, bytes[range.lowerBound - 1] != 0x20, let clause = Self.clauseStart(bytes, before: range.lowerBound) else { continue }
                start = clause
            } else if kind == .after {
                // The clause's first words, one space before the verb (Subject: …⏎Jalees Saburah left,
                // Per our call, Angel confirmed); most verbs follow a small word (he said), told at once.
                guard range.lowerBound >= 2, bytes[range.lowerBound - 1] == 0x20 else { continue }
                var wordStart = range.lowerBound - 1
                while wordStart > 0, bytes[wordStart - 1] != 0x20, bytes[wordStart - 1] != 0x0A { wordStart -= 1 }
                guard Self.mayStartName(bytes, at: wordStart), let clause = Self.clauseStart(bytes, before: range.lowerBound) else { continue }
                start = clause
            }
            var thanked = false
            switch kind {
            case .after, .afterNumber, .possessed:
                break
            case .before, .role:
                guard bytes[start] == 0x20 else { continue }
                start += 1
                // Contact <b>Ana Ruiz</b>: a tag around the name.
                if start < bytes.count, bytes[start] == 0x3C, let close = bytes[start..<min(bytes.count, start + 10)].firstIndex(of: 0x3E),
                    bytes[(start + 1)..<close].allSatisfy(ASCIIByte.isLetter)
                {
                    start = close + 1
                }
            case .title:
                guard Self.lowerCaseTitleCues.contains(occurrence.word) || Self.mayStartName(bytes, at: range.lowerBound) else { continue }
                // A whole word in its alphabet too (not the κα ending Μακα).
                guard range.lowerBound == 0 || bytes[range.lowerBound - 1] < 0x80 else { continue }
                if bytes[start] == 0x2E { start += 1 }
                guard start + 1 < bytes.count, bytes[start] == 0x20 else { continue }
                start += 1
            case .relation:
                // After my, our, his, her or their.
                guard Self.followsPossessive(bytes, at: range.lowerBound) else { continue }
                if bytes[start] == 0x2C { start += 1 }
                guard start + 1 < bytes.count, bytes[start] == 0x20 else { continue }
                start += 1
            case .closing where Self.thanks.contains(occurrence.word) && start + 1 < bytes.count && bytes[start] == 0x20:
                // Thanks Jane! Cheers Ngozi, …: thanks said to a name, which ends the clause.
                start += 1
                thanked = true
                guard Self.mayStartName(bytes, at: start), let name = nameRange(in: bytes, from: start),
                    name.upperBound == bytes.count || [0x21, 0x2C, 0x2E, 0x3F, 0x0A, 0x0D].contains(bytes[name.upperBound])
                else { continue }
            case .closing
            where start + 2 < bytes.count && bytes[start] == 0x2C && bytes[start + 1] == 0x20 && bytes[start + 2] != 0x20
                && Self.beginsSentence(bytes, at: range.lowerBound):
                // … Thanks, Mille⏎ Regards, Ana Ruiz (the message's end): the closing begins its
                // sentence, the name after its comma is the rest of the line (checked below).
                start += 2
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
            guard start < bytes.count, Self.mayStartName(bytes, at: start), let name = nameRange(in: bytes, from: start) else { continue }
            if kind == .after, name.upperBound != range.lowerBound - 1 { continue }
            if kind == .possessed, name.upperBound != range.lowerBound { continue }
            let written = bytes[name].split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
            let words = written.count
            // Dear Mr Guo: the rules for titles have it. A cue's words are weaker evidence than a
            // label's: a name that starts with a common word (THIS IS SO GOOD, This Is On The Trending
            // Tab) is one only when that word is a first name and the words are not shouted.
            let first = written[0].hasSuffix(".") ? String(written[0].dropLast()) : written[0]
            let listed = Self.listed(first)
            if Self.titles.contains(listed) { continue }
            // Our client Acme Ltd: a name that ends in a company's word is not a person.
            if words > 1, Self.organizationHeads.contains(written[words - 1].lowercased()) { continue }
            let shouted = written.allSatisfy { $0.uppercased() == $0 }
            // So-and-so, know-it-all: common words joined are one.
            let common = isCommonWord(first) || (first.contains("-") && first.split(separator: "-").allSatisfy { isCommonWord(String($0)) })
            if common, firstNames[listed] == nil || shouted { continue }
            // One word before a verb: a first name, or no English word at all (Landlord said is not).
            if kind == .after, words == 1, firstNames[listed] == nil, tagger?.rank(of: first.lowercased()) != nil { continue }
            if kind == .role && words < 2 { continue }
            // Guarantor's phone, the Tenant's email: one word before a possessive's contact is a
            // person when a first-name or surname list holds it; a role's word is not.
            if kind == .possessed, words == 1, firstNames[listed] == nil,
                tagger.map({
                    let listing = $0.listing(of: first.lowercased()); return listing.first == nil && listing.last == nil
                }) ?? true
            {
                continue
            }
            if kind == .closing, !thanked {
                // The name is the whole line.
                var end = name.upperBound
                while end < bytes.count, bytes[end] == 0x20 || bytes[end] == 0x0D { end += 1 }
                guard end == bytes.count || bytes[end] == 0x0A else { continue }
            }
            if Self.callingVerbs.contains(occurrence.word), !Self.afterCalledName.contains(where: { bytes[name.upperBound...].starts(with: $0) }) { continue }
            // One word before a verb or after a title scores below person-pinyin's "Lu said" and "Mr.
            // Lu" (0.6 and more), which link it to 卢立兵.
            let score = words < 2 ? (kind == .after || kind == .title || kind == .possessed ? 0.55 : 0.7) : 0.75
            if let detection = labelledPerson(in: bytes, name, rule: "en-cued", score: score) { detections.append(detection) }
        }
        detections += contactLineNames(in: bytes)
        return detections
    }

    /// Where the clause that ends at `end` begins: after the nearest line break or clause mark (, ; :
    /// . ! ? " or an opening bracket) within 64 bytes, its spaces passed; nil when none is that near.
    static func clauseStart(_ bytes: [UInt8], before end: Int) -> Int? {
        var clause = end
        while clause > 0, end - clause <= 64, ![0x0A, 0x2C, 0x3B, 0x3A, 0x2E, 0x21, 0x3F, 0x22, 0x28].contains(bytes[clause - 1]) {
            clause -= 1
        }
        guard end - clause <= 64 else { return nil }
        while clause < end, bytes[clause] == 0x20 { clause += 1 }
        return clause
    }

    /// Whether the word at `index` begins a sentence: the text's or a line's start, or a space after
    /// a full stop, a question or exclamation mark, or a dash.
    static func beginsSentence(_ bytes: [UInt8], at index: Int) -> Bool {
        var before = index
        while before > 0, bytes[before - 1] == 0x20 { before -= 1 }
        guard before > 0 else { return true }
        if [0x0A, 0x2E, 0x3F, 0x21].contains(bytes[before - 1]) { return before < index || bytes[before - 1] == 0x0A }
        return before < index && before >= 3 && bytes[before - 3] == 0xE2 && bytes[before - 2] == 0x80 && (bytes[before - 1] == 0x94 || bytes[before - 1] == 0x93)
    }

    /// Possessives before a relation (my mother, their landlord), lower-case.
    private static let possessives: [[UInt8]] = ["my", "our", "his", "her", "their"].map { Array($0.utf8) }

    /// Whether a possessive and one space stand before `index`.
    static func followsPossessive(_ bytes: [UInt8], at index: Int) -> Bool {
        guard index >= 3, bytes[index - 1] == 0x20 else { return false }
        var start = index - 1
        while start > 0, ASCIIByte.isLetter(bytes[start - 1]), index - start <= 6 { start -= 1 }
        return possessives.contains(bytes[start..<(index - 1)].map { $0 | 0x20 })
    }

    /// Whether a name can begin at `index`: a capital letter, ASCII or of another alphabet (Ж, Δ,
    /// Ö; not a Chinese character).
    static func mayStartName(_ bytes: [UInt8], at index: Int) -> Bool {
        let byte = bytes[index]
        if byte < 0x80 { return ASCIIByte.isUppercase(byte) }
        // Capitals beyond ASCII are two or three bytes long (Latin, Greek, Cyrillic, Armenian …).
        guard byte >= 0xC0, byte < 0xE2 else { return false }
        var decoder = UTF8()
        var iterator = bytes[index..<min(bytes.count, index + 4)].makeIterator()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return false }
        return scalar.properties.isUppercase || scalar.properties.generalCategory == .titlecaseLetter
    }
}
