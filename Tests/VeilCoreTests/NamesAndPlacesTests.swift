import Foundation
import Testing

@testable import VeilCore
@testable import VeilRecognizers

/// People and places: what is found, how mentions are linked, and how they are rewritten.
@Suite struct NamesAndPlacesTests {
    private func policy(_ rules: [EntityType: Action], plugins: [String]) -> Policy {
        Policy(name: "t", path: "t.yaml", plugins: plugins, rules: rules.mapValues { EntityRule(action: $0) })
    }

    private func anonymizer(_ rules: [EntityType: Action], plugins: [String] = ["person-zh", "person-pinyin", "person-en", "location-cn", "location-world"]) throws
        -> Anonymizer
    {
        Anonymizer(engine: try Shipped.engine(policy: policy(rules, plugins: plugins)))
    }

    @Test func everyFormOfAChineseNameGetsTheSamePseudonymInItsOwnForm() throws {
        let text = "卢立兵是版主。记者见到卢立兵时，老卢在家。卢先生说：\n"
        let output = try anonymizer([.person: .pseudonymize(keep: [])], plugins: ["person-zh"]).anonymize(text).text
        let full = try #require(output.firstMatch(of: /^(\p{Han}{3})是版主/)?.1)
        let surname = String(full.prefix(1))
        #expect(full != "卢立兵" && !output.contains("卢"))
        #expect(output == "\(full)是版主。记者见到\(full)时，老\(surname)在家。\(surname)先生说：\n")
    }

    @Test func hanziAndPinyinOfOneNameShareAPseudonymAcrossDocuments() throws {
        let anonymizer = try anonymizer([.person: .pseudonymize(keep: [])])
        // Two documents of one run: the later one knows the people the earlier one named.
        var context = DocumentContext()
        let chinese = try anonymizer.anonymize(DocumentText("卢立兵说，论坛是他的主意。"), context: &context).text
        let english = try anonymizer.anonymize(DocumentText("Lu Libing said the forum was his idea. Lu's wife, Mu, agreed."), context: &context).text
        let hanzi = try #require(chinese.firstMatch(of: /^(\p{Han}{3})说/)?.1)
        let words = english.split(separator: " ")
        #expect(!english.contains("Lu ") && !english.contains("Mu,") && !chinese.contains("卢立兵"))
        let tables = try #require(Shipped.catalog["person-pinyin"]?.makeRecognizer() as? PinyinNameRecognizer).tables
        let romanized = try #require(tables.romanize(String(hanzi), surnameLength: 1))
        #expect(words[0].lowercased() == romanized.surname && words[1].lowercased() == romanized.given.replacingOccurrences(of: "'", with: ""))
        #expect(english.contains("\(words[0])'s wife"), "Lu's is the same person's surname")
    }

