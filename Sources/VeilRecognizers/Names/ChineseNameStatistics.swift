import Foundation
import VeilCore
import VeilText

/// How often characters play the parts of a Chinese name, counted in a tagged corpus: the data
/// behind `person-zh` (see its SOURCES.md).
package struct ChineseNameStatistics: Sendable {
    struct Count: Sendable, Hashable {
        let inNames: Int
        let occurrences: Int
    }

    let surnames: [String: Count]
    /// Given-name and foreign-name characters (each one scalar), by scalar value: hashing a
    /// `Character` costs many times more, at every start-up and in the recognizer.
    let given: [UInt32: Count]
    let foreign: [UInt32: Count]

    /// Each given-name character's share of women's names among the names it was seen in (0 all
    /// men's, 1 all women's), where known (`given-gender.tsv`), by scalar value.
    var femaleShare: [UInt32: Double] = [:]

    /// The same chances keyed by scalar values, for the recognizer's inner loop.
    let surnameChance: ScalarTable
    /// The chance of each compound surname (欧阳, 司马), keyed by its two scalars (first << 32 | second).
    let compoundSurnameChance: ScalarPairTable
    let givenChance: ScalarTable
    let foreignChance: ScalarTable

    init(surnames: [String: Count], given: [UInt32: Count], foreign: [UInt32: Count]) {
        self.surnames = surnames
        self.given = given
        self.foreign = foreign
        let chance = { (count: Count, prior: Double) in (Double(count.inNames) + prior) / (Double(count.occurrences) + 1) }
        var single: [UInt32: Double] = [:], compound: [UInt64: Double] = [:]
        for (name, count) in surnames {
            let scalars = Array(name.unicodeScalars)
            if scalars.count == 1 { single[scalars[0].value] = chance(count, 0.1) }
            if scalars.count == 2 { compound[UInt64(scalars[0].value) << 32 | UInt64(scalars[1].value)] = chance(count, 0.1) }
        }
        surnameChance = ScalarTable(single)
        compoundSurnameChance = ScalarPairTable(compound)
        givenChance = ScalarTable(given.mapValues { chance($0, 0.4) })
        foreignChance = ScalarTable(foreign.mapValues { Double($0.inNames) / (Double($0.occurrences) + 2) })
    }

    /// Surnames by how many names they begin, most first (for drawing pseudonyms).
    var surnamesByFrequency: [(surname: String, weight: Int)] {
        surnames.filter { $0.value.inNames >= 5 || $0.key.count == 2 }.map { ($0.key, $0.value.inNames) }.sorted {
            ($0.weight, $1.surname) > ($1.weight, $0.surname)
        }
    }

    /// Given-name characters by frequency.
    var givenByFrequency: [(character: Character, weight: Int)] {
        given.filter { $0.value.inNames >= 5 }.compactMap { key, count in Unicode.Scalar(key).map { (Character($0), count.inNames) } }
            .sorted { ($0.weight, $1.character) > ($1.weight, $0.character) }
    }

    /// How many names of the corpus `scalar` was seen in as a given-name character.
    func givenInNames(_ scalar: Unicode.Scalar) -> Int { given[scalar.value]?.inNames ?? 0 }

    /// Reads `surnames.tsv`, `given.tsv` and `foreign.tsv` (name, count in names, occurrences).
    static func read(surnames: String, given: String, foreign: String) throws(ConfigurationError) -> ChineseNameStatistics {
        func table(_ path: String) throws(ConfigurationError) -> [(String, Count)] {
            var rows: [(String, Count)] = []
            try WordList.forEachRow(path, what: "the name table") { (line, columns) throws(ConfigurationError) in
                guard columns.count == 3, !columns[0].isEmpty, let inNames = Int(columns[1]), let occurrences = Int(columns[2]) else {
                    throw ConfigurationError(Diagnostic(file: path, line: line, message: "expected: text, count in names, occurrences (tab-separated)"))
                }
                rows.append((columns[0], Count(inNames: inNames, occurrences: occurrences)))
            }
            return rows
        }
        let characters = { (rows: [(String, Count)]) in
            Dictionary(rows.compactMap { $0.0.unicodeScalars.count == 1 ? ($0.0.unicodeScalars.first!.value, $0.1) : nil }, uniquingKeysWith: { first, _ in first })
        }
        let statistics = ChineseNameStatistics(
            surnames: Dictionary(try table(surnames), uniquingKeysWith: { first, _ in first }),
            given: characters(try table(given)), foreign: characters(try table(foreign)))
        // Pseudonyms are drawn from these; an empty table would leave nothing to draw.
        guard !statistics.surnamesByFrequency.isEmpty, !statistics.givenByFrequency.isEmpty else {
            throw ConfigurationError(Diagnostic(file: surnames, message: "the surname and given-name tables must each list names seen at least 5 times"))
        }
        return statistics
    }

    /// Reads `given-gender.tsv` (character, count in men's names, count in women's names).
    mutating func readGender(_ path: String) throws(ConfigurationError) {
        try WordList.forEachRow(path, what: "the given-name gender table") { (line, row) throws(ConfigurationError) in
            guard row.count == 3, row[0].unicodeScalars.count == 1, let male = Double(row[1]), let female = Double(row[2]), male + female > 0 else {
                throw ConfigurationError(
                    Diagnostic(file: path, line: line, message: "expected: character, count in men's names, count in women's names (tab-separated)"))
            }
            femaleShare[row[0].unicodeScalars.first!.value] = female / (male + female)
        }
    }

    /// How much a given name reads as a woman's, 0…1: its known characters' odds multiplied (a
    /// naive Bayes reading: 春燕 is a woman's name, 燕 saying more than 春); nil when none of its
    /// characters is known.
    func femaleShare(ofGiven given: some Sequence<Character>) -> Double? {
        let shares = given.compactMap { $0.unicodeScalars.first.flatMap { femaleShare[$0.value] } }
        guard !shares.isEmpty else { return nil }
        let odds = shares.reduce(1.0) { odds, share in
            let clamped = min(max(share, 0.02), 0.98)
            return odds * clamped / (1 - clamped)
        }
        return odds / (1 + odds)
    }

    /// The chance that an occurrence of `surname` begins a name (smoothed).
    func surnameProbability(_ surname: String) -> Double {
        guard let count = surnames[surname] else { return 0 }
        return (Double(count.inNames) + 0.1) / (Double(count.occurrences) + 1)
    }

    /// The chance that an occurrence of `character` is part of a given name. Characters the corpus
    /// never saw are mostly rare name characters (晗, 焱), so they get a fair chance.
    func givenProbability(_ character: Character) -> Double {
        character.unicodeScalars.first.map { givenProbability($0) } ?? 0.4
    }

    func givenProbability(_ scalar: Unicode.Scalar) -> Double { givenChance[scalar.value] ?? 0.4 }

    /// The chance that an occurrence of `scalar` is part of a transliterated foreign name.
    func foreignProbability(_ scalar: Unicode.Scalar) -> Double { foreignChance[scalar.value] ?? 0 }

    /// The surname `name` starts with: a compound one (欧阳) if it has one, else its first character.
    func surname(of name: String) -> String {
        let two = String(name.prefix(2))
        if name.count >= 3, surnames[two] != nil { return two }
        return String(name.prefix(1))
    }
}

