import VeilCore
import VeilText

/// Names that are part of a company's name, not a person's: a legal form after them or before them
/// (Galdikas LLC, Madsen & Søn ApS, Liekens, Claeys en Mertens NV, PT Kusumo Pudjiastuti, ООО
/// Иванов), a word that heads a company, a street or a building (Shenzhen Bright Electronics, Baker
/// Street), and the firm a person belongs to (Labeeb Karam of Naail, Mourib and Nabeel; Enzo @
/// Molina; Jane Doe, Rowe, Austin and Allen · 01 5191 767), and a job's title or a role beside a
/// person (Amy Smith, Psychologist at …; hired Jevgeni Aas as Location manager). Read around each
/// person found, not over the whole text: a document with no person costs nothing.
extension EnglishNameRecognizer {
    /// `detections` without the people whose names a company's name holds.
    func droppingOrganizations(_ detections: [Detection], in bytes: [UInt8]) -> [Detection] {
        var dropped = Set<Range<Int>>()
        var line: CompanyText?
        let words = CompanyWords.shared
        let isFirstName = { (word: String) in self.isFirstName(word) }
        // In the order of the text, so that one line serves every name on it.
        let people = detections.indices.filter { detections[$0].entity == .person }.sorted { detections[$0].range.lowerBound < detections[$1].range.lowerBound }
        for person in people {
            let range = detections[person].range
            if !(line?.serves(range) ?? false) { line = CompanyText(bytes, around: range.lowerBound, words: words) }
            guard let line, range.upperBound <= line.line.upperBound else { continue }
            if line.isInCompanyName(range) { dropped.insert(range) }
            for span in line.notPeople(after: range, isFirstName: isFirstName) {
                let inside = people.filter { span.range.contains(detections[$0].range.lowerBound) && detections[$0].range.upperBound <= span.range.upperBound }
                // A title or a role that holds a name a cue or a label found is a clause, not a title.
                if span.taggedOnly, inside.contains(where: { !Self.taggerRules.contains(detections[$0].rule) }) { continue }
                for other in inside { dropped.insert(detections[other].range) }
            }
        }
        guard !dropped.isEmpty else { return detections }
        return detections.filter { $0.entity != .person || !dropped.contains($0.range) }
    }

    /// The rules that read a name from its shape and its neighbours alone: a job's title or a role
    /// holds no name they find; a name a cue, a label or a list announced stays.
    static let taggerRules: Set<String> = ["en-tagged", "en-alphabet", "en-listed-first", "en-coordinated"]

    /// Words after a name that make it the name of a company, a street or a building, lower-case.
    static let organizationHeads: Set<String> = [
        "electronics", "co", "company", "ltd", "limited", "inc", "corp", "corporation", "llc", "gmbh",
        "group", "holdings", "technology", "technologies", "trading", "industries", "bank", "university",
        "college", "school", "hospital", "hotel", "restaurant", "street", "st", "road", "rd", "avenue",
        "ave", "building", "tower", "plaza", "foundation", "institute", "partners", "associates"
    ]
    /// The same words as UTF-8, for the company rules, which read bytes.
    static let organizationHeadBytes = Set(organizationHeads.map { Array($0.utf8) })

