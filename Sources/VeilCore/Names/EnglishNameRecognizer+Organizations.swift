/// Names that are part of a company's name, not a person's: a legal form after them or before them
/// (Galdikas LLC, Madsen & Søn ApS, Liekens, Claeys en Mertens NV, PT Kusumo Pudjiastuti, ООО
/// Иванов), a word that heads a company, a street or a building (Shenzhen Bright Electronics, Baker
/// Street), and the firm a person belongs to (Labeeb Karam of Naail, Mourib and Nabeel; Enzo @
/// Molina; Jane Doe, Rowe, Austin and Allen · 01 5191 767). Read around each person found, not over
/// the whole text: a document with no person costs nothing.
extension EnglishNameRecognizer {
    /// `detections` without the people whose names a company's name holds.
    func droppingOrganizations(_ detections: [Detection], in bytes: [UInt8]) -> [Detection] {
        var dropped = Set<Range<Int>>()
        var line: CompanyLine?
        for detection in detections where detection.entity == .person {
            let range = detection.range
            if line.map({ !$0.bytes.contains(range.lowerBound) }) ?? true { line = CompanyLine(bytes, around: range.lowerBound) }
            guard let line, range.upperBound <= line.bytes.upperBound else { continue }
            if line.isInCompanyName(range) { dropped.insert(range) }
            if let firm = line.firm(after: range) {
                for other in detections where other.entity == .person && firm.contains(other.range.lowerBound) && other.range.upperBound <= firm.upperBound {
                    dropped.insert(other.range)
                }
            }
        }
        guard !dropped.isEmpty else { return detections }
        return detections.filter { $0.entity != .person || !dropped.contains($0.range) }
    }

    /// Words after a name that make it the name of a company, a street or a building, lower-case.
    static let organizationHeads: Set<String> = ["electronics", "co", "company", "ltd", "limited", "inc", "corp", "corporation", "llc", "gmbh",
                                                 "group", "holdings", "technology", "technologies", "trading", "industries", "bank", "university",
                                                 "college", "school", "hospital", "hotel", "restaurant", "street", "st", "road", "rd", "avenue",
                                                 "ave", "building", "tower", "plaza", "foundation", "institute", "partners", "associates"]

    /// Legal forms written after a company's name, as they are written (a dotted form without its
    /// last dot: S.A matches S.A.). Two-letter forms in capitals only; forms that are also a
    /// degree or a document (BA, MA, CV) are left out: Jane Smith BA is a person.
    static let legalFormsAfter: [[Unicode.Scalar]] = forms([
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
        "ООД", "ЕООД", "АД", "ЕАД", "АДСИЦ", "КД", "КДА", "ДОО", "ДООЕЛ", "ООО", "Лтд", "Групп", "и партнеры", "ТОВ", "OÜ", "MTÜ",
        // Greek, Turkish, Azerbaijani, Vietnamese.
        "Α.Ε", "Ο.Ε", "Ε.Ε", "Ε.Π.Ε", "ΙΚΕ", "Α.Β.Ε.Ε", "και υιοί", "και Σια", "A.Ş", "Ltd. Şti", "Şti", "ve Ortakları", "ASC",
        "QSC", "MMC", "Công ty", "Tập Đoàn", "Tập đoàn", "Doanh nghiệp", "TNHH", "và đối tác",
    ])

    /// Legal forms and company words written before a company's name (PT Kusumo Pudjiastuti, ООО
    /// «Иванов», Grupo Castro).
    static let legalFormsBefore: [[Unicode.Scalar]] = forms([
        "PT", "PD", "UD", "Perum", "UAB", "SIA", "Oy", "Ab", "S.C", "ООО", "ОАО", "ЗАО", "ПАО", "АО", "ИП", "НПО", "ТОВ", "ПП", "ФОП", "ТОО",
        "OOO", "Grupo", "Grupa", "Gruppo", "Groupe", "Stichting", "Koninklijke", "Fundacja", "Fundación", "Fundação", "Spółdzielnia",
        "Hermanos", "Hnos", "Corporación", "Compañía", "Industrias", "Laboratorio", "Laboratorios", "Despacho", "Công ty", "Tập Đoàn",
        "Tập đoàn", "Doanh nghiệp",
    ])

