import Foundation
import Testing

@testable import VeilCore

/// The policies in Policies/ load, compile and do what their comments say.
@Suite struct ShippedPoliciesTests {
    static let sample = "我是王建国，住在江西省赣州市于都县，电话13812345678，QQ 402513324，身份证110105195402094851。"
    static let environment = ["VEIL_KEY": "a key for the shipped policies' tests"]

    static func anonymize(_ name: String) throws -> String {
        let policy = try PolicyReader.builtin(name, environment: environment)
        let engine = try Engine(policy: policy, catalog: Shipped.catalog, environment: environment)
        #expect(!engine.key.isEphemeral, "\(name) reads its key from VEIL_KEY")
        return try Anonymizer(engine: engine).anonymize(sample).text
    }

    @Test func everyShippedPolicyLoadsAndCompiles() throws {
        let folder = try BuiltinResources.policiesDirectory(environment: [:]).path
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }
        #expect(Set(names).isSuperset(of: ["default", "strict", "research-release", "journalist-source", "forum-zh", "contacts-only"]))
        for name in names {
            let policy = try PolicyReader.builtin(name, environment: Self.environment)
            _ = try Engine(policy: policy, catalog: Shipped.catalog, environment: Self.environment)
        }
    }

    @Test func researchReleaseKeepsProvincesAndRemovesIDs() throws {
        let text = try Self.anonymize("research-release")
        #expect(text.contains("住在江西省，") && text.contains("身份证[ID]"))
        #expect(!text.contains("王建国") && !text.contains("13812345678") && !text.contains("402513324"))
    }

    @Test func forumZhKeepsPrefectures() throws {
        let text = try Self.anonymize("forum-zh")
        #expect(text.contains("住在赣州市，") && !text.contains("于都"))
        #expect(!text.contains("402513324") && !text.contains("13812345678"))
    }

    @Test func journalistSourceCatchesMoreAndKeepsNoPlaceBelowAProvince() throws {
        let policy = try PolicyReader.builtin("journalist-source", environment: Self.environment)
        #expect(policy.threshold < 0.5 && (policy.rules[.person]?.threshold ?? 1) < policy.threshold)
        let text = try Self.anonymize("journalist-source")
        #expect(text.contains("住在江西省，") && !text.contains("王建国") && text.contains("身份证[ID]"))
        // Ages out, dates to the month.
        let engine = try Engine(policy: policy, catalog: Shipped.catalog, environment: Self.environment)
        let dated = try Anonymizer(engine: engine).anonymize("她今年67岁，2023年11月2日在赣州市见了记者。Zhou, 67, met us on November 2, 2023.").text
        #expect(dated.contains("今年[AGE]，2023年11月在江西省") && dated.contains(", [AGE], met us on November 2023."))
    }

    /// Employers and schools identify a source: journalist-source replaces them, the default
    /// policy leaves them (organizations are opt-in there) — and the default finds none of them.
    @Test func organizationsAreReplacedOnlyWhereThePolicyAsks() throws {
        let text = "她在华为技术有限公司上班，儿子在长沙市实验中学读书，丈夫在湘雅医院工作。"
        let journalist = try Engine(
            policy: try PolicyReader.builtin("journalist-source", environment: Self.environment),
            catalog: Shipped.catalog, environment: Self.environment)
        let replaced = try Anonymizer(engine: journalist).anonymize(text).text
        #expect(replaced == "她在[ORGANIZATION]上班，儿子在[ORGANIZATION]读书，丈夫在[ORGANIZATION]工作。")
        let standard = try Engine(policy: try PolicyReader.builtin(environment: Self.environment), catalog: Shipped.catalog, environment: Self.environment)
        #expect(try standard.scan(text).allSatisfy { $0.entity != .organization })
        #expect(try Anonymizer(engine: standard).anonymize(text).text.contains("华为技术有限公司"))
    }

    @Test(
        arguments: [
            ("2023年11月2日", "2023年11月", "2023年"), ("2023-11-02", "2023-11", "2023"), ("2023/1/5", "2023/1", "2023"),
            ("November 2, 2023", "November 2023", "2023"), ("2 March 1990", "March 1990", "1990"), ("11月2号", "11月", nil)
        ] as [(String, String, String?)])
    func datesAreCutToTheMonthOrYearInTheirLayout(date: String, month: String, year: String?) {
        #expect(DateGeneralizeOperator.generalized(date, to: .month) == month)
        #expect(DateGeneralizeOperator.generalized(date, to: .year) == year)
    }

    @Test func contactsOnlyLeavesNamesAndPlaces() throws {
        let text = try Self.anonymize("contacts-only")
        #expect(text.contains("王建国") && text.contains("江西省赣州市于都县") && text.contains("110105195402094851"))
        #expect(!text.contains("13812345678") && !text.contains("402513324"))
    }
}
