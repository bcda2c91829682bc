import VeilCore
package import VeilText

// What the name recognizers build from their data at start-up, kept as binary images between runs
// (RecognizerImages). Each writes its stored properties and reads them back in the same order;
// what is worked out from others (a longest length, first characters) is worked out again, so an
// image cannot make them disagree.

extension ChineseNameRecognizer: ImageRecognizer {
    package func write(to image: inout ImageWriter) {
        image.write(pluginID)
        image.write(statistics)
        image.write(commonWords)
        image.write(commonAddressWords)
        image.write(strongWord)
        image.write(placeWord)
        image.write(threshold2)
        image.write(threshold3)
        image.write(foreignThreshold)
        image.write(readings)
        image.write(characterReadings)
        image.write(tagger)
        image.write(tagsPlaces)
        image.write(tagsOrganizations)
        image.write(simplified)
        image.write(titleSurnames)
        image.write(cueWords)
        image.write(cueWordKinds.map(\.rawValue))
        image.write(cueAndTitleWords)
        image.write(ruleSurnameChance)
        image.write(commonSurnames)
        image.write(followingWordSet)
        image.write(addressTitles)
    }

    package init(image: inout ImageReader) throws(ImageError) {
        pluginID = try image.read()
        statistics = try image.read()
        commonWords = try image.read()
        commonAddressWords = try image.read()
        strongWord = try image.read()
        placeWord = try image.read()
        threshold2 = try image.read()
        threshold3 = try image.read()
        foreignThreshold = try image.read()
        readings = try image.read()
        characterReadings = try image.read()
        tagger = try image.read()
        taggerRows = tagger.map(TaggerRows.init)
        tagsPlaces = try image.read()
        tagsOrganizations = try image.read()
        simplified = try image.read()
        titleSurnames = try image.read()
        cueWords = try image.read()
        cueWordKinds = try image.read([UInt8].self).map(Text.Marks.init(rawValue:))
        cueAndTitleWords = try image.read()
        ruleSurnameChance = try image.read()
        commonSurnames = try image.read()
        followingWordSet = try image.read()
        followingWordLength = followingWordSet.map(\.count).max() ?? 0
        followingWordStarts = Set(followingWordSet.compactMap { $0.unicodeScalars.first.map { Array(String($0).utf8) } })
        addressTitles = try image.read()
        // Indexed by the automata's word numbers and by scalar value, unchecked.
        guard strongWord.count == commonWords.count, placeWord.count == commonWords.count, cueWordKinds.count == cueWords.count,
            simplified.isEmpty || simplified.count == 0x10000
        else { throw ImageError("person-zh's tables differ in size") }
    }
}

extension EnglishNameRecognizer: ImageRecognizer {
    package func write(to image: inout ImageWriter) {
        image.write(pluginID)
        // As three lists in one order: the table is filled once when read, hashing each name once.
        let names = Array(firstNames.keys)
        image.write(names)
        image.write(names.map { firstNames[$0]!.share })
        image.write(names.map { firstNames[$0]!.sex })
        image.write(lastNames)
        image.write(ambiguous)
        image.write(tagger)
    }

    package init(image: inout ImageReader) throws(ImageError) {
        pluginID = try image.read()
        let names = try image.read([String].self), shares = try image.read([Double].self), sexes = try image.read([String].self)
        guard shares.count == names.count, sexes.count == names.count else { throw ImageError("person-en's first names differ") }
        var firstNames: [String: (share: Double, sex: String)] = [:]
        firstNames.reserveCapacity(names.count)
        for index in names.indices { firstNames[names[index]] = (shares[index], sexes[index]) }
        self.firstNames = firstNames
        lastNames = try image.read()
        ambiguous = try image.read()
        tagger = try image.read()
        // Built with the rest of start-up, as when built from the data.
        _ = Self.cueAutomaton
    }
}

extension PinyinNameRecognizer: ImageRecognizer {
    package func write(to image: inout ImageWriter) {
        image.write(pluginID)
        image.write(tables.syllables)
        image.write(tables.readings)
        image.write(tables.surnamesBySpelling)
        image.write(statistics)
    }

    package init(image: inout ImageReader) throws(ImageError) {
        pluginID = try image.read()
        tables = PinyinTables(syllables: try image.read(), readings: try image.read(), surnamesBySpelling: try image.read())
        statistics = try image.read()
    }
}
