import VeilCore
import VeilText

/// Names a form or a table labels as names: the value after "Name:", "Customer:", "Cardholder:",
/// "Emergency contact:" and the like, and the cells of a column headed Name, Full name, Guest or
/// Payee. The label says what the words are, so a name of any nationality and any alphabet
/// (Caitriona Scullion, Δαμιανή Ξηροδήμα, IBIRONKE ADELUSI) is found without being known.
extension EnglishNameRecognizer {
    /// Labels of a field that holds a person's name, lower-cased, words parted by one space.
    static let personLabels: Set<String> = [
        "name", "full name", "fullname", "first name", "last name", "surname", "given name", "family name", "your name", "contact name",
        "customer", "customer name", "client", "client name", "guest", "guest name", "patient", "patient name", "cardholder",
        "cardholder name", "card holder", "card holder name", "name on card", "account holder", "account name", "holder", "payee",
        "payer", "beneficiary", "recipient", "sender", "addressee", "attn", "attention", "contact", "contact person", "emergency contact",
        "next of kin", "applicant", "passenger", "passenger name", "traveller", "traveler", "tenant", "landlord", "witness", "employee",
        "employee name", "student", "student name", "member", "member name", "user", "buyer", "seller", "driver", "owner", "signed",
        "signed by", "signature", "submitted by", "requested by", "prepared by", "reported by", "interviewee", "respondent", "author",
        "from", "to", "cc", "bill to", "ship to", "sold to", "invoice to", "lead", "new lead", "paid by", "booked by", "guardian",
        "parent", "spouse", "caller", "host", "organizer", "organiser", "speaker", "nominee", "guest list", "attendee", "participant", "attendees", "participants",
        "guests", "present",
        "speakers", "panelists", "panellists", "invitees", "signatories", "members present", "rsvp",
        "beneficiary name", "payee name", "payer name", "recipient name", "sender name", "account holder name", "holder name",
        "owner name", "tenant name", "driver name", "caller name", "contact person name", "guarantor", "co-signer", "cosigner",
        "co-applicant", "borrower", "lender", "debtor", "creditor", "claimant", "complainant", "victim", "suspect", "insured",
        "policyholder", "subscriber", "visitor", "resident", "occupant", "lessee", "lessor", "heir", "executor", "trustee",
        // A vCard's formatted name (FN:), and the same fields in the languages of Europe's forms.
        "fn",
        "nom", "prénom", "nom complet", "titulaire", "bénéficiaire", "destinataire", "expéditeur", "interlocuteur",
        "nombre", "apellido", "apellidos", "nombre completo", "nombre y apellidos", "titular", "beneficiario", "destinatario", "cliente",
        "remitente", "contacto", "nome", "sobrenome", "nome completo", "beneficiário", "destinatário", "remetente", "contato", "cognome",
        "nome e cognome", "titolare", "mittente", "contatto", "vorname", "nachname", "vollständiger name", "inhaber", "kontoinhaber",
        "karteninhaber", "empfänger", "begünstigter", "kunde", "absender", "ansprechpartner", "kontakt", "naam", "voornaam", "achternaam",
        "rekeninghouder", "begunstigde", "ontvanger", "klant", "afzender", "imię", "nazwisko", "imię i nazwisko", "odbiorca", "nadawca",
        "klient", "właściciel", "jméno", "příjmení", "příjemce", "namn", "navn", "mottagare", "mottaker", "nimi", "etunimi", "sukunimi",
        "név", "ad soyad", "isim", "soyad", "имя", "фамилия", "фио", "получатель", "отправитель", "клиент", "ім'я", "прізвище", "όνομα",
        "επώνυμο", "ονοματεπώνυμο",
        // A contact person, in the same languages.
        "kontaktperson", "contactpersoon", "ansprechperson", "personne de contact", "persona de contacto", "persona di contatto",
        "pessoa de contato", "pessoa de contacto", "osoba kontaktowa", "kontaktní osoba", "kontaktná osoba", "kontaktna oseba",
        "kontakt osoba", "yhteyshenkilö", "kapcsolattartó", "kontaktisik", "kontaktinis asmuo", "kontaktpersona", "persoană de contact",
        "iletişim kişisi", "tengiliður", "referente", "контактное лицо", "контактна особа", "лице за контакт", "υπεύθυνος επικοινωνίας"
    ]
    /// Labels whose value is a name only when it has two words and the line ends with it or an
    /// e-mail address follows (From: Jane Doe <jane@…>): From: London is a place.
    static let headerLabels: Set<String> = ["from", "to", "cc"]
    /// Lower-case words that join the parts of a name (Aimée van den Hoek, Ana da Luz).
    static let nameParticles: Set<String> = [
        "van", "von", "der", "den", "de", "da", "das", "do", "dos", "del", "della", "di", "du", "la", "le",
        "ter", "ten", "bin", "binti", "al", "el", "y", "e", "zu", "af"
    ]

