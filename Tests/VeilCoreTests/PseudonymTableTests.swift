import Testing

@testable import VeilCore
@testable import VeilRecognizers

/// The run's pseudonym table: one surrogate per original, never shared, and no endless redraws.
@Suite struct PseudonymTableTests {
    @Test func sameOriginalSameSurrogateAndNeverShared() throws {
        let table = PseudonymTable()
        // Every original draws "x" first: the second original must move on to its next draw.
        let draw = { (original: String) in { (attempt: Int) in attempt == 0 ? "x" : "\(original)-\(attempt)" } }
        let a = try table.surrogate(entity: .person, canonical: "a", drawer: "test", draw: draw("a"))
        let b = try table.surrogate(entity: .person, canonical: "b", drawer: "test", draw: draw("b"))
        #expect(a == "x" && b == "b-1")
        #expect(try table.surrogate(entity: .person, canonical: "b", drawer: "test", draw: draw("b")) == "b-1")
        #expect(try table.surrogate(entity: .person, canonical: "a", drawer: "test", draw: draw("a")) == "x")
        // Another entity has its own space.
        #expect(try table.surrogate(entity: .location, canonical: "b", drawer: "test", draw: draw("b")) == "x")
        #expect(table.count == 3)
    }

    @Test func aGeneratorWithNothingElseToGiveStopsItsDraws() throws {
        let table = PseudonymTable()
        var draws = 0
        // Nothing but the original: it comes back as it is, and the rewrite fails closed.
        let surrogate = try table.surrogate(entity: .person, canonical: "same", drawer: "test") { _ in
            draws += 1; return "same"
        }
        #expect(surrogate == "same" && draws == PseudonymTable.drawLimit)
    }

    /// A generator whose every surrogate is taken stops the document; it never hands out one twice.
    @Test func aTakenSurrogateIsNeverHandedOutAgain() throws {
        let table = PseudonymTable()
        #expect(try table.surrogate(entity: .qqNumber, canonical: "1", drawer: "test") { _ in "x" } == "x")
        #expect(throws: NoFreePseudonymError.self) { try table.surrogate(entity: .qqNumber, canonical: "2", drawer: "test") { _ in "x" } }
        // A finite list past its last candidate: the same.
        #expect(throws: NoFreePseudonymError.self) { try table.surrogateFromList(entity: .qqNumber, canonical: "3", drawer: "test") { $0 == 0 ? "x" : nil } }
    }

    /// Small domains never run out: every surname of the tables, each met alone (王先生 with no
    /// full name), and every province, each gets a pseudonym of its own, and none its own.
    @Test func smallDomainsNeverRunOutNorShare() throws {
        let engine = try Shipped.engine()
        let table = PseudonymTable()
        let person = engine.surrogates.generator(
            for: Detection(range: 0..<3, entity: .person, score: 1, pluginID: "person-zh", rule: "t", canonical: "王"), mention: "王先生")
        // The name recognizer's own generator, made when first asked (``LazySurrogate``).
        let statistics = try #require((person as? LazySurrogate)?.generator as? ChineseNameSurrogate).statistics
        let key = engine.key.derived(for: "pseudonym:PERSON")
        let surnames = statistics.surnames.keys.filter { $0.count == 1 }.sorted()
        var drawn: [String: String] = [:]
        for surname in surnames {
            drawn[surname] = try table.surrogate(entity: .person, canonical: surname, drawer: "test") { attempt in
                var random = SurrogateRandom(key: key, value: surname, attempt: attempt)
                return person.surrogate(for: surname, keeping: [], random: &random)
            }
        }
        #expect(surnames.count > 250 && Set(drawn.values).count == surnames.count && drawn.allSatisfy { $0.key != $0.value })
        // Every province and prefecture of location-cn's gazetteer, and every county of three
        // provinces (a run's worth), pseudonymized as a run does: one each, never itself.
        let places = try #require(engine.surrogates.gazetteer(for: "location-cn"))
        let surrogate = PlaceSurrogate(gazetteer: places)
        let placeKey = engine.key.derived(for: "pseudonym:LOCATION")
        var images: [String: String] = [:]
        func settle(_ id: String) throws -> String {
            if let known = images[id] { return known }
            let parent = try places[id]?.parent.map(settle)
            let candidates = surrogate.candidates(for: id, parentSurrogate: parent, key: placeKey)
            let image = try table.surrogateFromList(entity: .location, canonical: id, drawer: "test") { $0 < candidates.count ? candidates[$0] : nil }
            images[id] = image
            return image
        }
        for id in places.placesInIDOrder.map(\.id) where places[id]?.level != .country {
            guard places[id]?.level == .county else { _ = try settle(id); continue }
            if ["36", "44", "11"].contains(where: id.hasPrefix) { _ = try settle(id) }
        }
        let provinces = images.filter { places[$0.key]?.level == .province }
        #expect(provinces.count > 30 && Set(provinces.values).count == provinces.count && provinces.allSatisfy { $0.key != $0.value })
        #expect(Set(images.values).count == images.count, "no two places share a pseudonym")
    }

