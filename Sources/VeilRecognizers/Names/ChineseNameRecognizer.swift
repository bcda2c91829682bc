import Foundation
package import VeilCore
import VeilText

/// Finds Chinese personal names written in Chinese characters, with no model but name statistics:
/// a surname (single or compound) and one or two given-name characters, scored by how often each
/// character plays that part in a tagged corpus; a surname with a title or form of address (王先生,
/// 张老师, 王总, 老王, 小李), 阿 and a name character (阿芳); and names after cues (叫, 网友, 记者,
/// a transcript speaker's "：").
///
/// Ordinary words that begin with a surname character (张开, 王国, 高兴, 黄金) are not names unless a
/// title or cue says so: a list of common words (from the same corpus) rejects a candidate that one
/// of them starts inside of or that begins with one.
package struct ChineseNameRecognizer: LineBreakAwareRecognizer {
    package let pluginID: String
    let statistics: ChineseNameStatistics
    let commonWords: AhoCorasick
    /// The common words that read like a form of address, 老 or 小 and a surname (老师, 小时).
    let commonAddressWords: Set<String>
    /// Per common word: whether it is strong evidence that a surname character starting it is not a name.
    let strongWord: [Bool]
    /// Per common word: whether it is mostly a place name in the corpus (source `pd-place`).
    let placeWord: [Bool]
    /// Minimum surname × given-name probability for a two- and a three-character name.
    let threshold2: Double
    let threshold3: Double
    let foreignThreshold: Double
    /// Character readings, to note each name's pinyin so "Lu Libing" can be linked to 卢立兵.
    let readings: [String: String]
    /// The readings of single characters, for the given names of full names (found by the thousand).
    let characterReadings: ScalarStrings
    /// The name tagger (crf.tsv), when the plugin ships one.
    let tagger: NameTagger?
    /// The rows of its features of a few letters, looked up once.
    let taggerRows: TaggerRows?
    /// Whether places the tagger finds are reported too (option `places: "yes"`).
    let tagsPlaces: Bool
    /// Whether organizations the tagger finds are reported too (option `organizations: "yes"`).
    var tagsOrganizations = false
    /// The simplified character each traditional one is read as (陳 → 陈; traditional.tsv), by
    /// scalar value below U+10000; 0 where a character is read as itself.
    var simplified: [UInt16] = []
    /// 百家姓 surnames mostly written as another word (连, 干; surnames-extra.txt's `title` rows):
    /// a person only before a form of address, at a clause's start or after a verb of contact.
    var titleSurnames = ScalarSet()
    /// Titles and cues in one automaton, with what each word is, for the tagger's features.
    let cueWords: AhoCorasick
    let cueWordKinds: [Text.Marks]
    /// Every title and cue, for telling a title (老公, 记者) from a name.
    let cueAndTitleWords: Set<String>
    /// Each single surname's chance of being one, for the rules: surnames.tsv's, and
    /// ``extraSurnameChance`` for the 百家姓 surnames it lacks (surnames-extra.txt).
    let ruleSurnameChance: ScalarTable
    static let extraSurnameChance = 0.1
    /// The 150 surnames most often written as one: 老X and 小X with one of them are a person.
    let commonSurnames: Set<String>
    /// The titles, cues after a name and speech verbs: what a bare surname is followed by where it
    /// stands for a person named in full (郑 of 郑表示 after 律师郑文斌).
    let followingWordSet: Set<String>
    let followingWordLength: Int
    /// The UTF-8 of the first character of each.
    let followingWordStarts: Set<[UInt8]>
    /// The titles that are forms of address (先生, 老师), part of the mention they follow.
    let addressTitles: Set<String>

    /// Words that follow the subject of a clause (刘是否认罪, 雷则表示, 杨已经离开): a surname before one
    /// is a person where the document names them in full. A one-character one counts after one of
    /// the most common surnames only.
    static let clauseWords = [
        "是否", "则", "还", "也", "就", "又", "却", "才", "便", "仍", "曾", "并", "都", "已", "已经", "一直", "正在",
        "没有", "当即", "随后", "始终", "依然", "仍然"
    ]

    /// Verbs a reported speaker is the subject of (郑表示, 郑提醒): a surname before one is a person
    /// where the document names them in full, and never a name with the verb as its given name.
    /// They do not feed the tagger's features (cues.txt does).
    static let speechVerbs = [
        "说", "表示", "认为", "指出", "提醒", "强调", "解释", "介绍", "透露", "坦言", "告诉", "回忆", "承认",
        "回应", "补充", "说道", "笑称", "直言", "呼吁", "称", "坦承", "感叹", "提到", "谈到", "建议",
        "答道", "问道", "证实", "否认", "说明", "警告", "宣布", "声称", "介绍说", "告诉记者", "反映", "反映说", "称赞", "回答", "抱怨"
    ]

    /// The factory `recognizer: person-zh` manifests use. Data, in order: surnames.tsv, given.tsv,
    /// foreign.tsv, common-words.txt, titles.txt, cues.txt (cues before a name; a line `after:` starts
    /// the cues after one), and optionally readings.tsv (character → pinyin), cues-learned.txt, crf.tsv,
    /// given-gender.tsv, surnames-extra.txt and traditional.tsv (traditional → simplified characters).
    package static let factory: PluginCode.RecognizerFactory = { input in
        let files = input.dataFiles
        guard files.count >= 6 else {
            throw RecognizerError(pluginID: input.manifest.id, message: "person-zh needs data: surnames, given, foreign, common words, titles, cues")
        }
        var statistics = try ChineseNameStatistics.read(surnames: files[0], given: files[1], foreign: files[2])
        // Surnames the corpus never showed as one (甄, 刁), for the rules only: the tagger's features
        // come from surnames.tsv alone, as it was trained.
        let extraRows = try files.first(where: { $0.hasSuffix("surnames-extra.txt") }).map { try WordList.readRows($0) } ?? []
        let extraSurnames = extraRows.filter { $0.count == 1 }.map { $0[0] }
        // Surnames mostly written as another word (连, 干): a surname only before a form of address.
        let titleSurnames = extraRows.filter { $0.count == 2 && $0[1] == "title" }.map { $0[0] }
        if let gender = files.first(where: { $0.hasSuffix("given-gender.tsv") }) { try statistics.readGender(gender) }
        // Hand-written cues, and those learned from the corpus (cues-learned.txt, optional, last).
        var cues = try WordList.read(files[5])
        var learnedAfter: [String] = []
        if let learned = files.first(where: { $0.hasSuffix("cues-learned.txt") }) {
            let words = try WordList.read(learned)
            let split = words.firstIndex(of: "after:") ?? words.count
            cues.insert(contentsOf: words[..<split], at: 0)
            learnedAfter = Array(words[min(split + 1, words.count)...])
        }
        let split = cues.firstIndex(of: "after:") ?? cues.count
        let options = input.manifest.options
        var readings: [String: String] = [:]
        let tagger = try files.first(where: { $0.hasSuffix("crf.tsv") }).map { path throws(ConfigurationError) in try NameTagger.read(path) }
        if let file = files.first(where: { $0.hasSuffix("readings.tsv") }) {
            try WordList.forEachRow(file) { _, line in if line.count == 2 { readings[line[0]] = line[1] } }
        }
        // A word counts as "strong" evidence against a name when the news corpus has it, or when it is
        // frequent in jieba's dictionary; rarer jieba words (温家) only block names they cut across.
        let wordRows = try WordList.readRows(files[3]).filter { !$0.isEmpty }
        // One flag per row (a word listed twice is found as both, so either row's flag counts).
        var recognizer = ChineseNameRecognizer(
            pluginID: input.manifest.id, statistics: statistics, readings: readings, tagger: tagger, tagsPlaces: options["places"] == "yes",
            commonWords: wordRows.map { $0[0] },
            isStrong: wordRows.map { $0.count < 3 || $0[2] != "jieba" || (Int($0[1]) ?? 0) >= 1000 },
            isPlace: wordRows.map { $0.count >= 3 && $0[2] == "pd-place" },
            titles: try WordList.read(files[4]), cuesBefore: Array(cues[..<split]),
            cuesAfter: Array(cues[min(split + 1, cues.count)...]) + learnedAfter,
            threshold2: Double(options["threshold_2"] ?? "") ?? 0.02,
            threshold3: Double(options["threshold_3"] ?? "") ?? 0.004,
            foreignThreshold: Double(options["threshold_foreign"] ?? "") ?? 0.2, extraSurnames: extraSurnames)
        recognizer.tagsOrganizations = options["organizations"] == "yes"
        recognizer.titleSurnames = ScalarSet(
            titleSurnames.compactMap { $0.unicodeScalars.count == 1 ? $0.unicodeScalars.first : nil }
                .filter { !Self.beforeTitleWords.contains($0) && !Self.notTitleSurnames.contains($0) })
        if let file = files.first(where: { $0.hasSuffix("traditional.tsv") }) {
            var table = [UInt16](repeating: 0, count: 0x10000)
            try WordList.forEachRow(file) { _, row in
                guard row.count == 2, let from = row[0].unicodeScalars.first?.value, let to = row[1].unicodeScalars.first?.value, from < 0x10000, to < 0x10000
                else { return }
                table[Int(from)] = UInt16(to)
            }
            recognizer.simplified = table
        }
        return recognizer
    }

    init(
        pluginID: String, statistics: ChineseNameStatistics, readings: [String: String] = [:], tagger: NameTagger? = nil, tagsPlaces: Bool = false, commonWords: [String],
        isStrong: [Bool]? = nil, isPlace: [Bool]? = nil, titles: [String], cuesBefore: [String],
        cuesAfter: [String], threshold2: Double, threshold3: Double, foreignThreshold: Double, extraSurnames: [String] = []
    ) {
        self.pluginID = pluginID
        self.statistics = statistics
        self.readings = readings
        self.characterReadings = ScalarStrings(singleScalarKeysOf: readings)
        self.tagger = tagger
        self.taggerRows = tagger.map(TaggerRows.init)
        self.tagsPlaces = tagsPlaces
        var kinds: [String: Text.Marks] = [:]
        for word in titles { kinds[word, default: []].insert(.titleStarts) }
        for word in cuesBefore { kinds[word, default: []].insert(.cueBeforeEnds) }
        for word in cuesAfter { kinds[word, default: []].insert(.cueAfterStarts) }
        for word in Self.speechVerbs { kinds[word, default: []].insert(.verbStarts) }
        let cueList = kinds.keys.sorted()
        self.cueAndTitleWords = Set(cueList)
        var ruleSurnameChance = statistics.surnameChance
        for extra in extraSurnames where extra.unicodeScalars.count == 1 {
            let value = extra.unicodeScalars.first!.value
            if ruleSurnameChance[value] == nil { ruleSurnameChance[value] = Self.extraSurnameChance }
        }
        self.ruleSurnameChance = ruleSurnameChance
        self.commonSurnames = Set(statistics.surnames.filter { $0.key.count == 1 }.sorted { $0.value.inNames > $1.value.inNames }.prefix(150).map(\.key))
        // A transcript's speaker label (吴：说来话长) follows a surname too.
        self.followingWordSet = Set(titles + cuesAfter + Self.speechVerbs + Self.clauseWords + Self.repeatTitles + ["：", ":"])
        self.followingWordLength = followingWordSet.map(\.count).max() ?? 0
        self.followingWordStarts = Set(followingWordSet.compactMap { $0.unicodeScalars.first.map { Array(String($0).utf8) } })
        self.addressTitles = Set(titles.filter { !Self.isOffice($0) } + Self.repeatTitles)
        self.cueWords = AhoCorasick(words: cueList)
        self.cueWordKinds = cueList.map { kinds[$0]! }
        self.commonWords = AhoCorasick(words: commonWords)
        self.commonAddressWords = Set(
            commonWords.filter { word in
                let scalars = word.unicodeScalars
                return scalars.count == 2 && (scalars.first == "老" || scalars.first == "小")
            })
        self.strongWord = isStrong ?? Array(repeating: true, count: commonWords.count)
        self.placeWord = isPlace ?? Array(repeating: false, count: commonWords.count)
        self.threshold2 = threshold2
        self.threshold3 = threshold3
        self.foreignThreshold = foreignThreshold
    }

    /// A name runs on across a wrap only from one Chinese character to the next (卢立\n兵).
    package func mayRunAcross(_ before: Unicode.Scalar, _ after: Unicode.Scalar) -> Bool { before.isHan && after.isHan }

    package func recognize(_ document: DocumentText) throws -> [Detection] {
        // Every candidate starts at a Chinese character (the tagger reads only lines that hold one),
        // and every scalar from U+3400 on, traditional ones read as simplified among them, starts
        // with a byte of 0xE3 or more: a text without such a byte (an answer in English, a number)
        // is passed over before its set-up, which is most of what a short one costs.
        guard document.bytes.contains(where: { $0 >= 0xE3 }) else { return [] }
        let text = makeText(document)
        let tagging = taggerLabels(text)
        var detections: [Detection] = []
        var fullNames: [Detection] = []
        var index = 0
        while index < text.scalars.count {
            defer { index += 1 }
            guard text.isHan(index) else { continue }
            if let detection = formOfAddress(text, at: index) { detections.append(detection) }
            if let detection = surnameNamed(text, at: index) { detections.append(detection) }
            if let detection = nicknameNamed(text, at: index) { detections.append(detection) }
            if let detection = fullName(text, at: index) { fullNames.append(detection) }
            if Self.digitFollows(text, index), let detection = nameBeforeAmount(text, at: index) { detections.append(detection) }
        }
        if let tagging {
            // The tagger settles where names are. The statistics add a name it missed only when they
            // are confident (a cue, a likely name) and it saw nothing there.
            let tagged = taggedNames(text, tagging: tagging)
            fullNames.removeAll { candidate in candidate.score < 0.8 || tagged.contains { $0.range.overlaps(candidate.range) } }
            detections += tagged
            if tagsPlaces { detections += taggedPlaces(text, tagging: tagging) }
        }
        detections += fullNames + foreignNames(text, labels: tagging?.labels)
        if tagsOrganizations { detections += organizations(text, tagging: tagging) }
        detections += listedNames(alongside: detections, in: text)
        detections += surnameConfirmedNames(alongside: detections, in: text)
        // 罗坳镇 again after 于都县罗坳镇: the place, wherever the document writes it.
        let bytes = document.bytes
        for index in detections.indices where detections[index].entity == .person && Self.isTownName(detections[index].range, in: bytes) {
            detections[index] = Detection(
                range: detections[index].range, entity: .location, score: 0.55, pluginID: pluginID, rule: "town",
                canonical: String(decoding: bytes[detections[index].range], as: UTF8.self), facts: MentionFacts())
        }
        return detections
    }

    // MARK: Candidates

    /// A surname and one or two given-name characters, or a surname and a title (王先生).
    func fullName(_ text: Text, at start: Int) -> Detection? {
        let surnameLength: Int
        let ps: Double
        let first = text.scalars[start].value
        if text.isHan(start + 1), text.isHan(start + 2),
            let compound = statistics.compoundSurnameChance[UInt64(first) << 32 | UInt64(text.scalars[start + 1].value)]
        {
            surnameLength = 2
            ps = compound
        } else if let single = ruleSurnameChance[first] {
            surnameLength = 1
            ps = single
        } else if titleSurnames.contains(first), let title = title(text, at: start + 1), title > 1,
            Self.personalTitles.contains(text.string(start + 1..<start + 1 + title)),
            start == 0 || !text.isHan(start - 1) || Self.contactBefore.contains(text.scalars[start - 1])
        {
            // 连小姐, 干老师: the title says the character is a surname here.
            return detection(
                text, start..<start + 1 + title, score: 0.8, canonical: text.string(start..<start + 1),
                facts: MentionFacts(personForm: .title, surname: text.string(start..<start + 1)))
        } else {
            return nil
        }
        var surname: String { text.string(start..<start + surnameLength) }
        let givenStart = start + surnameLength
        let cue = hasCueBefore(text, start)
        // A common word the surname sits inside of (主[张], 国[王]) means this is not a name — unless
        // the word ends with it and a form of address follows (群里|程阿姨: 里程 is a word too).
        // 本人|马晶, 养母|王欢: a word a name follows ends right before the surname (a word of two
        // characters or more: 同|时进行 and 、|高增长 are no introductions).
        if text.insideWord[start] && !cue && (followsContactWord(text, start) ?? 0) < 2 {
            let endsHere = !text.insideWord[start + 1] && text.wordEnding[start] >= 2
            guard endsHere, let title = title(text, at: start + 1), title > 1,
                Self.personalTitlesAfterWords.contains(text.string(start + 1..<start + 1 + title))
            else { return nil }
        }

        if office(text, at: givenStart) != nil, ps >= 0.05 {
            // 朱副总理, 李总理 (offices the tagger's titles do not list): the surname is the mention.
            return detection(text, start..<givenStart, score: 0.8, canonical: surname, facts: MentionFacts(personForm: .title, surname: surname))
        }
        if let title = title(text, at: givenStart) {
            // 王先生, 张老师: a surname and a title. A surname that is mostly another word (和, 向)
            // does not count, and single-character titles (王总) need a common surname.
            // A form of address of two characters or more (老师, 师傅, 大哥) is said after a person's
            // surname even where the character is mostly a word (文老师, 麦老师): only a modifier
            // (新老师, 女老师) or a function word (和老师) stands there otherwise.
            let word = text.string(givenStart..<givenStart + title)
            let addressed = title > 1 && ps >= 0.001 && !Self.isOffice(word) && !Self.beforeTitleWords.contains(text.scalars[start])
            // 。钟姐说: a one-character form of address starting a clause, before what follows a subject.
            let clauseSubject =
                title == 1 && ps >= 0.01 && (start == 0 || isPunctuationLike(text.scalars[start - 1]))
                && givenStart + 1 < text.scalars.count && Self.subjectFollowers.contains(text.scalars[givenStart + 1])
            if (title > 1 && ps >= 0.05) || ps >= 0.1 || addressed || clauseSubject {
                // After an office (李总理, 王部长) the surname is the mention, as news corpora mark
                // it; a form of address is part of it (张先生, 贾老板, as social-media corpora do).
                // Either way the title is written back as it was.
                let business =
                    Self.businessTitles.contains(word) && text.wordStarting[givenStart] <= title
                    && (start == 0 || !text.isHan(start - 1) || statistics.givenProbability(text.scalars[start - 1]) < 0.1)
                let end = Self.isOffice(word) && !business ? givenStart : givenStart + title
                return detection(text, start..<end, score: 0.8, canonical: surname, facts: MentionFacts(personForm: .title, surname: surname))
            }
        }
        guard text.isHan(givenStart), !isPunctuationLike(text.scalars[givenStart]) else { return nil }
        // 郑表示, 郑提醒: a surname and a verb, not a name.
        if text.marks[givenStart].contains(.verbStarts) { return nil }
        let contact = followsContactWord(text, start)
        let introduced = cue || (contact ?? 0) >= 2
        // 小朱|真是, 老王|明天: after 小 or 老 the surname ends a form of address where the next
        // character starts a word of its own.
        if start > 0, text.scalars[start - 1] == "小" || text.scalars[start - 1] == "老", text.wordStarting[givenStart] >= 2, !cue { return nil }
        // 养母王欢。 楼主林欢，: right after a cue or a word a name follows, a surname and one or two
        // given-name characters that end at punctuation are a name, however rare the given name —
        // not a common word (联系|方式，).
        if introduced {
            for length in [2, 1] {
                let end = givenStart + length
                guard end <= text.scalars.count, end == text.scalars.count || isPunctuationLike(text.scalars[end]) || !text.isHan(end),
                    (givenStart..<end).allSatisfy({ text.isHan($0) && statistics.givenProbability(text.scalars[$0]) >= 0.005 }),
                    text.wordStarting[start] < end - start, text.wordStarting[givenStart] <= end - givenStart,
                    // A given name that is a word too (专家和|权威) only of characters mostly names' (玉兰).
                    text.wordStarting[givenStart] < 2 || (givenStart..<end).allSatisfy({ statistics.givenProbability(text.scalars[$0]) >= 0.1 })
                else { continue }
                return detection(text, start..<end, score: 0.8, canonical: text.string(start..<end), facts: MentionFacts(personForm: .full, surname: surname))
            }
        }
        let p2 = ps * statistics.givenProbability(text.scalars[givenStart])
        // A third character that is rarely part of a name (也, 是, 在) ends the name before it.
        let third = text.isHan(givenStart + 1) ? statistics.givenProbability(text.scalars[givenStart + 1]) : 0
        var p3 = third >= 0.005 ? p2 * third : 0
        // The surname and the next character form an ordinary word (张开, 高兴): not a name without a cue.
        let beginsWord = text.strongWordStarting[start] >= surnameLength + 1
        // A very common surname with a likely three-character name outweighs the word (王国栋).
        let strongName = ps >= 0.5 && p3 >= threshold3 * 5
        if beginsWord && !cue && !strongName && title(text, at: givenStart + 1) == nil && title(text, at: givenStart + 2) == nil { return nil }
        if beginsWord && strongName && !cue {
            p3 = max(p3, threshold3);
            return detection(
                text, start..<givenStart + 2, score: 0.6, canonical: text.string(start..<givenStart + 2), facts: MentionFacts(personForm: .full, surname: surname))
        }
        // A two-character given name that is itself a frequent word (明天, 一起) is weak evidence.
        if text.wordStarting[givenStart] == 2 { p3 *= 0.2 }
        // A third character that starts a word running on (王明[天气]) is not part of the name, and
        // one a subject is mostly followed by (韦玉[来]了, 马海[去]) is seldom part of it.
        if text.wordStarting[givenStart + 1] > 2 { p3 = 0 }
        if givenStart + 1 < text.scalars.count, Self.subjectFollowers.contains(text.scalars[givenStart + 1]) { p3 *= 0.1 }
        // After a word a name often follows (联系马洋, 和马海, 请问韦玉) a likely name needs less, as after
        // a cue; it does not make an ordinary word a name, as a cue does.
        // So does a speech verb after it (冯雪反映, 农娟指出), and after a two-character one a word a
        // subject is followed by (樊雪又发了).
        let near = cue || contact != nil
        let spoken = { (end: Int) in
            near || (end < text.scalars.count && text.marks[end].contains(.verbStarts)) || Self.kinAfterOf.contains { text.matches($0, at: end) }
        }
        // (Only a verb, and only a given-name character seen in names: an unseen one after a
        // surname character is more often a particle, 钱哦, or slang, 童鞋.)
        let subject =
            givenStart + 1 < text.scalars.count && Self.subjectFollowers.contains(text.scalars[givenStart + 1])
            && text.scalars[givenStart + 1].properties.isIdeographic
            && statistics.givenInNames(text.scalars[givenStart]) >= 3
        let boost = near || spoken(givenStart + 1) || spoken(givenStart + 2) || subject ? 0.2 : 0
        // 邓小平理论, 毛泽东思想: a name inside a doctrine's or a memorial's name is not a mention.
        if p3 >= threshold3 && startsAny(Self.notAfter, text, givenStart + 2) { return nil }
        if p3 < threshold3 && p2 >= threshold2 && startsAny(Self.notAfter, text, givenStart + 1) { return nil }
        if p3 >= threshold3 || (spoken(givenStart + 2) && p3 >= threshold3 / 4), !continuesPlace(text, start..<givenStart + 2) {
            let end = givenStart + 2
            return detection(
                text, start..<end, score: nameScore(p3 / threshold3) + boost + (hasTitleOrCueAfter(text, end) ? 0.1 : 0),
                canonical: text.string(start..<end), facts: MentionFacts(personForm: .full, surname: surname))
        }
        // A transcript's speaker label (万成：大家好) is almost always a name.
        let label = cue && (start == 0 || text.scalars[start - 1] == "\n")
        if p2 >= threshold2 || ((spoken(givenStart + 1) || subject) && p2 >= threshold2 / 10) || (label && p2 >= threshold2 / 50) {
            let end = givenStart + 1
            return detection(
                text, start..<end, score: nameScore(p2 / threshold2) + boost + (hasTitleOrCueAfter(text, end) ? 0.1 : 0),
                canonical: text.string(start..<end), facts: MentionFacts(personForm: .full, surname: surname))
        }
        return nil
    }

    /// 老王, 小李 (a common surname after 老 or 小), 阿芳 and 小玲 (阿 or 小 and a name character),
    /// and doubled name characters (琪琪, 敏敏).
    func formOfAddress(_ text: Text, at start: Int) -> Detection? {
        let first = text.scalars[start]
        guard text.isHan(start + 1) else { return nil }
        // Only a doubled character or 老, 小, 阿 can start one (checked first: this runs at every character).
        guard first == text.scalars[start + 1] || first == "老" || first == "小" || first == "阿" else { return nil }
        // 老师, 小说, 阿姨: the pair is an ordinary word; so is one running on from it. A weaker word
        // of 老 or 小 and a common surname (老周, 老宋: dictionary entries for the person) is a person
        // where a person stands: before 说, 来, 是 … or a cue.
        let subject =
            start + 2 < text.scalars.count
            && (Self.subjectFollowers.contains(text.scalars[start + 2]) || hasTitleOrCueAfter(text, start + 2)
                || Self.coupleWords.contains { text.matches($0, at: start + 2) })
        let personPlace =
            commonSurnames.contains(String(text.character(start + 1))) && text.strongWordStarting[start] < 2
            && text.wordStarting[start] == 2 && (first == "老" || first == "小") && subject
        // 快递员小殷, 中介小全: after a role, a kin term or 联系, 老 or 小 and any surname, where the
        // mention ends (before punctuation or what follows a subject), and not a word of its own (给小费).
        // So is one before the word for a couple or a household (隔壁老苗两口子).
        if first == "老" || first == "小", !text.insideWord[start],
            Self.coupleWords.contains(where: { text.matches($0, at: start + 2) })
                || (followsContactWord(text, start) != nil
                    && (start + 2 == text.scalars.count || !text.isHan(start + 2) || Self.subjectFollowers.contains(text.scalars[start + 2])
                        || Self.timeWords.contains(where: { text.matches($0, at: start + 2) }))),
            ruleSurnameChance[text.scalars[start + 1].value] != nil, !commonAddressWords.contains(text.string(start..<start + 2))
        {
            let surname = text.string(start + 1..<start + 2)
            return detection(text, start..<start + 2, score: 0.7, canonical: surname, facts: MentionFacts(personForm: first == "老" ? .lao : .xiao, surname: surname))
        }
        if (text.wordStarting[start] >= 2 && !personPlace) || text.insideWord[start] { return nil }
        if text.isHan(start + 2) && text.wordStarting[start + 1] >= 2 { return nil }
        let second = text.character(start + 1)
        let next = String(second)
        // Seen in names, and mostly there: an unseen character (哒, 嘟) is more often a sound than a name.
        let seenInNames = statistics.givenInNames(text.scalars[start + 1]) >= 3 && statistics.givenProbability(second) >= 0.3
        let nameLike = seenInNames && statistics.surnames[next] == nil
        if first == text.scalars[start + 1], !text.isHan(start + 2) || text.scalars[start + 2] != first {
            if seenInNames {
                return detection(text, start..<start + 2, score: 0.6, canonical: text.string(start..<start + 2), facts: MentionFacts(personForm: .nickname))
            }
            // 我们班的豆豆今天没来, 主播糖糖今晚开播: a doubled character no word list holds, after 的 or
            // a child's or a streamer's role and where a subject stands, is a pet name whatever its
            // character (豆, 丫) — not an adverb (天天, 人人).
            if start > 0, text.scalars[start - 1] == "的" || Self.petNameRoles.contains(where: { text.matches($0, at: start - $0.count) }),
                text.isHan(start), !Self.soundCharacters.contains(first), !Self.adverbDoubles.contains(first),
                start + 2 < text.scalars.count,
                Self.subjectFollowers.contains(text.scalars[start + 2]) || Self.timeWords.contains(where: { text.matches($0, at: start + 2) })
                    || (text.scalars[start - 1] != "的" && text.wordStarting[start + 2] >= 2)
            {
                return detection(text, start..<start + 2, score: 0.6, canonical: text.string(start..<start + 2), facts: MentionFacts(personForm: .nickname))
            }
        }
        guard first == "老" || first == "小" || first == "阿" else { return nil }
        if first == "阿" || (first == "小" && nameLike) {
            guard nameLike else { return nil }
            return detection(text, start..<start + 2, score: 0.6, canonical: text.string(start..<start + 2), facts: MentionFacts(personForm: .nickname))
        }
        // A surname mostly written as one (卢), or one of the most common (周, 曾: mostly 周末, 曾经
        // elsewhere, but 老周 and 小曾 are people); not a cue or title (老公).
        let likely = statistics.surnameProbability(next) >= 0.3
        guard
            likely
                || (commonSurnames.contains(next) && !cueAndTitleWords.contains(text.string(start..<start + 2))
                    && (statistics.surnameProbability(next) >= 0.1 || subject))
        else { return nil }
        return detection(text, start..<start + 2, score: likely ? 0.7 : 0.6, canonical: next, facts: MentionFacts(personForm: first == "老" ? .lao : .xiao, surname: next))
    }

    /// Words a name often follows that are not cues (which make even an ordinary word a name).
    static let contactWords: [[Unicode.Scalar]] = [
        "联系", "联络", "找", "请问", "问", "和", "跟", "同", "与", "给", "告诉", "通知", "见", "看望",
        "拜访", "感谢", "谢谢", "约", "陪", "叫", "认识", "联系上了", "联系上", "找到", "见到", "遇到",
        "欢迎", "采访", "本人", "、",
        // Kin and companions a name is introduced by (我舅舅王慧, 她丈夫夏想).
        "舅舅", "姑姑", "叔叔", "伯伯", "阿姨", "表哥", "表姐", "表弟", "表妹", "堂哥", "堂姐",
        "哥哥", "姐姐", "弟弟", "妹妹", "丈夫", "妻子", "老公", "老婆", "儿子", "女儿", "同学",
        "同事", "朋友", "邻居", "室友", "男友", "女友", "男朋友", "女朋友",
        "养父", "养母", "生父", "生母", "继父", "继母", "父亲", "母亲", "爸爸", "妈妈", "爷爷",
        "奶奶", "外公", "外婆", "姥姥", "姥爷", "岳父", "岳母", "公公", "婆婆", "嫂子", "姐夫",
        "妹夫", "前夫", "前妻", "前男友", "前女友", "未婚夫", "未婚妻", "新郎", "新娘", "介绍人",
        "徒弟", "师父", "学生", "同桌", "战友", "老乡",
        // Roles a name is introduced by (快递员小殷, 中介王芳).
        "快递员", "中介", "司机", "保姆", "护工", "助理", "秘书", "服务员", "店员", "客服",
        "经纪人", "保安", "门卫", "会计", "业务员", "民警", "社工", "志愿者", "主播", "博主",
        // Who someone is, then the name (新娘是马雪, 负责人是王芳).
        "新娘是", "新郎是", "负责人是", "联系人是", "老板是", "房东是", "班主任是", "名字是"
    ].map { Array($0.unicodeScalars) }
    /// ``contactWords`` by their last character.
    static let contactWordsByEnd: [UInt32: [[Unicode.Scalar]]] = Dictionary(grouping: contactWords) { $0[$0.count - 1].value }

    /// The length of the longest of ``contactWords`` that ends right before `index`, or nil.
    func followsContactWord(_ text: Text, _ index: Int) -> Int? {
        guard index > 0, let words = Self.contactWordsByEnd[text.scalars[index - 1].value] else { return nil }
        var longest: Int?
        for word in words where text.matches(word, at: index - word.count) { longest = max(longest ?? 0, word.count) }
        return longest
    }

    /// After a name and 的, the words of a family or household (古畅的孩子, 王芳的老公).
    static let kinAfterOf: [[Unicode.Scalar]] = [
        "的孩子", "的儿子", "的女儿", "的父亲", "的母亲", "的爸爸", "的妈妈", "的老公", "的老婆", "的丈夫",
        "的妻子", "的家人", "的家属", "的电话", "的微信"
    ].map { Array($0.unicodeScalars) }

    /// Titles that are an office rather than a form of address (besides those ending in 长).
    static let officeTitles: Set<String> = ["总", "经理", "总监", "董事长", "总经理", "主任", "书记", "委员", "主席", "总理", "总统", "大使"]

    static func isOffice(_ title: String) -> Bool { title.hasSuffix("长") || officeTitles.contains(title) }

    /// Offices people also address each other by (李经理, 王总): part of the mention, as forms of
    /// address are, where the surname starts the name (not 童志|成总经理, a name's last character).
    static let businessTitles: Set<String> = ["总", "经理", "总监", "总经理"]

    /// Words after the surname of a person the document names that are that person (李老 after
    /// 李淑华, 姜扒皮 after 姜明): an elder's honorific and nicknames made of a surname. For the rules
    /// only (titles.txt is the tagger's).
    static let repeatTitles = ["老", "胖子", "扒皮", "麻子", "大个", "大嘴", "瘦子", "矮子", "疯子"]

    /// Offices written after a surname in news (李总理, 朱副总理, 江总书记) that titles.txt, which the
    /// tagger's features read, does not list: for the rules only.
    static let offices: [[Unicode.Scalar]] = [
        "总理", "副总理", "总书记", "主席", "副主席", "总统", "副总统", "委员长", "首相", "外长", "大使",
        "秘书长", "总裁", "行长", "司令", "司令员", "政委", "会长", "理事长", "社长", "台长", "议长",
        "国务卿", "副市长", "副县长", "副省长", "副部长", "副主任", "副书记", "副校长", "副院长", "副局长",
        "副总经理"
    ].map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
    static let officeStarts = ScalarSet(offices.map { $0[0] })

    /// The length of the longest office of ``offices`` starting at `index`, and not running on into
    /// a longer word (主席台).
    func office(_ text: Text, at index: Int) -> Int? {
        guard index < text.scalars.count, Self.officeStarts.contains(text.scalars[index]) else { return nil }
        guard let office = Self.offices.first(where: { text.matches($0, at: index) }) else { return nil }
        if text.wordStarting[index] > office.count { return nil }
        return office.count
    }

    /// Characters of surnames-extra.txt's `title` rows too often a word before a title (那老师, 有老师说).
    static let notTitleSurnames = ScalarSet(
        [
            "有", "那", "能", "从", "家", "国", "后", "年", "终", "越", "通", "相", "须", "空", "养", "公", "东",
            "广", "海", "法", "利", "爱", "言", "师", "商", "伯", "冷", "融", "松", "山", "水", "花", "平", "明",
            "元", "红", "益", "权", "督", "况", "琴", "福", "充", "双", "能", "劳", "扶", "农", "印", "怀"
        ] as [Unicode.Scalar])
    /// Forms of address that say the character before is a person's surname.
    static let personalTitles: Set<String> = ["小姐", "先生", "女士", "老师", "师傅", "阿姨", "大哥", "大姐", "医生", "同学", "太太", "夫人"]
    /// Those a word ending in a surname's character is seldom followed by otherwise (群里程阿姨; but
    /// 主张老师, 关心同学 are verbs and their objects, 元帅夫人 a wife).
    static let personalTitlesAfterWords: Set<String> = ["小姐", "先生", "女士", "师傅", "阿姨", "大哥", "大姐", "医生", "大爷", "大妈"]
    /// Verbs and prepositions such a form of address follows (给连老师, 问干先生).
    static let contactBefore = ScalarSet(["是", "给", "找", "问", "跟", "和", "与", "请", "叫", "见", "向", "对", "让", "被", "把", "，", "。"] as [Unicode.Scalar])

    /// Characters whose doubling is a sound or an interjection (哈哈, 嘻嘻), not a pet name.
    static let soundCharacters: Set<Unicode.Scalar> = [
        "哈", "呵", "嘻", "嘿", "啦", "哇", "呀", "嗯", "哦", "啊", "噢", "嘛", "呜", "哼", "嘤", "咯", "嘟", "滴", "咚", "啪", "汪", "喵", "嗷", "么", "个", "些", "点", "常", "刚", "渐", "慢", "好",
        "快"
    ]
    /// Words of time a subject is often followed by (豆豆今天没来).
    static let timeWords: [[Unicode.Scalar]] = [
        "今天", "昨天", "明天", "今晚", "昨晚", "明晚", "今年", "刚才", "现在", "最近", "又", "已经", "总是",
        "每天"
    ].map { Array($0.unicodeScalars) }
    /// Words after a person for the household or couple they head (老高两口子, 老王夫妻).
    static let coupleWords: [[Unicode.Scalar]] = ["两口子", "夫妻", "夫妇", "一家", "家的", "俩"].map { Array($0.unicodeScalars) }
    /// Roles a pet name or a streamer's name is written after (女儿妞妞, 主播糖糖).
    static let petNameRoles: [[Unicode.Scalar]] = [
        "女儿", "儿子", "孩子", "宝宝", "闺女", "外孙", "孙子", "孙女", "侄子", "侄女", "主播", "网友",
        "博主", "楼主"
    ].map { Array($0.unicodeScalars) }
    /// Characters whose doubling is an adverb or a quantity (天天, 人人, 处处), not a name.
    static let adverbDoubles: Set<Unicode.Scalar> = ["天", "人", "时", "处", "往", "仅", "默", "悄", "偏", "年", "次", "家", "事", "样", "声", "步"]

    /// Characters before a form of address that are not a surname there: modifiers (新老师, 女老师,
    /// 原书记) and function words (和老师, 给师傅).
    static let beforeTitleWords = ScalarSet(
        [
            "新", "原", "前", "副", "代", "班", "女", "男", "好", "老", "小", "大", "本", "该", "某", "各", "每",
            "全", "总", "主", "助", "名", "特", "外", "中", "和", "与", "跟", "同", "向", "对", "给", "让", "被",
            "把", "将", "请", "问", "找", "叫", "是", "的", "在", "当", "做", "为", "及", "或", "由", "从", "比",
            "像", "帮", "替", "陪", "等", "位", "个", "们", "家", "些", "贵", "令", "尊", "师", "众", "诸"
        ] as [Unicode.Scalar])

    /// What follows a person who is the subject of a clause: 老周说, 小毛来了, 老宋是.
    static let subjectFollowers = ScalarSet(
        [
            "说", "来", "去", "是", "在", "也", "都", "还", "又", "就", "跟", "和", "把", "给", "问", "笑", "让", "叫", "会", "要", "已", "正", "却", "对",
            "聊", "讲", "吃", "喝", "走", "看", "想", "做", "打", "买", "卖", "玩", "住", "到", "回", "拿", "送", "带", "找", "借",
            "坐", "写", "帮", "陪", "等", "被", "从", "向", "替", "，", "。", "！", "？"
        ] as [Unicode.Scalar])

    /// A name as an item of a list of sums (捐款名单：任利 500元，邵帆 300元): a surname and one or two
    /// characters seen in given names, starting an item and followed by an amount of money.
    func nameBeforeAmount(_ text: Text, at start: Int) -> Detection? {
        guard start == 0 || Self.itemStarts.contains(text.scalars[start - 1]),
            ruleSurnameChance[text.scalars[start].value] != nil, text.wordStarting[start] < 2
        else { return nil }
        for length in [3, 2] {
            let end = start + length
            guard end < text.scalars.count, (start + 1..<end).allSatisfy({ text.isHan($0) && !isPunctuationLike(text.scalars[$0]) }) else { continue }
            var digit = end
            while digit < text.scalars.count, text.scalars[digit] == " " { digit += 1 }
            guard digit < text.scalars.count, text.scalars[digit].properties.numericType != nil, text.scalars[digit].isASCII else { continue }
            var unit = digit
            while unit < text.scalars.count, text.scalars[unit].isASCII, text.scalars[unit].properties.numericType != nil || text.scalars[unit] == "." { unit += 1 }
            guard unit < text.scalars.count, Self.moneyUnits.contains(text.scalars[unit]) else { continue }
            let given = (start + 1..<end).map { statistics.givenProbability(text.scalars[$0]) }
            guard given.allSatisfy({ $0 >= 0.01 }) else { continue }
            let surname = text.string(start..<start + 1)
            return detection(text, start..<end, score: 0.65, canonical: text.string(start..<end), facts: MentionFacts(personForm: .full, surname: surname))
        }
        return nil
    }

    /// Whether an ASCII digit stands two to four characters after `start` (where a sum follows a name).
    @inline(__always) static func digitFollows(_ text: Text, _ start: Int) -> Bool {
        var index = start + 2
        let end = min(text.scalars.count, start + 5)
        while index < end {
            if text.scalars[index].value &- 0x30 < 10 { return true }
            index += 1
        }
        return false
    }

    static let itemStarts = ScalarSet(["：", ":", "，", ",", "、", "；", ";", "\n", " ", "\t"] as [Unicode.Scalar])
    static let moneyUnits: Set<Unicode.Scalar> = ["元", "块", "万", "千", "百"]

    /// The surname after 姓 (镇长姓罗, 一位姓欧阳的老师): a person, however rare the surname is as one.
    func surnameNamed(_ text: Text, at index: Int) -> Detection? {
        guard text.scalars[index] == "姓", text.isHan(index + 1) else { return nil }
        // 老百姓: the common people.
        if index > 0, text.scalars[index - 1] == "百" { return nil }
        let start = index + 1
        let length: Int
        if text.isHan(start + 1), statistics.compoundSurnameChance[UInt64(text.scalars[start].value) << 32 | UInt64(text.scalars[start + 1].value)] != nil {
            length = 2
        } else if ruleSurnameChance[text.scalars[start].value] != nil {
            length = 1
        } else {
            return nil
        }
        let end = start + length
        // What follows the surname ends it: punctuation, 的, 氏, 名, a title — not a word it begins (姓名, 姓氏).
        guard !text.isHan(end) || "的氏名叫，".unicodeScalars.contains(text.scalars[end]) || title(text, at: end) != nil else { return nil }
        if text.wordStarting[start] > length { return nil }
        let surname = text.string(start..<end)
        return detection(text, start..<end, score: 0.75, canonical: surname, facts: MentionFacts(personForm: .surname, surname: surname))
    }

    /// A nickname, screen name or pen name where the text says it is one: 小名叫丫丫, 网名是风中的小草,
    /// 昵称：阿亮 — up to the next punctuation or space, at most twelve characters.
    func nicknameNamed(_ text: Text, at index: Int) -> Detection? {
        // Most characters start none of these (checked first: this runs at every character).
        guard Self.nicknameStarts.contains(text.scalars[index]) || index == 0 || text.scalars[index - 1] == "\n" else { return nil }
        if let called = calledName(text, at: index) { return called }
        if let household = householdName(text, at: index) { return household }
        if let addressed = vocative(text, at: index) { return addressed }
        if let screen = quotedScreenName(text, at: index) { return screen }
        guard Self.nicknameCueStarts.contains(text.scalars[index]),
            let cue = Self.nicknameCues.first(where: { text.matches($0, at: index) })
        else { return nil }
        var start = index + cue.count
        if let link = Self.nicknameLinks.first(where: { text.matches($0, at: start) }) { start += link.count }
        var end = start
        while end < text.scalars.count, end - start <= 12 {
            let scalar = text.scalars[end]
            guard text.isHan(end) || scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "_" else { break }
            end += 1
        }
        guard end > start, end - start <= 12, end - start >= 2 || text.isHan(start) else { return nil }
        // 全名叫练玉, 真名是王芳: a full name, whose surname and given name are that person again.
        if Self.fullNameCues.contains(cue), let surname = leadingSurname(text, start..<end) {
            return detection(text, start..<end, score: 0.8, canonical: text.string(start..<end), facts: MentionFacts(personForm: .full, surname: surname))
        }
        return detection(text, start..<end, score: 0.75, canonical: text.string(start..<end), facts: MentionFacts(personForm: .nickname))
    }

    /// A screen name in quotes after the word for its holder (网友“胖虎”, 博主「风中的小草」): up to the
    /// closing quote, at most sixteen characters.
    func quotedScreenName(_ text: Text, at index: Int) -> Detection? {
        guard Self.screenNameCueStarts.contains(text.scalars[index]),
            let cue = Self.screenNameCues.first(where: { text.matches($0, at: index) })
        else { return nil }
        var start = index + cue.count
        if let link = Self.screenNameLinks.first(where: { text.matches($0, at: start) }) { start += link.count }
        guard start < text.scalars.count, let close = Self.closingQuotes[text.scalars[start]] else { return nil }
        start += 1
        var end = start
        while end < text.scalars.count, end - start <= 16, text.scalars[end] != close, text.scalars[end] != "\n" { end += 1 }
        guard end < text.scalars.count, text.scalars[end] == close, end > start, end - start <= 16 else { return nil }
        return detection(text, start..<end, score: 0.75, canonical: text.string(start..<end), facts: MentionFacts(personForm: .nickname))
    }

    static let screenNameCues: [[Unicode.Scalar]] = ["网友", "用户", "博主", "楼主", "主播", "群友", "粉丝", "网红", "账号", "昵称为", "网名为"]
        .map { Array($0.unicodeScalars) }
    static let screenNameCueStarts = ScalarSet(screenNameCues.map { $0[0] })
    static let screenNameLinks: [[Unicode.Scalar]] = ["名为", "名叫", "叫", "：", ":"].map { Array($0.unicodeScalars) }
    static let closingQuotes: [Unicode.Scalar: Unicode.Scalar] = ["“": "”", "「": "」", "『": "』", "\"": "\""]

    static let fullNameCues: Set<[Unicode.Scalar]> = Set(["全名", "原名", "本名", "真名", "大名", "曾用名"].map { Array($0.unicodeScalars) })

    /// The surname a run of two to four characters starts with, where the rest can be a given name.
    func leadingSurname(_ text: Text, _ range: Range<Int>) -> String? {
        guard (2...4).contains(range.count), range.allSatisfy({ text.isHan($0) }) else { return nil }
        let first = text.scalars[range.lowerBound].value
        if range.count >= 3, statistics.compoundSurnameChance[UInt64(first) << 32 | UInt64(text.scalars[range.lowerBound + 1].value)] != nil {
            return text.string(range.lowerBound..<range.lowerBound + 2)
        }
        return range.count <= 3 && ruleSurnameChance[first] != nil ? text.string(range.lowerBound..<range.lowerBound + 1) : nil
    }

    /// A child's (or a pet's) pet name after 你家, 我家, 他家 …: a doubled character (你家毛毛) or 小,
    /// 阿 and a character (我家小宝), where the name ends there (before punctuation, 的, or what
    /// follows a subject).
    func householdName(_ text: Text, at index: Int) -> Detection? {
        guard text.scalars[index] == "家", index > 0, Self.householdOwners.contains(text.scalars[index - 1]) else { return nil }
        let start = index + 1
        guard start + 1 < text.scalars.count, text.isHan(start), text.isHan(start + 1) else { return nil }
        let first = text.scalars[start]
        let doubled = first == text.scalars[start + 1] && first != "家"
        let prefixed = (first == "小" || first == "阿") && text.strongWordStarting[start] < 2 && !isPunctuationLike(text.scalars[start + 1])
        guard doubled || prefixed else { return nil }
        let end = start + 2
        guard end == text.scalars.count || !text.isHan(end) || text.scalars[end] == "的" || Self.subjectFollowers.contains(text.scalars[end]) else { return nil }
        return detection(text, start..<end, score: 0.7, canonical: text.string(start..<end), facts: MentionFacts(personForm: .nickname))
    }

    static let householdOwners = ScalarSet(["你", "我", "他", "她", "咱", "您"] as [Unicode.Scalar])

    /// A name said to someone at the start of a line (红霞，你最近还好吗; 钟欢，你妈喊你): a given name
    /// of two characters seen in names, or a surname and one or two given-name characters, then a
    /// comma and 你 or 您.
    func vocative(_ text: Text, at index: Int) -> Detection? {
        guard index == 0 || text.scalars[index - 1] == "\n" else { return nil }
        let length = (2...3).first { length in
            index + length + 1 < text.scalars.count && (index..<index + length).allSatisfy { text.isHan($0) }
                && (text.scalars[index + length] == "，" || text.scalars[index + length] == ",")
                && (text.scalars[index + length + 1] == "你" || text.scalars[index + length + 1] == "您")
        }
        guard let length else { return nil }
        let range = index..<index + length
        let name = text.string(range)
        guard !cueAndTitleWords.contains(name) else { return nil }
        let chances = range.map { position -> Double in
            let scalar = text.scalars[position]
            return statistics.givenInNames(scalar) >= 3 ? statistics.givenProbability(scalar) : 0
        }
        // A surname and given-name characters, not a common word (钟欢; but 王者，你).
        if ruleSurnameChance[text.scalars[index].value] != nil, chances.dropFirst().allSatisfy({ $0 >= 0.005 }), text.wordStarting[index] < 2 {
            return detection(text, range, score: 0.7, canonical: name, facts: MentionFacts(personForm: .full, surname: String(text.character(index))))
        }
        // Both characters of a given name seen in names; an ordinary word (今天，你; 宝贝，你) only
        // where its characters are mostly names' (红霞).
        guard length == 2, chances.allSatisfy({ $0 >= 0.01 }), text.wordStarting[index] < 2 || chances[0] * chances[1] >= 0.05 else { return nil }
        return detection(text, range, score: 0.7, canonical: name, facts: MentionFacts(personForm: .full))
    }

    static let nicknameCues: [[Unicode.Scalar]] = [
        "小名", "乳名", "网名", "昵称", "外号", "绰号", "艺名", "笔名", "化名", "微博名", "英文名",
        "全名", "原名", "本名", "真名", "大名", "曾用名", "孩子叫", "女儿叫", "儿子叫",
        "宝宝叫", "闺女叫"
    ]
    .map { Array($0.unicodeScalars) }
    static let nicknameCueStarts = ScalarSet(nicknameCues.map { $0[0] })
    /// Where a nickname's cue, 叫 or 喊 (calledName) or 家 (householdName) stands.
    static let nicknameStarts = ScalarSet(nicknameCues.map { $0[0] } + screenNameCues.map { $0[0] } + ["叫", "喊", "家"])

    /// What someone is called: 大家都叫我毛毛, 叫我阿亮就行 (a short run after 叫我, 喊我 …, up to
    /// punctuation or 就/吧), and a doubled name after 叫 (孩子叫妞妞, 叫天天).
    func calledName(_ text: Text, at index: Int) -> Detection? {
        guard text.scalars[index] == "叫" || text.scalars[index] == "喊" else { return nil }
        if let object = Self.calledObjects.first(where: { text.matches($0, at: index + 1) }) {
            let start = index + 1 + object.count
            // 叫他老王, 叫我王总, 叫我王伟: the forms of a name are the name rules' (and linked to it).
            guard start < text.scalars.count, text.isHan(start), formOfAddress(text, at: start) == nil, fullName(text, at: start) == nil else { return nil }
            var end = start
            while end < text.scalars.count, end - start < 6, text.isHan(end), !Self.calledEnds.contains(text.scalars[end]) { end += 1 }
            guard end - start >= 2, end - start <= 5, end == text.scalars.count || !text.isHan(end) || Self.calledEnds.contains(text.scalars[end]) else { return nil }
            return detection(text, start..<end, score: 0.75, canonical: text.string(start..<end), facts: MentionFacts(personForm: .nickname))
        }
        let start = index + 1
        guard text.scalars[index] == "叫", start + 1 < text.scalars.count, text.isHan(start), text.scalars[start] == text.scalars[start + 1],
            !text.isHan(start + 2) || Self.calledEnds.contains(text.scalars[start + 2])
        else { return nil }
        return detection(text, start..<start + 2, score: 0.75, canonical: text.string(start..<start + 2), facts: MentionFacts(personForm: .nickname))
    }

    static let calledObjects: [[Unicode.Scalar]] = ["我", "她", "他"].map { Array($0.unicodeScalars) }
    static let calledEnds: Set<Unicode.Scalar> = ["就", "吧", "了", "的", "好", "啊", "呀", "吗", "呢"]
    /// What may stand between such a cue and the name: 叫, 是, a colon, an opening quote.
    static let nicknameLinks: [[Unicode.Scalar]] = ["叫做“", "叫“", "是“", "为“", "：“", "叫做", "就叫", "叫", "是", "为", "：", ":", "“", "「", "\""]
        .map { Array($0.unicodeScalars) }

    // MARK: Helpers

    func nameScore(_ ratio: Double) -> Double {
        min(0.85, 0.6 + 0.1 * log10(max(ratio, 1)))
    }

    static let notAfter: [[Unicode.Scalar]] = ["理论", "思想", "主义", "文选", "纪念馆", "故居", "时代", "路线", "同志的遗志"].map { Array($0.unicodeScalars) }

    func startsAny(_ words: [[Unicode.Scalar]], _ text: Text, _ index: Int) -> Bool {
        words.contains { text.matches($0, at: index) }
    }

    /// The length of the longest title starting at `index`.
    func title(_ text: Text, at index: Int) -> Int? {
        guard index >= 0, index < text.titleLength.count, text.titleLength[index] > 0 else { return nil }
        return Int(text.titleLength[index])
    }

    func hasCueBefore(_ text: Text, _ index: Int) -> Bool {
        if index == 0 || text.scalars[index - 1] == "\n" {
            return text.matches([":"], at: index + 3) || text.matches(["："], at: index + 3) || text.matches(["："], at: index + 2)
        }
        return index < text.marks.count && text.marks[index].contains(.cueBeforeEnds)
    }

    func hasTitleOrCueAfter(_ text: Text, _ index: Int) -> Bool {
        index >= 0 && index < text.marks.count && !text.marks[index].isDisjoint(with: [.titleStarts, .cueAfterStarts])
    }

    func isPunctuationLike(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    func detection(_ text: Text, _ range: Range<Int>, score: Double, canonical: String, facts: MentionFacts) -> Detection {
        detection(bytes: text.offsets[range.lowerBound]..<text.offsets[range.upperBound], score: score, canonical: canonical, facts: facts)
    }

    /// A PERSON detection; a full name notes its pinyin ("lu libing"), by which a romanized mention
    /// may be linked to it — its pseudonym is kept under the name as written (韦玉 and 韦宇, which
    /// read alike, are two people); a surname with a title or 老/小 notes the surname's pinyin ("lu").
    func detection(bytes range: Range<Int>, score: Double, canonical: String, facts: MentionFacts) -> Detection {
        var facts = facts
        let form = facts.personForm
        if form == .full, let (family, given) = syllables(of: canonical) {
            facts.pinyin = family + " " + given.joined()
        } else if form == .title || form == .lao || form == .xiao || form == .surname, let reading = readings[canonical] {
            facts.pinyin = reading
        }
        return Detection(
            range: range, entity: .person, score: min(score, 0.95),
            pluginID: pluginID, rule: form?.rawValue ?? "name", canonical: canonical, facts: facts)
    }

    /// The readings of a full name: its surname's, and each given-name character's. Read by
    /// scalars (a compound surname is its first two of three or more, as ``ChineseNameStatistics/surname(of:)``
    /// says): no String is built or hashed for a name of single-character readings.
    func syllables(of name: String) -> (family: String, given: [String])? {
        guard !readings.isEmpty else { return nil }
        let scalars = Array(name.unicodeScalars)
        guard let first = scalars.first else { return nil }
        let compound = scalars.count >= 3 && statistics.compoundSurnameChance[UInt64(first.value) << 32 | UInt64(scalars[1].value)] != nil
        let family = compound ? readings[String(String.UnicodeScalarView(scalars[..<2]))] : characterReadings[first]
        guard let family else { return nil }
        var given: [String] = []
        given.reserveCapacity(scalars.count)
        for scalar in scalars[(compound ? 2 : 1)...] {
            guard let reading = characterReadings[scalar] else { return nil }
            given.append(reading)
        }
        return (family, given)
    }

}

extension ChineseNameRecognizer: SurrogateProvidingRecognizer {
    package var surrogateID: String { ChineseNameSurrogate.generatorID }

    package func makeSurrogate() -> any SurrogateGenerator {
        var spellings: [String: [String]] = [:]
        for surname in statistics.surnames.keys { if let reading = readings[surname] { spellings[reading, default: []].append(surname) } }
        return ChineseNameSurrogate(statistics: statistics, spellings: spellings)
    }
}