    /// Legal forms written after a company's name, as they are written (a dotted form without its
    /// last dot: S.A matches S.A.). Two-letter forms in capitals only; forms that are also a
    /// degree or a document (BA, MA, CV) are left out: Jane Smith BA is a person.
    static let legalFormsAfter = LegalForms([
        // English-speaking countries, India, South Africa, the Philippines, Malaysia, Indonesia.
        "Inc", "Incorporated", "LLC", "L.L.C", "LLP", "PLLC", "PLC", "Plc", "Ltd", "LTD", "Limited", "Corp", "Corporation", "Co",
        "Company", "Group", "Holdings", "Pty", "(Pty)", "Pte", "Pvt", "Private Limited", "& Co", "& Sons", "and Sons", "& Son",
        "& Associates", "and Associates", "& Partners", "& Partner", "and Partners", "Sdn Bhd", "Sdn. Bhd", "Bhd", "Berhad",
        "Tbk", "(Persero)",
        // German, Austrian, Swiss.
        "GmbH", "AG", "KG", "OHG", "GbR", "KGaA", "GesbR", "OG", "e.V", "e.G", "mbH", "& Cie", "& Söhne", "Stiftung",
        // French, Belgian, Swiss, Algerian.
        "SA", "S.A", "SARL", "S.A.R.L", "Sàrl", "SàRL", "SAS", "S.A.S", "SASU", "EURL", "E.U.R.L", "SNC", "S.N.C", "SCS", "SCI",
        "et Fils", "et Associés",
        // Spanish, Latin American, Italian, Portuguese, Brazilian.
        "S.L", "S.L.U", "S.L.L", "S.Coop", "S.C", "S. de R.L", "Ltda", "Limitada", "Sociedad Anónima", "y Asociados", "e Hijos",
        "y Cía", "SpA", "S.p.A", "SPA", "Srl", "SRL", "S.r.l", "s.r.l", "e figli", "snc", "s.n.c", "Lda", "S/A", "e Filhos", "EIRELI",
        // Dutch, Belgian, Nordic.
        "BV", "B.V", "NV", "N.V", "VOF", "V.O.F", "CommV", "Groep", "en Zonen", "AB", "Ab", "HB", "KB", "Oy", "Oyj", "Tmi", "Osk",
        "ASA", "AS", "ApS", "A/S", "I/S", "IVS", "& Søn", "og Sønner", "Gruppen", "ehf", "hf",
        // Central and Eastern European.
        "Sp. z o.o", "sp. z o.o", "Sp.j", "Sp.k", "s.c", "i syn", "Spółka", "s.r.o", "spol. s r.o", "a.s", "v.o.s", "k.s", "d.o.o",
        "d.d", "j.d.o.o", "s.p", "Kft", "Zrt", "Bt", "Nyrt", "Kkt", "Kht", "és Társa", "és társa", "PFA", "SCA", "SPI", "OOD", "EOOD", "EAD",
        "ООД", "ЕООД", "АД", "ЕАД", "АДСИЦ", "КД", "КДА", "ДОО", "ДООЕЛ", "ООО", "Лтд", "Лимитед", "Инк", "Инкорпорэйтед", "Групп",
        "и партнеры", "ТОВ", "OÜ", "MTÜ",
        // Greek, Turkish, Azerbaijani, Vietnamese.
        "Α.Ε", "Ο.Ε", "Ε.Ε", "Ε.Π.Ε", "ΙΚΕ", "Α.Β.Ε.Ε", "και υιοί", "και Σια", "A.Ş", "Ltd. Şti", "Şti", "ve Ortakları", "ASC",
        "QSC", "MMC", "Công ty", "Tập Đoàn", "Tập đoàn", "Doanh nghiệp", "TNHH", "và đối tác"
    ])

    /// Legal forms and company words written before a company's name (PT Kusumo Pudjiastuti, ООО
    /// «Иванов», Grupo Castro).
    static let legalFormsBefore = LegalForms([
        "PT", "PD", "UD", "Perum", "UAB", "SIA", "Oy", "Ab", "S.C", "ООО", "ОАО", "ЗАО", "ПАО", "АО", "ИП", "НПО", "ТОВ", "ПП", "ФОП", "ТОО",
        "OOO", "Grupo", "Grupa", "Gruppo", "Groupe", "Stichting", "Koninklijke", "Fundacja", "Fundación", "Fundação", "Spółdzielnia",
        "Hermanos", "Hnos", "Corporación", "Compañía", "Industrias", "Laboratorio", "Laboratorios", "Despacho", "Công ty", "Tập Đoàn",
        "Tập đoàn", "Doanh nghiệp"
    ])