/// Values keyed by two scalars (first << 32 | second) that few first scalars begin: a bitmap of
/// those first scalars answers most lookups (asked at every character of a text) without hashing.
struct ScalarPairTable: Sendable {
    private let values: [UInt64: Double]
    private let firsts: ScalarSet

    init(_ values: [UInt64: Double]) {
        self.values = values
        var firsts = ScalarSet()
        for key in values.keys { firsts.insert(UInt32(truncatingIfNeeded: key >> 32)) }
        self.firsts = firsts
    }

    subscript(key: UInt64) -> Double? {
        firsts.contains(UInt32(truncatingIfNeeded: key >> 32)) ? values[key] : nil
    }
}

extension ScalarPairTable: ImageCodable {
    func write(to image: inout ImageWriter) { image.write(values) }
    init(image: inout ImageReader) throws(ImageError) { self.init(try image.read([UInt64: Double].self)) }
}

extension ChineseNameStatistics.Count: ImageCodable {
    func write(to image: inout ImageWriter) {
        image.write(inNames)
        image.write(occurrences)
    }

    init(image: inout ImageReader) throws(ImageError) {
        inNames = try image.read()
        occurrences = try image.read()
    }
}

extension ChineseNameStatistics: ImageCodable {
    // The counts; the chances and the frequency orders are worked out from them as when read.
    func write(to image: inout ImageWriter) {
        image.write(surnames)
        image.write(given)
        image.write(foreign)
        image.write(femaleShare)
    }

    init(image: inout ImageReader) throws(ImageError) {
        self.init(surnames: try image.read(), given: try image.read(), foreign: try image.read())
        femaleShare = try image.read()
    }
}