    /// Labels of a list of people, each name after a comma or "and".
    static let listLabels: Set<String> = [
        "attendees", "participants", "guests", "present", "speakers", "panelists", "panellists", "invitees", "rsvp",
        "signatories", "members present", "guest list"
    ]

    /// The names that follow `first` in a list: after ", ", " and ", ", and " or " & ", up to twelve.
    private func listedAfter(_ first: Range<Int>, in bytes: [UInt8]) -> [Detection] {
        var detections: [Detection] = []
        var end = first.upperBound
        for _ in 0..<12 {
            // RSVP: Jorge Daza +1, Yésica: a guest's plus-one after the name.
            if end + 3 < bytes.count, bytes[end] == 0x20, bytes[end + 1] == 0x2B, ASCIIByte.isDigit(bytes[end + 2]) { end += 3 }
            var next = end
            for separator in [", and ", ", ", " and ", " & "] where bytes[next...].starts(with: separator.utf8) {
                next += separator.utf8.count
                break
            }
            guard next > end, next < bytes.count, Self.mayStartName(bytes, at: next), let name = nameRange(in: bytes, from: next),
                let detection = labelledPerson(in: bytes, name, rule: "en-labelled", score: 0.75)
            else { break }
            detections.append(detection)
            end = name.upperBound
        }
        return detections
    }

    /// The people forms and tables label, over the document's original text.
    func labelledPeople(_ document: DocumentText) -> [Detection] {
        let bytes = document.bytes
        var detections: [Detection] = []
        // Field labels: a colon (or an equals sign, or a bar) after a label that begins its line or
        // clause: Name: …, customer_name=…&, Name | ….
        var index = 0
        while let colon = Self.nextColon(in: bytes, from: index) {
            index = colon + 1
            var start = colon
            // A key before an equals sign is one word (INFO signup user="…"): a space ends it too.
            let keyValue = bytes[colon] == 0x3D
            // (A sentence's end begins a label too: Tenant: Mary Uche. Guarantor: Patience Oyekan.)
            // (No label is longer than 32 bytes: the walk back stops there.)
            while start > 0, colon - start <= 32, ![0x0A, 0x09, 0x3B, 0x7C, 0x2C, 0x3E, 0x7B, 0x2F, 0x26, 0x3F, 0x28].contains(bytes[start - 1]),
                !(keyValue && bytes[start - 1] == 0x20),
                !(start >= 2 && bytes[start - 1] == 0x20 && bytes[start - 2] == 0x2E)
            {
                start -= 1
            }
            guard colon - start <= 32 else { continue }
            let label = Self.normalizedLabel(bytes[start..<colon])
            guard Self.personLabels.contains(label) else { continue }
            var valueStart = colon + (bytes[colon] < 0x80 ? 1 : 3)
            while valueStart < bytes.count, bytes[valueStart] == 0x20 || (bytes[colon] == 0x2E && bytes[valueStart] == 0x2E) { valueStart += 1 }
            if bytes[colon] == 0x2E { index = valueStart }
            // A JSON or YAML value in quotes ("customer": "Èric Cadenas").
            if valueStart < bytes.count, bytes[valueStart] == 0x22 || bytes[valueStart] == 0x27 { valueStart += 1 }
            guard let name = nameRange(in: bytes, from: valueStart) else { continue }
            if Self.headerLabels.contains(label) {
                // Two words at least: From: London is a place.
                guard bytes[name].contains(0x20) else { continue }
                var after = name.upperBound
                // From: "Loes Brands"⏎: the quotes a mail header may put around the name.
                if after < bytes.count, bytes[after] == 0x22 || bytes[after] == 0x27 { after += 1 }
                while after < bytes.count, bytes[after] == 0x20 { after += 1 }
                guard after == bytes.count || bytes[after] == 0x0A || bytes[after] == 0x0D || bytes[after] == 0x3C else { continue }
            }
            if let detection = labelledPerson(in: bytes, name, rule: "en-labelled", score: 0.8) { detections.append(detection) }
            // Attendees: Laurin, Leoni and Leon Wild: a list's label names every person in it.
            if Self.listLabels.contains(label) { detections += listedAfter(name, in: bytes) }
            // Patient: Lawal, Shamsuddeen | …: the surname first, then the given name, which ends the field.
            let givenStart = name.upperBound + 2
            if givenStart < bytes.count, bytes[name.upperBound] == 0x2C, bytes[name.upperBound + 1] == 0x20, Self.mayStartName(bytes, at: givenStart),
                let given = nameRange(in: bytes, from: givenStart), Self.endsField(bytes, at: given.upperBound),
                let detection = labelledPerson(in: bytes, given, rule: "en-labelled", score: 0.75)
            {
                detections.append(detection)
            }
        }
        // Table cells under a name column.
        for cell in document.tableColumns.cells(under: { Self.personLabels.contains(Self.normalizedLabel(bytes[$0])) }, in: bytes) {
            var start = cell.lowerBound
            while start < cell.upperBound, bytes[start] == 0x20 { start += 1 }
            guard let name = nameRange(in: bytes, from: start) else { continue }
            var end = name.upperBound
            while end < cell.upperBound, bytes[end] == 0x20 || bytes[end] == 0x0D { end += 1 }
            guard end == cell.upperBound, let detection = labelledPerson(in: bytes, name, rule: "en-labelled", score: 0.75) else { continue }
            detections.append(detection)
        }
        return detections
    }