    /// The words that join the partners of a firm's name (Rowe, Austin and Allen; Liekens, Claeys en
    /// Mertens NV; Madsen & Søn), with the spaces around them.
    static let firmJoins: [[UInt8]] = [
        " & ", " and ", " en ", " y ", " e ", " und ", " og ", " och ", " és ", " i ", " ir ",
        " un ", " ja ", " și ", " a ", " и ", " і ", " και ", " và ", " ve ", " dan "
    ].map { Array($0.utf8) }
}

/// Legal forms as UTF-8, by their first byte, the longest first.
struct LegalForms: Sendable {
    struct Form: Sendable {
        let bytes: [UInt8]
        /// Three capitals or fewer (AS, SA, АД): a word in a line of capitals.
        let isShortCapitals: Bool
    }

    /// The forms that begin with each byte value (an array of 256: no hashing on the way).
    private let byFirstByte: [[Form]]

    init(_ written: [String]) {
        var byFirstByte = [[Form]](repeating: [], count: 256)
        for form in written.sorted(by: { $0.utf8.count > $1.utf8.count }) {
            let shortCapitals = form.unicodeScalars.count <= 3 && !form.unicodeScalars.contains { $0.properties.isLowercase }
            byFirstByte[Int(form.utf8.first!)].append(Form(bytes: Array(form.utf8), isShortCapitals: shortCapitals))
        }
        self.byFirstByte = byFirstByte
    }

    func candidates(startingWith byte: UInt8) -> [Form] { byFirstByte[Int(byte)] }
}

/// The words and signs the company rules compare, as UTF-8, built once: read from one value, not
/// from a static each time.
final class CompanyWords: Sendable {
    static let shared = CompanyWords()
    let formsAfter = EnglishNameRecognizer.legalFormsAfter, formsBefore = EnglishNameRecognizer.legalFormsBefore
    let organizationHeads = EnglishNameRecognizer.organizationHeadBytes
    let space: [UInt8] = [0x20], comma: [UInt8] = [0x2C, 0x20], hyphen: [UInt8] = [0x2D]
    let of = Array(" of ".utf8), at = Array(" at ".utf8), from = Array(" from ".utf8), atSign = Array(" @ ".utf8), asRole = Array(" as ".utf8)
    /// The joins between the words of a firm's name: partners' (a comma, and, &), a chain's (spaces
    /// and hyphens too), a name's, and the ones read backwards.
    let partnerJoins: [[UInt8]], chainJoins: [[UInt8]], nameJoins: [[UInt8]], backJoins: [[UInt8]]
    /// The particles an Irish or Scottish surname begins with, capitalized.
    let surnameParticles: Set<[UInt8]> = Set(["Ó", "Ní", "Nic", "Mac", "Mag", "Mc", "Ua", "Uí"].map { Array($0.utf8) })

    private init() {
        partnerJoins = [comma] + EnglishNameRecognizer.firmJoins
        chainJoins = [comma, space, hyphen] + EnglishNameRecognizer.firmJoins
        nameJoins = [space, hyphen]
        backJoins = [comma, hyphen] + EnglishNameRecognizer.firmJoins
    }
}

/// The line around a name, read as UTF-8 bytes: what the company rules read. Scalars are decoded
/// only where a capital or a letter must be told beyond ASCII.
struct CompanyText {
    private static let space: [UInt8] = [0x20], comma: [UInt8] = [0x2C, 0x20], hyphen: [UInt8] = [0x2D]
    private static let of = Array(" of ".utf8), at = Array(" at ".utf8), atSign = Array(" @ ".utf8), asRole = Array(" as ".utf8)
    let bytes: [UInt8]
    /// The line, or the part of a long one around the name: no rule reads past it.
    let line: Range<Int>
    private let startsLine: Bool, endsLine: Bool
    private let words: CompanyWords

    /// The line around `offset`, or of a long line the 320 bytes before it and the 480 after it:
    /// no rule reads further.
    init(_ bytes: [UInt8], around offset: Int, words: CompanyWords) {
        self.words = words
        var start = offset, end = offset
        while start > max(0, offset - 320), bytes[start - 1] != 0x0A { start -= 1 }
        while start < offset, bytes[start] & 0xC0 == 0x80 { start += 1 }
        while end < min(bytes.count, offset + 480), bytes[end] != 0x0A { end += 1 }
        while end < bytes.count, end > offset, bytes[end] & 0xC0 == 0x80 { end -= 1 }
        startsLine = start == 0 || bytes[start - 1] == 0x0A
        endsLine = end == bytes.count || bytes[end] == 0x0A
        self.bytes = bytes
        line = start..<end
    }