    /// The words that join the partners of a firm's name (Rowe, Austin and Allen; Liekens, Claeys en
    /// Mertens NV; Madsen & Søn), with the spaces around them.
    static let firmJoins: [[Unicode.Scalar]] = forms([" & ", " and ", " en ", " y ", " e ", " und ", " og ", " och ", " és ", " i ", " ir ",
                                                      " un ", " ja ", " și ", " a ", " и ", " і ", " και ", " và ", " ve ", " dan "])

    private static func forms(_ written: [String]) -> [[Unicode.Scalar]] {
        written.map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
    }
}

/// One line of text as Unicode scalars with their byte offsets: what the company rules read.
struct CompanyLine {
    private static let space: [Unicode.Scalar] = [" "], comma: [Unicode.Scalar] = [",", " "], hyphen: [Unicode.Scalar] = ["-"]
    let bytes: Range<Int>
    private let scalars: [Unicode.Scalar]
    private let offsets: [Int]

    init(_ text: [UInt8], around offset: Int) {
        var start = offset, end = offset
        while start > 0, text[start - 1] != 0x0A { start -= 1 }
        while end < text.count, text[end] != 0x0A { end += 1 }
        bytes = start..<end
        var scalars: [Unicode.Scalar] = [], offsets: [Int] = []
        var position = start
        for scalar in String(decoding: text[start..<end], as: UTF8.self).unicodeScalars {
            scalars.append(scalar)
            offsets.append(position)
            position += UTF8.width(scalar)
        }
        offsets.append(position)
        self.scalars = scalars
        self.offsets = offsets
    }

