import VeilCore

/// Mandarin syllables and character readings: how to tell a romanized Chinese name from an English
/// word, and how to write a name in characters in pinyin.
struct PinyinTables: Sendable {
    let syllables: Set<String>
    /// Character (or compound surname) → toneless pinyin.
    let readings: [String: String]
    /// Lower-cased spelling → surnames in characters (卢 for "lu"; 王 and 黄 for "wong").
    let surnamesBySpelling: [String: [String]]

    static func read(syllables: String, readings: String, variants: String, statistics: ChineseNameStatistics) throws -> PinyinTables {
        let syllableSet = Set(try WordList.read(syllables))
        var readingTable: [String: String] = [:]
        try WordList.forEachRow(readings) { _, line in if line.count == 2 { readingTable[line[0]] = line[1] } }
        var bySpelling: [String: [String]] = [:]
        for surname in statistics.surnames.keys {
            if let reading = readingTable[surname] { bySpelling[reading, default: []].append(surname) }
        }
        try WordList.forEachRow(variants) { _, line in
            guard line.count == 2 else { return }
            for spelling in line[1].split(separator: "|") { bySpelling[spelling.lowercased(), default: []].append(line[0]) }
        }
        // Most frequent surname first, so "lu" means 卢 before 鲁 when drawing from a spelling.
        let frequency = { (surname: String) in statistics.surnames[surname]?.inNames ?? 0 }
        return PinyinTables(
            syllables: syllableSet, readings: readingTable,
            surnamesBySpelling: bySpelling.mapValues { Array(Set($0)).sorted { (frequency($0), $1) > (frequency($1), $0) } })
    }

    /// Splits a lower-case word into Mandarin syllables (longest first, with backtracking), or nil.
    func syllabify(_ word: String) -> [String]? {
        let letters = Array(word)
        func split(from index: Int) -> [String]? {
            if index == letters.count { return [] }
            for length in stride(from: min(6, letters.count - index), through: 1, by: -1) {
                let piece = String(letters[index..<index + length])
                if syllables.contains(piece), let rest = split(from: index + length) { return [piece] + rest }
            }
            return nil
        }
        return split(from: 0)
    }

    /// The pinyin of a name in characters, surname and given name apart ("lu", "libing").
    func romanize(_ name: String, surnameLength: Int) -> (surname: String, given: String)? {
        let surname = String(name.prefix(surnameLength))
        guard let family = readings[surname] ?? romanizeCharacters(surname) else { return nil }
        let given = romanizeCharacters(String(name.dropFirst(surnameLength)))
        return given.map { (family, $0) }
    }

    private func romanizeCharacters(_ text: String) -> String? {
        var out = ""
        for character in text {
            guard let reading = readings[String(character)] else { return nil }
            // An apostrophe keeps xi'an from reading as xian.
            if !out.isEmpty, let first = reading.first, "aoe".contains(first) { out += "'" }
            out += reading
        }
        return out
    }
}