    /// Whether the rules can read around the name at `range` in this text as in its whole line.
    func serves(_ range: Range<Int>) -> Bool {
        (startsLine ? line.lowerBound <= range.lowerBound : line.lowerBound + 160 <= range.lowerBound)
            && (endsLine ? range.upperBound <= line.upperBound : range.upperBound + 320 <= line.upperBound)
    }

    /// Whether the name at `range` is part of a company's name: a legal form or a company word
    /// follows it (after the partners a firm's name joins to it, for a one-word name) or precedes it.
    func isInCompanyName(_ range: Range<Int>) -> Bool {
        let start = range.lowerBound, end = range.upperBound
        let oneWord = !bytes[start..<end].contains(0x20)
        // A name in capitals is read in a line of capitals, where AS and SA are words.
        let shortCapitals = hasLowercase(start..<end)
        // A legal form read as a name (… (Persero) Tbk), or inside it (Horváth Zrt, PT Kusumo Pudjiastuti, Trần Công ty).
        if form(in: words.formsAfter, at: start) == end { return true }
        var word = start
        while word < end {
            if word > start, form(in: words.formsAfter, at: word, shortCapitals: shortCapitals) != nil { return true }
            if word == start, let form = form(in: words.formsBefore, at: word, shortCapitals: shortCapitals), form < end { return true }
            guard let space = bytes[word..<end].firstIndex(of: 0x20) else { break }
            word = space + 1
        }
        // After: the partners' names, then the form (Liekens, Claeys en Mertens NV; Egger Studer & Söhne).
        var position = end
        let joins = oneWord ? words.chainJoins : words.nameJoins
        for _ in 0..<6 {
            if legalFormFollows(at: position, shortCapitals: shortCapitals) { return true }
            if position == end, let head = nextWord(at: position, after: [words.space]), head.count <= 12,
                words.organizationHeads.contains(bytes[head].map { $0 | 0x20 })
            {
                return true
            }
            guard let next = nextWord(at: position, after: joins) else { break }
            position = next.upperBound
        }
        // Before: the form, then the partners' names (PT Suryono, ООО «Иванов», Grupo Castro y Vega).
        position = start
        for _ in 0..<(oneWord ? 4 : 1) {
            var before = position
            if before >= line.lowerBound + 2, bytes[before - 2] == 0xC2, bytes[before - 1] == 0xAB {
                before -= 2
            } else if before > line.lowerBound, bytes[before - 1] == 0x22 {
                before -= 1
            }
            guard before > line.lowerBound + 1, bytes[before - 1] == 0x20 else { break }
            var wordStart = before - 1
            while wordStart > line.lowerBound, bytes[wordStart - 1] != 0x20 { wordStart -= 1 }
            // (ЗАО «Нестерова Гурьев»): the bracket before the form.
            if wordStart < before - 2, bytes[wordStart] == 0x28 || bytes[wordStart] == 0x5B { wordStart += 1 }
            if form(in: words.formsBefore, at: wordStart, shortCapitals: shortCapitals) == before - 1 { return true }
            // Two-word forms (Công ty, Tập Đoàn) begin one word further back.
            if wordStart > line.lowerBound + 1 {
                let previous = (bytes[line.lowerBound..<(wordStart - 1)].lastIndex(of: 0x20) ?? line.lowerBound - 1) + 1
                if form(in: words.formsBefore, at: previous, shortCapitals: shortCapitals) == before - 1 { return true }
            }
            guard oneWord, let joinStart = partnerBefore(position) else { break }
            position = joinStart
        }
        return false
    }