    /// A million distinct names and a million distinct numbers, drawn by the shipped generators
    /// as a run draws them: a million distinct pseudonyms each.
    @Test func aMillionOriginalsGetAMillionPseudonyms() async throws {
        let engine = try Shipped.engine()
        let table = PseudonymTable()
        let surnames = Array("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段漕钱汤尹黎易常武乔贺赖龚文")
        let given = Array("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏建国志新宇浩然子轩梓涵一诺欣怡雨泽俊熙思远博文嘉晨阳佳琪雅婷晓东海燕春梅立兵德福寿康宁安庆祥瑞云飞龙凤鸣岚峰松柏林森江河湖波清泉雪冰霜露虹霖辉")
        let person = engine.surrogates.generator(
            for: Detection(range: 0..<3, entity: .person, score: 1, pluginID: "person-zh", rule: "t", canonical: "王伟"), mention: "王伟")
        let phone = try #require(PluginCode.builtin.surrogates["phone-cn"])
        let personKey = engine.key.derived(for: "pseudonym:PERSON"), phoneKey = engine.key.derived(for: "pseudonym:PHONE_NUMBER")
        // Names and numbers drawn at once, on two threads, as a run's workers draw them.
        async let names = Task.detached {
            var names = Set<String>()
            for surname in surnames {
                for first in given {
                    for second in given {
                        let name = String([surname, first, second])
                        names.insert(
                            try table.surrogate(entity: .person, canonical: name, drawer: "test") { attempt in
                                var random = SurrogateRandom(key: personKey, value: name, attempt: attempt)
                                return person.surrogate(for: name, keeping: [], random: &random)
                            })
                    }
                }
            }
            return names.count
        }.value
        async let numbers = Task.detached {
            var numbers = Set<String>()
            for index in 0..<1_000_000 {
                let number = "138" + String(10_000_000 + index * 7 % 90_000_000)
                numbers.insert(
                    try table.surrogate(entity: .phoneNumber, canonical: number, drawer: "test") { attempt in
                        var random = SurrogateRandom(key: phoneKey, value: number, attempt: attempt)
                        return phone.surrogate(for: number, keeping: [], random: &random)
                    })
            }
            return numbers.count
        }.value
        #expect(surnames.count * given.count * given.count == 1_000_000)
        let (nameCount, numberCount) = try await (names, numbers)
        #expect(nameCount == 1_000_000, "\(1_000_000 - nameCount) name pseudonyms shared")
        #expect(numberCount == 1_000_000, "\(1_000_000 - numberCount) number pseudonyms shared")
    }

    /// Two generators drawing for one original each get their own draw of its attempt, however
    /// full the table's cache is: what a mention gets never depends on what the cache still holds.
    @Test func eachGeneratorGetsItsOwnDrawOfAnOriginal() throws {
        let table = PseudonymTable()
        #expect(try table.surrogate(entity: .person, canonical: "李娜", drawer: "characters") { "宁霞-\($0)" } == "宁霞-0")
        #expect(try table.surrogate(entity: .person, canonical: "李娜", drawer: "pinyin") { "Ning Xia-\($0)" } == "Ning Xia-0")
        #expect(try table.surrogate(entity: .person, canonical: "李娜", drawer: "characters") { "宁霞-\($0)" } == "宁霞-0")
    }

    /// A settlement says which draw each original takes; an original it does not list takes its
    /// first, and one whose settled draw is already another's fails rather than share it.
    @Test func aSettlementFixesTheDrawsAndRefusesOneThatDoesNotFit() throws {
        let key = PseudonymKey(secret: Array("settlement test key, long enough".utf8))
        var settlement = Settlement(key: key)
        settlement.set(id: settlement.id(entity: .person, canonical: "b"), attempt: 2)
        let table = PseudonymTable(settlement: settlement)
        #expect(try table.surrogate(entity: .person, canonical: "a", drawer: "test") { "x\($0)" } == "x0")
        #expect(try table.surrogate(entity: .person, canonical: "b", drawer: "test") { "y\($0)" } == "y2")
        #expect(throws: SettlementMismatchError.self) { try table.surrogate(entity: .person, canonical: "c", drawer: "test") { _ in "x0" } }
        #expect(settlement.id(entity: .person, canonical: "b").utf8.count == 32)
        #expect(settlement.id(entity: .person, canonical: "b") != settlement.id(entity: .location, canonical: "b"))
    }
}
