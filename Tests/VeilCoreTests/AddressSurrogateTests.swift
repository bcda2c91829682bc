import Foundation
import Testing

@testable import VeilCore
@testable import VeilRecognizers

/// `pseudonymize` on a street address: the same shape in the same area, nothing below the city kept.
@Suite struct AddressSurrogateTests {
    private func surrogate(_ address: String, key: PseudonymKey = Shipped.key) -> String {
        var random = SurrogateRandom(key: key.derived(for: "pseudonym:ADDRESS"), value: address)
        return AddressSurrogate().surrogate(for: address, keeping: [], random: &random)
    }

    /// The characters of `text` with every ASCII digit written as 9: the shape of its numbers.
    private func digitShape(_ text: String) -> String {
        String(text.map { $0.isASCII && $0.isNumber ? "9" : $0 })
    }

    @Test func chineseStreetKeepsCityMarkersAndDigitCounts() {
        let original = "武汉市江汉区花园路224号14栋1514室"
        let result = surrogate(original)
        #expect(result.hasPrefix("武汉市"), "the prefecture-level city stays: \(result)")
        for part in ["江汉", "花园", "224", "1514"] { #expect(!result.contains(part), "\(part) is gone from \(result)") }
        #expect(result.range(of: #"^武汉市\p{Han}{2}区\p{Han}{2}路[0-9]{3}号[0-9]{2}栋[0-9]{4}室$"#, options: .regularExpression) != nil, "\(result)")
    }

    @Test func villagesCrossingsAndEstatesKeepTheirKinds() {
        let village = surrogate("江西省于都县黄陂镇石门村3组")
        #expect(village.hasPrefix("江西省") && village.hasSuffix("组"))
        #expect(!village.contains("于都") && !village.contains("黄陂") && !village.contains("石门"), "\(village)")
        #expect(village.range(of: #"^江西省\p{Han}+县\p{Han}+镇\p{Han}+村[0-9]组$"#, options: .regularExpression) != nil, "\(village)")

        let crossing = surrogate("郑州市金水路与花园路交叉口翠苑小区3-2-501")
        #expect(crossing.range(of: #"^郑州市\p{Han}+路与\p{Han}+路交叉口\p{Han}+小区[0-9]-[0-9]-[0-9]{3}$"#, options: .regularExpression) != nil, "\(crossing)")
        #expect(!crossing.contains("金水") && !crossing.contains("翠苑小区"), "\(crossing)")

        let estate = surrogate("恒大名都二期3栋2单元1502")
        #expect(digitShape(estate).hasSuffix("二期9栋9单元9999"), "\(estate)")
        #expect(!estate.contains("恒大"))
    }

    @Test func englishAddressesKeepCityStateAndZIPArea() {
        let result = surrogate("1234 Maple Street, Apt 5B, Springfield, IL 62704")
        #expect(!result.contains("Maple") && !result.contains("1234"), "\(result)")
        #expect(result.range(of: #"^[1-9][0-9]{3} [A-Z][a-z]+ Street, Apt [0-9]B, Springfield, IL 627[0-9]{2}$"#, options: .regularExpression) != nil, "\(result)")

        let british = surrogate("221B Baker Street, London NW1 6XE")
        #expect(british.range(of: #"^[1-9][0-9]{2}B [A-Z][a-z]+ Street, London NW1 [0-9][A-Z]{2}$"#, options: .regularExpression) != nil, "\(british)")
        #expect(!british.contains("Baker") && !british.contains("6XE"))

        let twoWords = surrogate("88 Maple Leaf Lane")
        #expect(twoWords.range(of: #"^[1-9][0-9] [A-Z][a-z]+ Lane$"#, options: .regularExpression) != nil, "a two-word name becomes one: \(twoWords)")
    }

    @Test func pseudonymizeRewritesEveryMentionOfAnAddressTheSameWay() throws {
        let policy = Policy(name: "t", path: "t.yaml", plugins: ["address", "location-cn"], rules: [.address: EntityRule(action: .pseudonymize(keep: []))])
        let anonymizer = try Anonymizer(engine: Shipped.engine(policy: policy))
        let text = "地址：武汉市江汉区花园路224号14栋1514室。再说一遍，地址：武汉市江汉区花园路224号14栋1514室。"
        let result = try anonymizer.anonymize(text).text
        let parts = result.components(separatedBy: "。")
        #expect(!result.contains("花园路224号"), "\(result)")
        #expect(parts[0].dropFirst(3) == parts[1].dropFirst(8), "one address, one pseudonym: \(result)")
        #expect(parts[0].hasPrefix("地址：武汉市"))
    }
}