    /// What follows a person's name that names no person, as byte ranges: a role after `as` (hired
    /// Jevgeni Aas as Location manager), a firm in brackets (Shane Mays (Diaz, Goodwin and
    /// Blanchard)), a job's title and the firm after its `at` (Amy Smith, Psychologist, counselling
    /// at Hill, Reynolds and Hunter), or the firm alone. A role or a title that begins with a first
    /// name is not one (Thanks Jane Smith, Tom Brown at …), and holds only the tagger's names: Hi
    /// Margaret, I met Ngozi Okonkwo at the station is no job's title.
    func notPeople(after range: Range<Int>, isFirstName: (String) -> Bool) -> [(range: Range<Int>, taggedOnly: Bool)] {
        let end = range.upperBound
        func startsWithFirstName(_ start: Int) -> Bool {
            guard let word = word(at: start) else { return false }
            return isFirstName(String(decoding: bytes[word], as: UTF8.self))
        }
        if matches(words.asRole, at: end) {
            let start = end + 4
            guard word(at: start) != nil, !startsWithFirstName(start) else { return [] }
            return [(start..<endOfPhrase(from: start), true)]
        }
        if matches([0x20, 0x28], at: end), let partners = partners(from: end + 2), partners.count >= 2,
            partners.end < line.upperBound, bytes[partners.end] == 0x29
        {
            return [((end + 2)..<partners.end, false)]
        }
        if matches(words.comma, at: end), let at = titleEnd(from: end + 2), !startsWithFirstName(end + 2) {
            var spans = [((end + 2)..<at, true)]
            if let partners = partners(from: at + 4), !isPossessive(at: partners.end) {
                spans.append(((at + 4)..<partners.end, false))
            }
            return spans
        }
        return firm(after: range).map { [($0, false)] } ?? []
    }

    /// Where a job's title that begins at `start` meets its ` at `: words and commas, no other sign, within 80 bytes.
    private func titleEnd(from start: Int) -> Int? {
        var index = start
        while index < min(line.upperBound, start + 80) {
            if matches(words.at, at: index) { return index > start ? index : nil }
            let byte = bytes[index]
            guard ASCIIByte.isLetter(byte) || byte == 0x20 || byte == 0x2C || byte == 0x2D || byte == 0x2F || (byte >= 0x80 && byte != 0xE2) else { return nil }
            index += 1
        }
        return nil
    }

    /// Where a phrase that begins at `start` ends: at a sentence's or a clause's sign, or the line's end, within 80 bytes.
    private func endOfPhrase(from start: Int) -> Int {
        var index = start
        while index < min(line.upperBound, start + 80), ![0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F].contains(bytes[index]) { index += 1 }
        return index
    }

    private func isPossessive(at index: Int) -> Bool {
        index < line.upperBound && (bytes[index] == 0x27 || matches([0xE2, 0x80, 0x99], at: index))
    }