    /// person-pinyin draws a person's pseudonym exactly as person-zh draws it, for every draw: the
    /// run keeps one attempt per person, and each script's generator draws that attempt, so the two
    /// must agree or "Li Na" and 李娜 would be two pseudonyms of one person.
    @Test func pinyinAndCharacterGeneratorsDrawAlike() throws {
        let characters = try #require(Shipped.catalog["person-zh"]?.makeRecognizer() as? any SurrogateProvidingRecognizer).makeSurrogate()
        let pinyin = try #require(Shipped.catalog["person-pinyin"]?.makeRecognizer() as? any SurrogateProvidingRecognizer).makeSurrogate()
        let key = PseudonymKey(secret: Array("generators agree, a long test key".utf8)).derived(for: "pseudonym:PERSON")
        let names = ["李娜", "谭秀英", "王秀兰", "赵春燕", "李建国", "王志强", "黄立兵", "欧阳娜娜", "卢", "司马光", "张伟"]
        for name in names {
            for attempt in 0..<4 {
                var first = SurrogateRandom(key: key, value: name, attempt: attempt)
                var second = SurrogateRandom(key: key, value: name, attempt: attempt)
                #expect(
                    characters.surrogate(for: name, keeping: [], random: &first) == pinyin.surrogate(for: name, keeping: [], random: &second),
                    "\(name), draw \(attempt)")
            }
        }
    }

    /// A given name keeps the gender it reads as: women's names get given names read as a
    /// woman's, men's as a man's (the counts of given-gender.tsv).
    @Test func givenNamePseudonymsKeepTheirGender() throws {
        let anonymizer = try anonymizer([.person: .pseudonymize(keep: [])], plugins: ["person-zh"])
        let statistics = try #require(Shipped.catalog["person-zh"]?.makeRecognizer() as? ChineseNameRecognizer).statistics
        let women = ["谭秀英", "王秀兰", "李桂英", "张丽娟", "刘美玲", "陈淑珍", "杨玉梅", "赵春燕"]
        let men = ["李建国", "王志强", "刘德明", "张国栋", "陈志军", "杨建华", "赵永刚", "黄立兵"]
        for (names, female) in [(women, true), (men, false)] {
            for name in names {
                let output = try anonymizer.anonymize("\(name)说好。").text
                let pseudonym = String(try #require(output.firstMatch(of: /^(\p{Han}+)说好/)?.1))
                let share = try #require(statistics.femaleShare(ofGiven: pseudonym.dropFirst(statistics.surname(of: pseudonym).count)))
                #expect(female ? share >= 0.6 : share <= 0.4, "\(name) → \(pseudonym) reads \(share)")
            }
        }
    }

    /// 小曾 and 老彭 are the 曾凯 and 彭丽 the text names, though 曾 is mostly 曾经 and 彭 rare alone.
    @Test func formsOfAddressLinkToTheFullNameWhateverTheSurname() throws {
        let anonymizer = try anonymizer([.person: .pseudonymize(keep: [])], plugins: ["person-zh"])
        let output = try anonymizer.anonymize("曾凯是我同事，大家叫他小曾。彭丽说老彭是她父亲。").text
        let zeng = try #require(output.firstMatch(of: /^(\p{Han})\p{Han}是我同事/)?.1)
        let peng = try #require(output.firstMatch(of: /。(\p{Han})\p{Han}说/)?.1)
        #expect(output.contains("叫他小\(zeng)。") && output.contains("说老\(peng)是"), "\(output)")
        #expect(!output.contains("曾") && !output.contains("彭"))
    }

    /// Names that read alike are two people: each its own pseudonym, and a romanized mention that
    /// could be either is linked to neither.
    @Test func homophoneNamesAreDifferentPeople() throws {
        let anonymizer = try anonymizer([.person: .pseudonymize(keep: [])])
        let output = try anonymizer.anonymize("韦玉和韦宇是同学。韦玉说，韦宇会来。Wei Yu did not come.").text
        let names = output.matches(of: /\p{Han}{2}(?=[和说是会])/).map { String($0.output) }
        #expect(names.count == 4 && names[0] == names[2] && names[1] == names[3] && names[0] != names[1], "\(output)")
        let romanized = try #require(output.firstMatch(of: /([A-Z][a-z]+ [A-Z][a-z]+) did not come/)?.1)
        let tables = try #require(Shipped.catalog["person-pinyin"]?.makeRecognizer() as? PinyinNameRecognizer).tables
        for name in names.prefix(2) {
            let reading = try #require(tables.romanize(name, surnameLength: 1))
            #expect(romanized.lowercased() != "\(reading.surname) \(reading.given.replacingOccurrences(of: "'", with: ""))", "Wei Yu is linked to neither")
        }
        // With one of them named, the romanized mention is that one.
        let one = try anonymizer.anonymize("韦玉说好。Wei Yu agreed.").text
        let hanzi = try #require(one.firstMatch(of: /^(\p{Han}{2})说/)?.1)
        let reading = try #require(tables.romanize(String(hanzi), surnameLength: 1))
        #expect(one.hasSuffix("\(reading.surname.capitalized) \(reading.given.replacingOccurrences(of: "'", with: "").capitalized) agreed."), "\(one)")
    }

    @Test func ordinaryWordsThatBeginWithASurnameAreNotNames() throws {
        let engine = try Shipped.engine(policy: policy([:], plugins: ["person-zh"]))
        for text in ["他张开双臂", "王国的黄金", "白天的方法", "周末马上到", "金额不对", "他很高兴"] {
            #expect(try Shipped.found(text, engine: engine).isEmpty, "\(text)")
        }
        #expect(try Shipped.found("房东王建国和欧阳娜娜", engine: engine).map(\.text) == ["王建国", "欧阳娜娜"])
    }

    @Test func placesGeneralizeInTheMentionsOwnForm() throws {
        let anonymizer = try anonymizer([.location: .generalize(to: .province)], plugins: ["location-cn", "location-world"])
        #expect(try anonymizer.anonymize("他住在江西省赣州市于都县，常去赣州。").text == "他住在江西省，常去江西。")
        #expect(try anonymizer.anonymize("He moved from Ganzhou to London.").text == "He moved from Jiangxi to United Kingdom.")
        let prefecture = try Self.anonymizer(to: .prefecture)
        #expect(try prefecture.anonymize("于都县的房子").text == "赣州市的房子")
    }

    /// A district name two cities share (南山区: 深圳, 鹤岗) is the one under the city the text names;
    /// a town written after its county joins the chain, so nothing of it is left or made up.
    @Test func aChainSettlesWhichPlaceAndGeneralizesAsOne() throws {
        let anonymizer = try anonymizer([.location: .generalize(to: .province)], plugins: ["location-cn", "location-local"])
        #expect(try anonymizer.anonymize("住在深圳市南山区。").text == "住在广东省。")
        #expect(try anonymizer.anonymize("住在鹤岗市南山区。").text == "住在黑龙江省。")
        #expect(try anonymizer.anonymize("我老家在江西省赣州市于都县罗坳镇。").text == "我老家在江西省。")
    }

    private static func anonymizer(to level: PlaceLevel) throws -> Anonymizer {
        Anonymizer(
            engine: try Shipped.engine(
                policy: Policy(
                    name: "t", path: "t.yaml", plugins: ["location-cn"],
                    rules: [.location: EntityRule(action: .generalize(to: level))])))
    }

    /// A place below county level keeps its kind: a village stays a village, a road a road.
    @Test func localPlacesKeepTheirKind() throws {
        let anonymizer = try anonymizer([.location: .pseudonymize(keep: [])], plugins: ["location-local"])
        let output = try anonymizer.anonymize("我老家在石门村，后来住在百丈东路，也在沧海路工作。").text
        #expect(output.firstMatch(of: /老家在\p{Han}{2}村，后来住在\p{Han}{2}东路，也在\p{Han}{2}路工作/) != nil, "\(output)")
        #expect(!output.contains("石门") && !output.contains("沧海") && !output.contains("百丈"))
    }

    @Test func placePseudonymsKeepTheHierarchy() throws {
        let anonymizer = try anonymizer([.location: .pseudonymize(keep: [])], plugins: ["location-cn"])
        let engine = anonymizer.engine
        let gazetteer = try #require(engine.surrogates.gazetteer(for: "location-cn"))
        let output = try anonymizer.anonymize("赣州市于都县").text
        let findings = try engine.scan(output)
        #expect(findings.count == 2)
        let ids = try findings.map { finding in
            let document = DocumentText(output)
            return try #require(engine.analyze(document).first { $0.range == finding.utf8Range }?.canonical)
        }
        #expect(gazetteer[ids[1]]?.parent == ids[0], "the county's pseudonym lies in the prefecture's pseudonym")
        #expect(!output.contains("赣州") && !output.contains("于都"))
    }

    @Test func institutionsAreNotBarePlacesAndSimilarNamesStayApart() throws {
        let engine = try Shipped.engine(policy: policy([:], plugins: ["location-cn", "location-world"]))
        #expect(try Shipped.found("她在北京师范大学读书", engine: engine).isEmpty)
        #expect(try Shipped.found("She studied at Beijing Normal University.", engine: engine).isEmpty)
        let document = DocumentText("Shaanxi and Shanxi")
        let ids = try engine.analyze(document).map(\.canonical)
        #expect(ids == ["610000", "140000"])
    }

    /// An English news interview about a Chinese adoption forum: every mention of every private
    /// person, surname-only ones included, and every Chinese place below country level.
    @Test func englishInterviewFindsEveryPersonAndPlace() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/interview-en.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        let found = try Shipped.found(text, engine: Shipped.engine())
        let people = found.filter { $0.entity == .person }.map(\.text)
        let places = found.filter { $0.entity == .location }.map(\.text)
        #expect(people == ["Lu Libing", "Zhou Daifu", "Lu", "Lu", "Mu", "Mu", "Zhou", "Wang Zhenyao", "Wang", "Yi Yi", "Ouyang Nana", "Ouyang"])
        #expect(places == ["GANZHOU", "China", "Yudu County", "Ganzhou", "Jiangxi province", "Nanchang", "Shenzhen"])
        let output = try Anonymizer(engine: Shipped.engine()).anonymize(text).text
        // Every mention is rewritten in place (a pseudonym may by chance be another person's surname,
        // so the mentions are checked with their surroundings).
        for mention in [
            "Lu Libing", "Zhou Daifu", "Wang Zhenyao", "Yi Yi", "Ouyang Nana", "Lu said", "Lu's wife", "wife, Mu,", "Mu said",
            "Zhou, 67", "Wang told", "Ms. Ouyang", "Yudu", "in Ganzhou", "from Nanchang", "in Shenzhen"
        ] {
            #expect(!output.contains(mention), "\(mention) survived")
        }
    }

    @Test func englishNamesLinkSurnameToFullName() throws {
        let output = try anonymizer([.person: .pseudonymize(keep: [])], plugins: ["person-en"])
            .anonymize("Jane Smith, 42, runs the group. \"It helps,\" Smith said.").text
        let full = try #require(output.firstMatch(of: /^(\w+) (\w+), 42/))
        #expect(full.1 != "Jane" && full.2 != "Smith")
        #expect(output.hasSuffix("\"It helps,\" \(full.2) said."))
    }
}