    /// The scalar index of a byte offset on the line.
    private func index(of offset: Int) -> Int {
        var low = 0, high = offsets.count - 1
        while low < high {
            let middle = (low + high) / 2
            if offsets[middle] < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Whether the name at `range` is part of a company's name: a legal form or a company word
    /// follows it (after the partners a firm's name joins to it, for a one-word name) or precedes it.
    func isInCompanyName(_ range: Range<Int>) -> Bool {
        let start = index(of: range.lowerBound), end = index(of: range.upperBound)
        let oneWord = !scalars[start..<end].contains(" ")
        // A name in capitals is read in a line of capitals, where AS and SA are words.
        let shortCapitals = scalars[start..<end].contains { $0.properties.isLowercase }
        // A legal form inside the name the rules read (Horváth Zrt, PT Kusumo Pudjiastuti, Trần Công ty).
        var word = start
        while word < end {
            if word > start, form(in: EnglishNameRecognizer.legalFormsAfter, at: word, shortCapitals: shortCapitals) != nil { return true }
            if word == start, let form = form(in: EnglishNameRecognizer.legalFormsBefore, at: word, shortCapitals: shortCapitals), form < end { return true }
            guard let space = scalars[word..<end].firstIndex(of: " ") else { break }
            word = space + 1
        }
        // After: the partners' names, then the form (Liekens, Claeys en Mertens NV; Egger Studer & Söhne).
        var position = end
        for _ in 0..<6 {
            if legalFormFollows(at: position, shortCapitals: shortCapitals) { return true }
            if position == end, let head = nextWord(at: position, after: [Self.space]),
               EnglishNameRecognizer.organizationHeads.contains(String(String.UnicodeScalarView(scalars[head])).lowercased()) { return true }
            guard let next = nextWord(at: position, after: oneWord ? [Self.comma, Self.space, Self.hyphen] + EnglishNameRecognizer.firmJoins : [Self.space, Self.hyphen]) else { break }
            position = next.upperBound
        }
        // Before: the form, then the partners' names (PT Suryono, ООО «Иванов», Grupo Castro y Vega).
        position = start
        for _ in 0..<(oneWord ? 4 : 1) {
            var before = position
            if before > 0, scalars[before - 1] == "«" || scalars[before - 1] == "\"" { before -= 1 }
            guard before > 1, scalars[before - 1] == " " else { break }
            var wordStart = before - 1
            while wordStart > 0, scalars[wordStart - 1] != " " { wordStart -= 1 }
            if let form = form(in: EnglishNameRecognizer.legalFormsBefore, at: wordStart, shortCapitals: shortCapitals), form == before - 1 { return true }
            // Two-word forms (Công ty, Tập Đoàn) end one word further on.
            if wordStart > 1, let form = form(in: EnglishNameRecognizer.legalFormsBefore, at: (scalars[..<(wordStart - 1)].lastIndex(of: " ") ?? -1) + 1),
               form == before - 1 { return true }
            guard oneWord, let joinStart = partnerBefore(position) else { break }
            position = joinStart
        }
        return false
    }

    /// The firm a person's name is followed by, as a byte range, whose names are not people: after
    /// `of` or `@` (Labeeb Karam of Naail, Mourib and Nabeel; Enzo @ Molina), or three partners'
    /// names or more after `at`, a comma, or as a contact line's field between dashes or dots
    /// (Jane Doe, Rowe, Austin and Allen · 01 5191 767).
    func firm(after range: Range<Int>) -> Range<Int>? {
        var end = index(of: range.upperBound)
        // <b>Jane Doe</b>, …: the emphasis or the tag the name is wrapped in.
        let nameEnd = end
        while end < scalars.count, scalars[end] == "*" || scalars[end] == "_" { end += 1 }
        if matches("</", at: end), let close = scalars[end..<min(scalars.count, end + 8)].firstIndex(of: ">") { end = close + 1 }
        let wrapped = end > nameEnd
        var start = end
        var anyLength = false, contactField = false
        if matches(" of ", at: end) || matches(" @ ", at: end) {
            start = end + 4 - (scalars[end + 1] == "@" ? 1 : 0)
            anyLength = true
        } else if matches(" at ", at: end) {
            start = end + 4
        } else if matches(", ", at: end), scalars[index(of: range.lowerBound)..<nameEnd].contains(" ") {
            // Only a contact line's field: Hi Anna, Tom, Jerry and Mike are people. After a name in
            // emphasis, which a card puts first, the field is its company whatever its length.
            start = end + 2
            contactField = true
            anyLength = wrapped
        } else {
            // A field after the person's: Thomas Gonzalez – Engineer – Rowe, Austin and Allen – …
            var field = end
            var separators = 0
            while field < scalars.count, separators < 3 {
                if ["–", "—", "·", "|"].contains(scalars[field]), field > 0, scalars[field - 1] == " ", field + 1 < scalars.count, scalars[field + 1] == " " {
                    separators += 1
                    if let partners = partners(from: field + 2), partners.count >= 3 {
                        if endsField(at: partners.end) { return offsets[field + 2]..<offsets[partners.end] }
                    }
                }
                field += 1
            }
            return nil
        }
        guard let partners = partners(from: start), anyLength || partners.count >= 3, !contactField || endsField(at: partners.end) else { return nil }
        // Tom's: a possessive is a person's.
        if partners.end < scalars.count, scalars[partners.end] == "'" || scalars[partners.end] == "’" { return nil }
        return offsets[start]..<offsets[partners.end]
    }

    /// Whether a contact line's field ends at `index`: the line's end, a dash, a middle dot or a bar
    /// after a space, or a comma or a colon before a number.
    private func endsField(at index: Int) -> Bool {
        guard index + 2 < scalars.count else { return index == scalars.count }
        if scalars[index] == " ", ["–", "—", "·", "|"].contains(scalars[index + 1]) { return true }
        var next = index + 1
        guard scalars[index] == "," || scalars[index] == ":" else { return false }
        while next < scalars.count, scalars[next] == " " { next += 1 }
        return next < scalars.count && (scalars[next].properties.numericType != nil || scalars[next] == "+" || scalars[next] == "(")
    }

    /// The one-word names a firm's name lists from `start` (Rowe, Austin and Allen): how many, and where they end.
    private func partners(from start: Int) -> (count: Int, end: Int)? {
        guard let first = word(at: start) else { return nil }
        var count = 1, end = first.upperBound
        while let next = nextWord(at: end, after: [Self.comma] + EnglishNameRecognizer.firmJoins) {
            count += 1
            end = next.upperBound
            if count > 6 { break }
        }
        return (count, end)
    }

    /// Where a join and a partner's name end just before `position`, going back (the start of Claeys in "Liekens, Claeys").
    private func partnerBefore(_ position: Int) -> Int? {
        for join in [Self.comma, Self.hyphen] + EnglishNameRecognizer.firmJoins where position >= join.count {
            guard Array(scalars[(position - join.count)..<position]) == join else { continue }
            var wordStart = position - join.count
            while wordStart > 0, scalars[wordStart - 1].properties.isAlphabetic { wordStart -= 1 }
            if wordStart < position - join.count, word(at: wordStart) != nil { return wordStart }
        }
        return nil
    }

    /// The capitalized word (hyphens and apostrophes inside) that begins at `index`, if one does.
    private func word(at index: Int) -> Range<Int>? {
        guard index < scalars.count, scalars[index].properties.isUppercase else { return nil }
        var end = index + 1
        while end < scalars.count {
            let scalar = scalars[end]
            if scalar.properties.isAlphabetic {
                end += 1
            } else if scalar == "-" || scalar == "'" || scalar == "’", end + 1 < scalars.count, scalars[end + 1].properties.isAlphabetic {
                end += 2
            } else {
                break
            }
        }
        return index..<end
    }

    /// The capitalized word after one of `joins` at `position`.
    private func nextWord(at position: Int, after joins: [[Unicode.Scalar]]) -> Range<Int>? {
        for join in joins where matches(join, at: position) {
            if let word = word(at: position + join.count) { return word }
        }
        return nil
    }

    /// Whether a legal form follows `position`: after a space, or a comma and a space (Smith, Inc.).
    private func legalFormFollows(at position: Int, shortCapitals: Bool) -> Bool {
        var start = position
        if start < scalars.count, scalars[start] == "," { start += 1 }
        guard start < scalars.count, scalars[start] == " " else { return false }
        return form(in: EnglishNameRecognizer.legalFormsAfter, at: start + 1, shortCapitals: shortCapitals) != nil
    }

    /// Where the first of `forms` written at `index` ends, if one is, as a whole word. Without
    /// `shortCapitals`, not a form of three capitals or fewer (AS, SA): in a line in capitals
    /// (JOHN SMITH AS A CHILD) they are words.
    private func form(in forms: [[Unicode.Scalar]], at index: Int, shortCapitals: Bool = true) -> Int? {
        for form in forms where matches(form, at: index) {
            if !shortCapitals, form.count <= 3, form.allSatisfy({ !$0.properties.isLowercase }) { continue }
            let end = index + form.count
            if end == scalars.count || !(scalars[end].properties.isAlphabetic || scalars[end].properties.numericType != nil) { return end }
        }
        return nil
    }

    private func matches(_ text: String, at index: Int) -> Bool { matches(Array(text.unicodeScalars), at: index) }

    private func matches(_ text: [Unicode.Scalar], at index: Int) -> Bool {
        guard index >= 0, index + text.count <= scalars.count else { return false }
        return scalars[index..<(index + text.count)].elementsEqual(text)
    }
}
