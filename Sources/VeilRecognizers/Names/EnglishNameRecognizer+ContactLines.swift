import VeilCore
import VeilText

/// Names told by what stands around them on their line: a contact line's next field is a number or
/// an address (Jane Gstöhl <257 38 87>, Тарас Ларионов — 8 628 198 89 61 — …, Сирман Бедринов
/// (Сирман) | +359(0)345 582218, Reference: Alma Pereyra, +54 9 3814 7065, [Петро Усик] 345 58 22,
/// - **Renate Bolliger** · tel …, <li>Kipkemoi Jemutai, +254 …</li>, Θέτις Αγκυρόπουλος — IBAN …),
/// a number's owner follows it in brackets (0485645668 (Anneli Räisänen)), a contact block's next
/// line is a phone line (Juan Cruz Aguero⏎Mobile +54 15 2931 7151), and a chat line begins with its
/// speaker (Vritti: can you call me on …, [05/03/2024, 09:14] Dolphine Akoth: …). One pass over each
/// line's first bytes: a line that does not begin with a capital, a digit or markup, or whose first
/// words end at anything but these separators, costs a few comparisons.
extension EnglishNameRecognizer {
    /// The people contact lines, contact blocks and chat lines name, over the document's original text.
    func contactLineNames(in bytes: [UInt8]) -> [Detection] {
        var detections: [Detection] = []
        var lineStart = 0
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
            defer { lineStart = lineEnd + 1 }
            guard lineEnd > lineStart else { continue }
            let first = bytes[lineStart]
            if first == 0x5B || ASCIIByte.isDigit(first), let message = Self.endOfChatTimestamp(bytes, from: lineStart, lineEnd: lineEnd) {
                // [05/03/2024, 09:14] Dolphine Akoth: …, 05/03/2024, 09:14 - Ana Ruiz: … (a chat export).
                if let speaker = timestampedSpeaker(in: bytes, from: message, lineEnd: lineEnd) { detections.append(speaker) }
            } else if first == 0x5B {
                // [Петро Усик] 345 58 22: a name in square brackets at the line's start.
                guard lineStart + 1 < lineEnd, Self.mayStartName(bytes, at: lineStart + 1),
                    let name = nameRange(in: bytes, from: lineStart + 1), name.upperBound < lineEnd, bytes[name.upperBound] == 0x5D,
                    let detection = labelledPerson(in: bytes, name, rule: "en-cued", score: 0.75)
                else { continue }
                detections.append(detection)
            } else if ASCIIByte.isDigit(first) || first == 0x2B || first == 0x28 {
                if let owner = ownerAfterNumber(in: bytes, from: lineStart, lineEnd: lineEnd) {
                    detections.append(owner)
                } else if let item = Self.endOfListNumber(bytes, from: lineStart, lineEnd: lineEnd) {
                    // 1. Pranav Karan — +91 …: a numbered list's item.
                    detections += contactName(in: bytes, from: item, lineEnd: lineEnd, speakerAllowed: false)
                }
            } else {
                let start = Self.endOfMarkup(bytes, from: lineStart, lineEnd: lineEnd)
                detections += contactName(in: bytes, from: start, lineEnd: lineEnd, speakerAllowed: start == lineStart)
            }
        }
        return detections
    }

    /// Where a chat export's timestamp ends and its message begins: [05/03/2024, 09:14] or [09:14:02]
    /// and a space, or 05/03/2024, 09:14 and a dash — digits and the signs dates and times are
    /// written with, a colon among them. Nil for any other line.
    private static func endOfChatTimestamp(_ bytes: [UInt8], from start: Int, lineEnd: Int) -> Int? {
        let bracketed = bytes[start] == 0x5B
        var index = bracketed ? start + 1 : start
        var colon = false
        while index < min(lineEnd, start + 32) {
            let byte = bytes[index]
            if byte == 0x3A {
                colon = true
            } else if !(ASCIIByte.isDigit(byte) || [0x2F, 0x2E, 0x2D, 0x2C, 0x20].contains(byte)
                || (byte | 0x20 == 0x61 || byte | 0x20 == 0x70 || byte | 0x20 == 0x6D))
            {
                break
            }
            if !bracketed, byte == 0x2D, index > start, bytes[index - 1] == 0x20 { break }
            index += 1
        }
        guard colon, index + 2 < lineEnd, index > start + 4 else { return nil }
        if bracketed { return bytes[index] == 0x5D && bytes[index + 1] == 0x20 ? index + 2 : nil }
        return bytes[index] == 0x2D && bytes[index + 1] == 0x20 ? index + 2 : nil
    }

    /// The speaker of a timestamped chat line: one to four words before a colon.
    private func timestampedSpeaker(in bytes: [UInt8], from start: Int, lineEnd: Int) -> Detection? {
        guard Self.mayStartName(bytes, at: start) else { return nil }
        let stop = Self.endOfNameBytes(bytes, from: start, to: lineEnd)
        guard stop < lineEnd, bytes[stop] == 0x3A, let name = nameRange(in: bytes, from: start), name.upperBound == stop else { return nil }
        return labelledPerson(in: bytes, name, rule: "en-cued", score: 0.75)
    }

    /// The owner a number names after it, the rest of the line: in brackets (0485645668 (Anneli
    /// Räisänen)) or after a dash, a bar or a comma (913 0 020 — Arıel Karadeniz).
    private func ownerAfterNumber(in bytes: [UInt8], from start: Int, lineEnd: Int) -> Detection? {
        guard let end = Self.endOfNumber(bytes, from: start, lineEnd: lineEnd), end + 2 < lineEnd else { return nil }
        var nameStart = end
        while nameStart < lineEnd, bytes[nameStart] == 0x20 { nameStart += 1 }
        guard nameStart < lineEnd else { return nil }
        let bracketed = bytes[nameStart] == 0x28
        if bracketed {
            nameStart += 1
        } else if Self.isDash(bytes, at: nameStart, end: lineEnd) {
            nameStart += 3
        } else if [0x2D, 0x7C, 0x2C].contains(bytes[nameStart]) {
            nameStart += 1
        } else {
            return nil
        }
        while nameStart < lineEnd, bytes[nameStart] == 0x20 { nameStart += 1 }
        guard nameStart < lineEnd, Self.mayStartName(bytes, at: nameStart), let name = nameRange(in: bytes, from: nameStart),
            bytes[name].contains(0x20)
        else { return nil }
        var after = name.upperBound
        if bracketed {
            guard after < lineEnd, bytes[after] == 0x29 else { return nil }
        } else {
            while after < lineEnd, bytes[after] == 0x20 || bytes[after] == 0x0D { after += 1 }
            guard after == lineEnd else { return nil }
        }
        return labelledPerson(in: bytes, name, rule: "en-cued", score: 0.75)
    }

    /// The name a dash or a slash puts after a number, to the end of its field (text 2170 271 356 —
    /// Ισιδώρα; Tel +31347-582496 / Roos de Boer / room 12): one word or more, not common words.
    func nameAfterNumber(in bytes: [UInt8], separator: Range<Int>) -> Detection? {
        // A number of six digits or more ends just before the separator (a space between).
        var end = separator.lowerBound
        while end > 0, bytes[end - 1] == 0x20 { end -= 1 }
        guard end > 0 else { return nil }
        if [0x3F, 0x21, 0x2E].contains(bytes[end - 1]), end < separator.lowerBound, bytes[separator.lowerBound] == 0xE2 {
            return signature(in: bytes, after: separator)
        }
        guard ASCIIByte.isDigit(bytes[end - 1]) else { return nil }
        var start = end, digits = 0
        // (An extension is part of it: (530)571-3560x367 — Roy.)
        while start > 0, Self.isNumberByte(bytes[start - 1]) || bytes[start - 1] == 0x78 {
            start -= 1
            if ASCIIByte.isDigit(bytes[start]) { digits += 1 }
        }
        guard digits >= 6 else { return nil }
        var nameStart = separator.upperBound
        while nameStart < bytes.count, bytes[nameStart] == 0x20 { nameStart += 1 }
        guard nameStart < bytes.count, Self.mayStartName(bytes, at: nameStart), let name = nameRange(in: bytes, from: nameStart) else { return nil }
        // The field ends with the name: the line's end, or the next separator.
        var after = name.upperBound
        while after < bytes.count, bytes[after] == 0x20 || bytes[after] == 0x0D { after += 1 }
        guard after == bytes.count || bytes[after] == 0x0A || bytes[after] == 0x2F || bytes[after] == 0x7C || Self.isDash(bytes, at: after, end: bytes.count)
        else { return nil }
        return labelledPerson(in: bytes, name, rule: "en-cued", score: 0.7)
    }

    /// … can you resend it? — Sigfried Sölzer: a name after a sentence's end and a dash that ends
    /// its line, the message's signature.
    private func signature(in bytes: [UInt8], after separator: Range<Int>) -> Detection? {
        var nameStart = separator.upperBound
        while nameStart < bytes.count, bytes[nameStart] == 0x20 { nameStart += 1 }
        guard nameStart < bytes.count, Self.mayStartName(bytes, at: nameStart), let name = nameRange(in: bytes, from: nameStart) else { return nil }
        var after = name.upperBound
        while after < bytes.count, bytes[after] == 0x20 || bytes[after] == 0x0D { after += 1 }
        guard after == bytes.count || bytes[after] == 0x0A else { return nil }
        let written = bytes[name].split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
        // A signature's words: a first name the lists hold, or two words none of them common.
        let listed = firstNames[Self.listed(written[0])] != nil
        guard listed || (written.count >= 2 && !written.contains(where: isCommonWord)) else { return nil }
        return labelledPerson(in: bytes, name, rule: "en-cued", score: 0.7)
    }

    /// A directory's inverted name before a contact field, each part a person's (Sarniak, Paweł —
    /// 781 846 455; Колипатков, Божо — (0130) 020 332).
    private func invertedName(in bytes: [UInt8], _ surname: Range<Int>, comma: Int, lineEnd: Int) -> [Detection] {
        let givenStart = comma + 2
        guard givenStart < lineEnd, bytes[comma + 1] == 0x20, Self.mayStartName(bytes, at: givenStart) else { return [] }
        let stop = Self.endOfNameBytes(bytes, from: givenStart, to: lineEnd)
        var givenEnd = stop
        while givenEnd > givenStart, bytes[givenEnd - 1] == 0x20 { givenEnd -= 1 }
        guard stop < lineEnd, [0x3C, 0xE2, 0xC2, 0x7C, 0x09, 0x2C, 0x3B, 0x2F].contains(bytes[stop]),
            Self.contactFieldFollows(bytes, at: stop, lineEnd: lineEnd),
            let last = nameRange(in: bytes, from: surname.lowerBound), last == surname,
            let given = nameRange(in: bytes, from: givenStart), given.upperBound == givenEnd,
            let surnameDetection = labelledPerson(in: bytes, last, rule: "en-cued", score: 0.75),
            let givenDetection = labelledPerson(in: bytes, given, rule: "en-cued", score: 0.75)
        else { return [] }
        return [surnameDetection, givenDetection]
    }

    /// Where a numbered list's number (1. , 12) ) and the space after it end; nil for any other start.
    private static func endOfListNumber(_ bytes: [UInt8], from start: Int, lineEnd: Int) -> Int? {
        var index = start
        while index < lineEnd, index - start < 3, ASCIIByte.isDigit(bytes[index]) { index += 1 }
        guard index > start, index + 1 < lineEnd, bytes[index] == 0x2E || bytes[index] == 0x29, bytes[index + 1] == 0x20 else { return nil }
        return index + 2
    }

    /// Where the markup before a line's first words ends: a list's marker (-, *, •, +), emphasis (**,
    /// __), a CSV field's quote, HTML tags (<li>, <td><b>), an envelope (✉), and the spaces after them.
    private static func endOfMarkup(_ bytes: [UInt8], from start: Int, lineEnd: Int) -> Int {
        var index = start
        while index < lineEnd {
            let byte = bytes[index]
            if byte == 0x2A || byte == 0x5F || byte == 0x20 || byte == 0x22 || ((byte == 0x2D || byte == 0x2B) && index + 1 < lineEnd && bytes[index + 1] == 0x20) {
                index += 1
            } else if byte == 0xE2, index + 2 < lineEnd, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA2 {
                index += 3
            } else if byte == 0xE2, index + 2 < lineEnd, bytes[index + 1] == 0x9C, bytes[index + 2] == 0x89 {
                index += 3 // ✉ before a contact's name
            } else if byte == 0x3C, let close = bytes[index..<min(lineEnd, index + 12)].firstIndex(of: 0x3E),
                bytes[(index + 1)..<close].allSatisfy(ASCIIByte.isLetter)
            {
                index = close + 1
            } else {
                break
            }
        }
        return index
    }

    /// The name that begins at `start` and the separator after it say is a contact's or a speaker's.
    private func contactName(in bytes: [UInt8], from start: Int, lineEnd: Int, speakerAllowed: Bool) -> [Detection] {
        guard start < lineEnd, Self.mayStartName(bytes, at: start) else { return [] }
        var stop = Self.endOfNameBytes(bytes, from: start, to: lineEnd)
        var nameEnd = stop
        while nameEnd > start, bytes[nameEnd - 1] == 0x20 { nameEnd -= 1 }
        guard nameEnd > start else { return [] }
        // The emphasis or tag a name is wrapped in (**Renate Bolliger**, <b>…</b>).
        let unwrapped = Self.endOfClosingMarkup(bytes, from: stop, lineEnd: lineEnd)
        let wrapped = unwrapped > stop
        if wrapped {
            stop = unwrapped
            while stop < lineEnd, bytes[stop] == 0x20 { stop += 1 }
        }
        let separator: UInt8 = stop < lineEnd ? bytes[stop] : 0x0A
        switch separator {
        case 0x3A:
            // Oksana Melnyk: +380 44 123 4567 — a phone book's line.
            if stop == nameEnd, Self.numberFollows(bytes, at: stop + 1, lineEnd: lineEnd) {
                // Not a phone's label (Caller ID:, Office Phone:): no word of one, none in capitals.
                let words = bytes[start..<nameEnd].split(separator: 0x20)
                guard
                    !words.contains(where: { word in
                        Self.phoneLabelWords.contains(word.map { $0 | 0x20 })
                            || (word.count > 1 && !word.contains(where: ASCIIByte.isLowercase) && word.allSatisfy { $0 < 0x80 })
                    }),
                    let name = wholeName(in: bytes, start..<nameEnd)
                else { return [] }
                return [labelledPerson(in: bytes, name, rule: "en-cued", score: 0.75)].compactMap { $0 }
            }
            // Vritti: can you call me on …, or a label before the name (Reference: Alma Pereyra, …).
            if speakerAllowed, stop == nameEnd, let speaker = chatSpeaker(in: bytes, start..<nameEnd, colon: stop, lineEnd: lineEnd) {
                return [speaker]
            }
            guard speakerAllowed, stop - start <= 32, stop + 1 < lineEnd, bytes[stop + 1] == 0x20 else { return [] }
            // Caller ID: 913 0 020 — Arıel Karadeniz: the label's value is a number and its owner.
            if let owner = ownerAfterNumber(in: bytes, from: stop + 2, lineEnd: lineEnd) { return [owner] }
            return contactName(in: bytes, from: stop + 2, lineEnd: lineEnd, speakerAllowed: false)
        case 0x28, 0x5B:
            // Βρασίδας (22730 95 534) — …, Håkon Sæther [407 32 967] joined: a name and its number in brackets.
            if let end = Self.endOfNumber(bytes, from: stop + 1, lineEnd: lineEnd), end < lineEnd, bytes[end] == (separator == 0x28 ? 0x29 : 0x5D) {
                guard let name = nameRange(in: bytes, from: start), name.upperBound == nameEnd,
                    let detection = labelledPerson(in: bytes, name, rule: "en-cued", score: 0.7)
                else { return [] }
                return [detection]
            }
            // Сирман Бедринов (Сирман) | …: a name and the first name it goes by, then the number.
            guard separator == 0x28, let close = bytes[stop..<min(lineEnd, stop + 64)].firstIndex(of: 0x29) else { return [] }
            var after = close + 1
            while after < lineEnd, bytes[after] == 0x20 { after += 1 }
            let nickname = stop + 1..<close
            guard Self.contactFieldFollows(bytes, at: after, lineEnd: lineEnd), let name = wholeName(in: bytes, start..<nameEnd) else { return [] }
            let nameBytes = bytes[name]
            guard !nickname.isEmpty, nameBytes.starts(with: bytes[nickname]),
                nickname.count == nameBytes.count || nameBytes[nameBytes.startIndex + nickname.count] == 0x20,
                let detection = labelledPerson(in: bytes, name, rule: "en-cued", score: 0.75)
            else { return [] }
            return [detection] + [labelledPerson(in: bytes, nickname, rule: "en-cued", score: 0.75)].compactMap { $0 }
        case 0x3C, 0x7C, 0x09, 0xE2, 0xF0, 0xC2, 0x2C, 0x3B, 0x2F, 0x0A, 0x0D:
            if separator == 0x0A || separator == 0x0D {
                // The name is the whole line; the next line is a phone line.
                guard Self.phoneLineFollows(bytes, after: lineEnd) else { return [] }
            } else {
                // A space before an address or a dash (Jane Gstöhl <…>, Тарас Ларионов — …), none before a comma.
                let spaced = bytes[nameEnd..<stop].contains(0x20)
                switch separator {
                case 0x2C:
                    guard !spaced else { return [] }
                    // Edit Pintér, 34, from …: a name and an age.
                    if Self.ageFollows(bytes, after: stop), let name = wholeName(in: bytes, start..<nameEnd),
                        let detection = labelledPerson(in: bytes, name, rule: "en-cued", score: 0.7)
                    {
                        return [detection]
                    }
                    if !Self.contactFieldFollows(bytes, at: stop, lineEnd: lineEnd) {
                        // <b>Maria Lievens</b>, Rottiers CV · …: a name in emphasis or a tag is whole;
                        // the field after the comma is its company or its role, not its given name.
                        guard wrapped else {
                            return invertedName(in: bytes, start..<nameEnd, comma: stop, lineEnd: lineEnd)
                        }
                        return [wholeName(in: bytes, start..<nameEnd).flatMap { labelledPerson(in: bytes, $0, rule: "en-cued", score: 0.75) }].compactMap { $0 }
                    }
                case 0x3C, 0xE2, 0xF0, 0xC2: guard spaced else { return [] }
                default: break
                }
                guard Self.contactFieldFollows(bytes, at: stop, lineEnd: lineEnd) else { return [] }
            }
            guard let name = wholeName(in: bytes, start..<nameEnd),
                let detection = labelledPerson(in: bytes, name, rule: "en-cued", score: 0.75)
            else { return [] }
            return [detection]
        default:
            return []
        }
    }

    /// Where the bytes a name can be made of end: letters of any alphabet written in one or two
    /// bytes, spaces, apostrophes, hyphens and dots. A dash, a middle dot, a Chinese character or any
    /// other sign stops it.
    private static func endOfNameBytes(_ bytes: [UInt8], from start: Int, to end: Int) -> Int {
        var index = start
        while index < end {
            let byte = bytes[index]
            if byte < 0x80 {
                guard ASCIIByte.isLetter(byte) || byte == 0x20 || byte == 0x27 || byte == 0x2D || byte == 0x2E else { return index }
                index += 1
            } else if byte < 0xE0 && byte != 0xC2 {
                index += 1
            } else if byte == 0xE2, index + 2 < end, bytes[index + 1] == 0x80, bytes[index + 2] == 0x99 {
                index += 3
            } else {
                return index
            }
        }
        return end
    }

    /// The name of two words or more that is the whole of `range`, a greeting or other common word
    /// before it left out (Dear Jane Doe, …).
    private func wholeName(in bytes: [UInt8], _ range: Range<Int>) -> Range<Int>? {
        var start = range.lowerBound
        while let name = nameRange(in: bytes, from: start), name.upperBound == range.upperBound {
            let firstEnd = bytes[name].firstIndex(of: 0x20) ?? name.upperBound
            let first = String(decoding: bytes[name.lowerBound..<firstEnd], as: UTF8.self)
            if firstEnd == name.upperBound { return nil }
            guard isCommonWord(first), firstNames[Self.listed(first)] == nil else { return name }
            start = firstEnd + 1
        }
        return nil
    }

    /// Where the emphasis, quote or tag that closes a name ends (**, __, ", </b>), or `index` when none does.
    private static func endOfClosingMarkup(_ bytes: [UInt8], from index: Int, lineEnd: Int) -> Int {
        var index = index
        while index < lineEnd {
            if bytes[index] == 0x2A || bytes[index] == 0x5F || bytes[index] == 0x22 {
                index += 1
            } else if bytes[index] == 0x3C, index + 1 < lineEnd, bytes[index + 1] == 0x2F,
                let close = bytes[index..<min(lineEnd, index + 12)].firstIndex(of: 0x3E), bytes[(index + 2)..<close].allSatisfy(ASCIIByte.isLetter)
            {
                index = close + 1
            } else {
                break
            }
        }
        return index
    }

    /// The length of a telephone sign at `index` (☎ ☏ ✆ 📞 📱 📲), nil for anything else.
    static func telephoneSign(_ bytes: [UInt8], at index: Int, lineEnd: Int) -> Int? {
        if bytes[index] == 0xE2, index + 2 < lineEnd,
            (bytes[index + 1] == 0x98 && (bytes[index + 2] == 0x8E || bytes[index + 2] == 0x8F)) || (bytes[index + 1] == 0x9C && bytes[index + 2] == 0x86)
        {
            return 3
        }
        if bytes[index] == 0xF0, index + 3 < lineEnd, bytes[index + 1] == 0x9F, bytes[index + 2] == 0x93, [0x9E, 0xB1, 0xB2].contains(bytes[index + 3]) {
            return 4
        }
        return nil
    }

    /// What a contact line puts after a name: an address in angle brackets, or a separator (a bar, a
    /// dash, a bullet or middle dot, a telephone sign, a slash, a tab, a comma, a semicolon) and a
    /// number of six digits or more — alone, or after the word that names it (tel +41 71 …, IBAN NL46 …).
    private static func contactFieldFollows(_ bytes: [UInt8], at index: Int, lineEnd: Int) -> Bool {
        guard index < lineEnd else { return false }
        if bytes[index] == 0x3C { return true }
        var next = index
        if isDash(bytes, at: index, end: lineEnd) || (bytes[index] == 0xE2 && index + 2 < lineEnd && bytes[index + 1] == 0x80 && bytes[index + 2] == 0xA2) {
            next += 3
        } else if bytes[index] == 0xC2, index + 1 < lineEnd, bytes[index + 1] == 0xB7 {
            next += 2
        } else if let sign = telephoneSign(bytes, at: index, lineEnd: lineEnd) {
            next += sign
        } else if [0x7C, 0x09, 0x2C, 0x2F, 0x3B].contains(bytes[index]) {
            next += 1
        } else {
            return false
        }
        while next < lineEnd, bytes[next] == 0x20 || bytes[next] == 0x22 { next += 1 }
        // · ☏ 924 78 952: a telephone sign after the separator.
        if let sign = telephoneSign(bytes, at: next, lineEnd: lineEnd) {
            next += sign
            while next < lineEnd, bytes[next] == 0x20 { next += 1 }
        }
        if numberFollows(bytes, at: next, lineEnd: lineEnd) { return true }
        // A field's word: a phone word, or IBAN and a country's code and check digits.
        var wordEnd = next
        while wordEnd < lineEnd, ASCIIByte.isLetter(bytes[wordEnd]) { wordEnd += 1 }
        guard wordEnd > next, wordEnd - next <= 9 else { return false }
        let word = bytes[next..<wordEnd].map { $0 | 0x20 }
        if word == Array("iban".utf8) {
            let code = bytes[min(lineEnd, wordEnd + 1)..<min(lineEnd, wordEnd + 5)]
            return code.count == 4 && bytes[wordEnd] == 0x20 && code.prefix(2).allSatisfy(ASCIIByte.isUppercase) && code.suffix(2).allSatisfy(ASCIIByte.isDigit)
        }
        guard phoneLineWords.contains(word), word.count > 1 else { return false }
        var number = wordEnd
        if number < lineEnd, bytes[number] == 0x2E || bytes[number] == 0x3A { number += 1 }
        return numberFollows(bytes, at: number, lineEnd: lineEnd)
    }

    /// Whether an em or en dash (E2 80 94, E2 80 93) begins at `index`, before `end`.
    static func isDash(_ bytes: [UInt8], at index: Int, end: Int) -> Bool {
        index + 2 < end && bytes[index] == 0xE2 && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0x94 || bytes[index + 2] == 0x93)
    }

    /// Whether a byte can be part of a written phone number: a digit, a space, + ( ) - . or /.
    private static func isNumberByte(_ byte: UInt8) -> Bool {
        ASCIIByte.isDigit(byte) || [0x20, 0x2B, 0x28, 0x29, 0x2D, 0x2E, 0x2F].contains(byte)
    }

    /// Where a number of six digits or more (in any grouping, a + or brackets allowed) that begins
    /// at `index` ends; nil when none begins there.
    private static func endOfNumber(_ bytes: [UInt8], from index: Int, lineEnd: Int) -> Int? {
        guard index < lineEnd, ASCIIByte.isDigit(bytes[index]) || bytes[index] == 0x2B || bytes[index] == 0x28 else { return nil }
        var index = index
        var digits = 0
        while index < lineEnd, isNumberByte(bytes[index]) {
            if ASCIIByte.isDigit(bytes[index]) { digits += 1 }
            index += 1
        }
        guard digits >= 6 else { return nil }
        // The spaces and brackets the run took after the last digit are not the number's.
        while !ASCIIByte.isDigit(bytes[index - 1]) { index -= 1 }
        // An extension (x34799).
        if index + 1 < lineEnd, bytes[index] == 0x78, ASCIIByte.isDigit(bytes[index + 1]) {
            index += 1
            while index < lineEnd, ASCIIByte.isDigit(bytes[index]) { index += 1 }
        }
        return index
    }

    /// Whether a number of six digits or more (in any grouping, a + or brackets allowed) begins at
    /// `index`, after spaces.
    private static func numberFollows(_ bytes: [UInt8], at index: Int, lineEnd: Int) -> Bool {
        var index = index
        while index < lineEnd, bytes[index] == 0x20 { index += 1 }
        return endOfNumber(bytes, from: index, lineEnd: lineEnd) != nil
    }

    /// Words of a phone's label, lower-case: a line "Office Phone: 555 …" names no one.
    private static let phoneLabelWords: Set<[UInt8]> = Set(
        [
            "caller", "phone", "telephone", "tel", "mobile", "cell", "fax", "emergency", "contact",
            "home", "work", "office", "main", "direct", "support", "hotline", "helpline",
            "whatsapp", "landline", "number", "reception", "desk", "switchboard"
        ].map { Array($0.utf8) })

    /// Phone words that begin a contact block's phone line, lower-case.
    private static let phoneLineWords: [[UInt8]] = ["mobile", "mob", "phone", "tel", "telephone", "cell", "fax", "whatsapp", "tlf", "telefon", "gsm", "ph", "m", "t", "p"]
        .map { Array($0.utf8) }

    /// Whether the line after `lineEnd` is a phone line: a phone word (Mobile, Tel., M:) and a
    /// number, or the number alone.
    private static func phoneLineFollows(_ bytes: [UInt8], after lineEnd: Int) -> Bool {
        let start = lineEnd + 1
        guard start < bytes.count else { return false }
        let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
        if numberFollows(bytes, at: start, lineEnd: end) { return true }
        var wordEnd = start
        while wordEnd < end, ASCIIByte.isLetter(bytes[wordEnd]) { wordEnd += 1 }
        guard wordEnd > start, wordEnd - start <= 9, phoneLineWords.contains(bytes[start..<wordEnd].map { $0 | 0x20 }) else { return false }
        var next = wordEnd
        if next < end, bytes[next] == 0x2E || bytes[next] == 0x3A { next += 1 }
        // One-letter words (M, T, P) only with their colon.
        guard wordEnd - start > 1 || (next > wordEnd && bytes[wordEnd] == 0x3A) else { return false }
        return numberFollows(bytes, at: next, lineEnd: end)
    }

    /// The speaker who begins a chat line by a first name alone (Vritti: can you …): one word before
    /// a colon and a space, then words. The word is a first name or a word no English list holds
    /// (Udyati), neither in capitals nor with a capital inside (NOTE:, WeChat:); a label (Subject:,
    /// Update:, Ingredients:) is none of these. A speaker of two words (Zhang Wei:, Ana Ruiz:) is
    /// left to the name lists and the tagger, which read it already.
    private func chatSpeaker(in bytes: [UInt8], _ range: Range<Int>, colon: Int, lineEnd: Int) -> Detection? {
        guard range.count >= 2, range.count <= 32, colon + 2 < lineEnd, bytes[colon + 1] == 0x20,
            ASCIIByte.isLetter(bytes[colon + 2]) || bytes[colon + 2] >= 0xC0,
            !bytes[range].dropFirst().contains(where: { !(ASCIIByte.isLowercase($0) || $0 >= 0x80) }),
            bytes[(colon + 2)..<lineEnd].contains(0x20),
            // A message has a word in lower case among its first four (can you …, Margaret said …);
            // an address or a name after a label has none (Endereço: Av. Paulista, 1578).
            bytes[(colon + 2)..<lineEnd].split(separator: 0x20, maxSplits: 4).prefix(4).contains(where: { word in
                word.first.map { ASCIIByte.isLowercase($0) || ($0 >= 0xC3 && $0 < 0xE0 && String(decoding: word.prefix(2), as: UTF8.self).first?.isLowercase == true) }
                    ?? false
            })
        else { return nil }
        let word = String(decoding: bytes[range], as: UTF8.self)
        let lower = word.lowercased()
        let listed = Self.listed(word)
        guard word.dropFirst().allSatisfy({ $0.isLetter && !$0.isUppercase }), !Self.personLabels.contains(lower),
            firstNames[listed] != nil || tagger?.rank(of: lower) == nil
        else { return nil }
        return person(range, names: [word], listedAs: listed, rule: "en-cued", score: 0.55)
    }
}