    /// Whether a field ends at `index`: the text's or line's end, or a bar, a semicolon or a slash after spaces.
    static func endsField(_ bytes: [UInt8], at index: Int) -> Bool {
        var index = index
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0D { index += 1 }
        return index == bytes.count || [0x0A, 0x7C, 0x3B, 0x2F].contains(bytes[index])
    }

    /// The first colon, ASCII or full-width (U+FF1A, EF BC 9A), at or after `start` — or an equals
    /// sign, a bar with a space before it (a label's in a vertical table: Name | …), an arrow, a
    /// spaced dash or a dotted leader's first dot: one pass.
    private static func nextColon(in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x3A || byte == 0x3D { return index }
            if byte == 0x7C, index > 0, bytes[index - 1] == 0x20 { return index }
            if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBC, bytes[index + 2] == 0x9A { return index }
            if byte == 0xE2, index + 3 < bytes.count {
                // An arrow (name → …), or a spaced dash (Emergency contact — Philippe Monney, …).
                let second = bytes[index + 1], third = bytes[index + 2]
                if second == 0x86, third == 0x92 { return index }
                if second == 0x80, third == 0x94 || third == 0x93, bytes[index + 3] == 0x20, index > 0, bytes[index - 1] == 0x20 { return index }
            }
            // A dotted leader (Name.......... …).
            if byte == 0x2E, index + 2 < bytes.count, bytes[index + 1] == 0x2E, bytes[index + 2] == 0x2E { return index }
            index += 1
        }
        return nil
    }

    /// A label lower-cased, its underscores, hyphens and runs of spaces made single spaces, a final
    /// dot or asterisk dropped, quotes and an opening brace around it too (Full_Name*, Cardholder
    /// name., {"customer").
    static func normalizedLabel(_ bytes: ArraySlice<UInt8>) -> String {
        var bytes = bytes
        while let first = bytes.first, [0x20, 0x22, 0x27, 0x7B, 0x5B].contains(first) { bytes.removeFirst() }
        while let last = bytes.last, [0x20, 0x22, 0x27].contains(last) { bytes.removeLast() }
        var text = String(decoding: bytes, as: UTF8.self).lowercased()
        text = String(text.map { $0 == "_" || $0 == "-" ? " " : $0 })
        while let last = text.last, last == "." || last == "*" || last == " " { text.removeLast() }
        return text.split(separator: " ").joined(separator: " ")
    }

    /// The name that begins at `start`: one to five words, each capitalized (or the whole name in
    /// capitals), particles allowed between them, parted by single spaces; nil when none does.
    func nameRange(in bytes: [UInt8], from start: Int) -> Range<Int>? {
        guard start < bytes.count else { return nil }
        let rest = String(decoding: bytes[start..<min(bytes.count, start + 160)], as: UTF8.self)
        var words: [(range: Range<Int>, text: String)] = []
        var offset = start
        var current = ""
        var currentStart = start
        func close() {
            if !current.isEmpty { words.append((currentStart..<offset, current)) }
            current = ""
        }
        for scalar in rest.unicodeScalars {
            let isLetter = scalar.properties.isAlphabetic
            let joins = (scalar == "'" || scalar == "’" || scalar == "-" || scalar == ".") && !current.isEmpty
            if isLetter || joins {
                if current.isEmpty { currentStart = offset }
                current.unicodeScalars.append(scalar)
            } else if scalar == " ", !current.isEmpty {
                close()
            } else {
                close()
                break
            }
            offset += UTF8.width(scalar)
            if words.count > 5 { break }
        }
        close()
        // Trailing dots are sentence ends, not initials, unless the word is one letter.
        var accepted: [(range: Range<Int>, text: String)] = []
        // A name in capitals: its words up to the first that is not (Paid by CHANYA PRACHAYAROCH with …).
        let isCaps = { (text: String) in text.filter(\.isLetter).count >= 2 && text.allSatisfy { !$0.isLetter || $0.isUppercase } }
        let allCaps = words.first.map { isCaps($0.text) } ?? false
        if allCaps, let end = words.prefix(5).firstIndex(where: { !isCaps($0.text) }) { words.removeSubrange(end...) }
        for (position, word) in words.prefix(5).enumerated() {
            // Words must follow each other with one space.
            if let previous = accepted.last, word.range.lowerBound != previous.range.upperBound + 1 { break }
            let first = word.text.unicodeScalars.first!
            let capitalized = first.properties.isUppercase || first.properties.generalCategory == .titlecaseLetter
            if capitalized && (allCaps || word.text.dropFirst().contains { $0.isLowercase } || word.text.count <= 2) && !Self.runsOn(word.text) {
                accepted.append(word)
                // A dot after a word longer than an initial ends a sentence, and the name (London. Hi All).
                if word.text.hasSuffix("."), word.text.count > 2, !Self.titles.contains(String(word.text.dropLast())) { break }
            } else if position > 0, Self.nameParticles.contains(word.text), position + 1 < words.count {
                accepted.append(word)
            } else {
                break
            }
        }
        while let last = accepted.last, Self.nameParticles.contains(last.text) { accepted.removeLast() }
        guard let first = accepted.first, let last = accepted.last else { return nil }
        var end = last.range.upperBound
        if last.text.hasSuffix("."), last.text.count > 2 { end -= 1 }
        // Weitzel-Ring's iPhone: the name without its possessive.
        end -= Self.possessiveLength(bytes, wordStart: last.range.lowerBound, end: end)
        return first.range.lowerBound..<end
    }

    /// Whether a word runs on into the next with a capital after four or more small letters
    /// (StücklerPhone: a line read again with its break taken out), not a McDonald or a DeVito.
    static func runsOn(_ word: String) -> Bool {
        var small = 0
        for character in word {
            if character.isLowercase { small += 1 } else if character.isUppercase { if small >= 4 { return true }; small = 0 } else { small = 0 }
        }
        return false
    }

    /// A person found by label or column, unless every word of it is a common English word and one
    /// of them is in no name list (Name: Not Given, Customer: Walk In; Name: Mark Brown stays).
    func labelledPerson(in bytes: [UInt8], _ range: Range<Int>, rule: String, score: Double) -> Detection? {
        let words = String(decoding: bytes[range], as: UTF8.self).split(separator: " ").map(String.init)
        let names = words.filter { !Self.nameParticles.contains($0) }
        let isKnownName = { (word: String) -> Bool in
            let listed = Self.listed(word)
            return self.firstNames[listed] != nil || self.lastNames[listed] != nil
        }
        guard !names.isEmpty, !(names.allSatisfy(isCommonWord) && !names.allSatisfy(isKnownName)) else { return nil }
        return person(range, names: names, listedAs: Self.listed(names[0]), rule: rule, score: score)
    }

    /// The bytes of a possessive's 's or ’s (either case) that end the word from `wordStart` to
    /// `end`, after at least one more byte of it: 2, 4, or 0 for none (Okonkwo's, Weitzel-Ring’s).
    static func possessiveLength(_ bytes: [UInt8], wordStart: Int, end: Int) -> Int {
        guard end - wordStart > 2, bytes[end - 1] | 0x20 == 0x73 else { return 0 }
        if bytes[end - 2] == 0x27 { return 2 }
        if end - wordStart > 4, bytes[end - 4] == 0xE2, bytes[end - 3] == 0x80, bytes[end - 2] == 0x99 { return 4 }
        return 0
    }

    /// A word as the name lists spell it, capitalized: IBIRONKE is looked up as Ibironke.
    static func listed(_ word: String) -> String { word.prefix(1).uppercased() + word.dropFirst().lowercased() }

    /// Whether a word is among the 5,000 commonest English words (the tagger's frequency buckets).
    func isCommonWord(_ word: String) -> Bool { (tagger?.rank(of: word.lowercased())).map { $0 <= "2" } ?? false }

    /// Whether a first-name list (census or world) holds `word`.
    func isFirstName(_ word: String) -> Bool {
        firstNames[Self.listed(word)] != nil || tagger?.listing(of: word.lowercased()).first != nil
    }
}