    /// The firm a person's name is followed by, as a byte range, whose names are not people: after
    /// `of` or `@` (Labeeb Karam of Naail, Mourib and Nabeel; Enzo @ Molina), three partners' names
    /// or more after `at` or `from`, or as a contact line's field after a comma or between dashes or dots
    /// (Thomas Gonzalez – Engineer – Rowe, Austin and Allen – 01 8006 979 980), and any field after
    /// a comma that follows a name in emphasis (<b>Daniel Ojo</b>, Obasanjo-Oshodi · …).
    private func firm(after range: Range<Int>) -> Range<Int>? {
        var end = range.upperBound
        // <b>Jane Doe</b>, …: the emphasis or the tag the name is wrapped in.
        while end < line.upperBound, bytes[end] == 0x2A || bytes[end] == 0x5F { end += 1 }
        if matches([0x3C, 0x2F], at: end), let close = bytes[end..<min(line.upperBound, end + 8)].firstIndex(of: 0x3E) { end = close + 1 }
        let wrapped = end > range.upperBound
        var start: Int
        var anyLength = false, contactField = false
        if matches(words.of, at: end) || matches(words.atSign, at: end) {
            start = end + (bytes[end + 1] == 0x40 ? 3 : 4)
            anyLength = true
        } else if matches(words.at, at: end) || matches(words.from, at: end) {
            // Three partners or more (Spoke to Paul Tucker from Hill, Daugherty and Phelps): flowers
            // for Anna from Peter are from a person.
            start = end + (bytes[end + 1] == 0x61 ? 4 : 6)
        } else if matches(words.comma, at: end), bytes[range].contains(0x20) {
            // Only a contact line's field: Hi Anna, Tom, Jerry and Mike are people.
            start = end + 2
            contactField = true
            anyLength = wrapped
        } else {
            // A field after the person's, between separators; the first one ends the name's field.
            guard separator(at: end) != nil else { return nil }
            var field = end, separators = 0
            let limit = min(line.upperBound, end + 240)
            while field < limit, separators < 3 {
                if bytes[field] == 0x20, field + 1 < limit, bytes[field + 1] == 0x7C || bytes[field + 1] == 0xC2 || bytes[field + 1] == 0xE2,
                    let width = separator(at: field)
                {
                    separators += 1
                    if let partners = partners(from: field + width), partners.count >= 3, endsField(at: partners.end) {
                        return (field + width)..<partners.end
                    }
                    field += width
                } else {
                    field += 1
                }
            }
            return nil
        }
        guard let partners = partners(from: start), anyLength || partners.count >= 3, !contactField || endsField(at: partners.end) else { return nil }
        // Tom's: a possessive is a person's.
        if isPossessive(at: partners.end) { return nil }
        return start..<partners.end
    }

    /// The width of a contact line's separator and its spaces at `index` ( – , — , · , | ), nil for anything else.
    private func separator(at index: Int) -> Int? {
        guard index + 2 < line.upperBound, bytes[index] == 0x20 else { return nil }
        let width: Int
        if bytes[index + 1] == 0x7C {
            width = 1
        } else if bytes[index + 1] == 0xC2, bytes[index + 2] == 0xB7 {
            width = 2
        } else if EnglishNameRecognizer.isDash(bytes, at: index + 1, end: line.upperBound) {
            width = 3
        } else {
            return nil
        }
        return index + 1 + width < line.upperBound && bytes[index + 1 + width] == 0x20 ? width + 2 : nil
    }

    /// Whether a contact line's field ends at `index`: the line's end, a separator, or a comma or a
    /// colon before a number.
    private func endsField(at index: Int) -> Bool {
        guard index < line.upperBound else { return true }
        if separator(at: index) != nil { return true }
        guard bytes[index] == 0x2C || bytes[index] == 0x3A else { return false }
        var next = index + 1
        while next < line.upperBound, bytes[next] == 0x20 { next += 1 }
        return next < line.upperBound && (ASCIIByte.isDigit(bytes[next]) || bytes[next] == 0x2B || bytes[next] == 0x28)
    }

    /// The surnames a firm's name lists from `start` (Rowe, Austin and Allen; Ó Mongáin, Ó
    /// Flathartaigh and Mac Cuarta): how many, and where they end.
    private func partners(from start: Int) -> (count: Int, end: Int)? {
        guard let first = surname(at: start) else { return nil }
        var count = 1, end = first.upperBound
        while count <= 6, let next = nextWord(at: end, after: words.partnerJoins) {
            count += 1
            end = surname(at: next.lowerBound)?.upperBound ?? next.upperBound
        }
        return (count, end)
    }

    /// A surname of one word, or of a patronymic particle and a word (Ó Lorcáin, Mac Cuarta, Ní Bhriain).
    private func surname(at index: Int) -> Range<Int>? {
        guard let first = word(at: index) else { return nil }
        guard words.surnameParticles.contains(Array(bytes[first])), matches(words.space, at: first.upperBound),
            let next = word(at: first.upperBound + 1)
        else { return first }
        return index..<next.upperBound
    }

    /// Where a join and a partner's name end just before `position`, going back (the start of Claeys in "Liekens, Claeys").
    private func partnerBefore(_ position: Int) -> Int? {
        for join in words.backJoins where position - join.count > line.lowerBound {
            guard bytes[(position - join.count)..<position].elementsEqual(join) else { continue }
            var wordStart = position - join.count
            // Back over the word's letters: ASCII, and the two-byte alphabets (accented Latin, Greek, Cyrillic).
            while wordStart > line.lowerBound, ASCIIByte.isLetter(bytes[wordStart - 1]) || (bytes[wordStart - 1] >= 0x80 && bytes[wordStart - 1] != 0xE2) {
                wordStart -= 1
            }
            if wordStart < position - join.count, let word = word(at: wordStart), word.upperBound == position - join.count { return wordStart }
        }
        return nil
    }

    /// The scalar that begins at `index` and its width, nil past the line or inside a character.
    private func scalar(at index: Int) -> (Unicode.Scalar, Int)? {
        guard index < line.upperBound else { return nil }
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        guard lead >= 0xC0 else { return nil }
        let width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard index + width <= line.upperBound else { return nil }
        var value = UInt32(lead) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
        for offset in 1..<width { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return Unicode.Scalar(value).map { ($0, width) }
    }

    private func hasLowercase(_ range: Range<Int>) -> Bool {
        var index = range.lowerBound
        while index < range.upperBound {
            if ASCIIByte.isLowercase(bytes[index]) { return true }
            guard bytes[index] >= 0x80, let (scalar, width) = scalar(at: index) else { index += 1; continue }
            if scalar.properties.isLowercase { return true }
            index += width
        }
        return false
    }

    /// The capitalized word (hyphens and apostrophes inside) that begins at `index`, if one does.
    private func word(at index: Int) -> Range<Int>? {
        guard let (first, firstWidth) = scalar(at: index), first.properties.isUppercase else { return nil }
        var end = index + firstWidth
        while let (scalar, width) = scalar(at: end) {
            if scalar.properties.isAlphabetic {
                end += width
            } else if scalar == "-" || scalar == "'" || scalar == "’", let (next, nextWidth) = self.scalar(at: end + width), next.properties.isAlphabetic {
                end += width + nextWidth
            } else {
                break
            }
        }
        return index..<end
    }

    /// The capitalized word after one of `joins` at `position`.
    private func nextWord(at position: Int, after joins: [[UInt8]]) -> Range<Int>? {
        // Every join begins with a space, a comma or a hyphen.
        guard position < line.upperBound, bytes[position] == 0x20 || bytes[position] == 0x2C || bytes[position] == 0x2D else { return nil }
        for join in joins where matches(join, at: position) {
            if let word = word(at: position + join.count) { return word }
        }
        return nil
    }

    /// Whether a legal form follows `position`: after a space, or a comma and a space (Smith, Inc.).
    private func legalFormFollows(at position: Int, shortCapitals: Bool) -> Bool {
        var start = position
        if start < line.upperBound, bytes[start] == 0x2C { start += 1 }
        guard start < line.upperBound, bytes[start] == 0x20 else { return false }
        return form(in: words.formsAfter, at: start + 1, shortCapitals: shortCapitals) != nil
    }

    /// Where the first of `forms` written at `index` ends, if one is, as a whole word. Without
    /// `shortCapitals`, not a form of three capitals or fewer (AS, SA): in a line in capitals
    /// (JOHN SMITH AS A CHILD) they are words.
    private func form(in forms: LegalForms, at index: Int, shortCapitals: Bool = true) -> Int? {
        guard index < line.upperBound else { return nil }
        for form in forms.candidates(startingWith: bytes[index]) where matches(form.bytes, at: index) {
            if !shortCapitals, form.isShortCapitals { continue }
            let end = index + form.bytes.count
            guard let (next, _) = scalar(at: end) else { return end }
            if !(next.properties.isAlphabetic || next.properties.numericType != nil) { return end }
        }
        return nil
    }

    private func matches(_ text: [UInt8], at index: Int) -> Bool {
        index >= line.lowerBound && index + text.count <= line.upperBound && bytes[index..<(index + text.count)].elementsEqual(text)
    }
}
