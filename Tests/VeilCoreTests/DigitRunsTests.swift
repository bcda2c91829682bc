import PCRE2
import Testing

@testable import VeilCore
@testable import VeilRecognizers

@Suite struct DigitRunsTests {
    @Test func runsJoinDigitsWithShortGapsAndCountThem() {
        let text = "电话138-1234-5678，QQ 12345 快递 订单号20231129 x 7        8"
        let runs = DigitRuns(Array(text.utf8))
        let texts = runs.runs.map { String(decoding: Array(text.utf8)[$0.range], as: UTF8.self) }
        // "，QQ " is 6 bytes: the two numbers are one run; " 快递 订单号" is 17: a new run starts.
        #expect(texts == ["138-1234-5678，QQ 12345", "20231129 x 7", "8"])
        #expect(runs.runs.map(\.digits) == [16, 9, 1])
    }

    @Test func windowsReachBackAndMergeWhereTheyWouldOverlap() {
        let bytes = Array(
            ("a" + String(repeating: " ", count: 100) + "12345" + String(repeating: " ", count: 20) + "67890" + String(repeating: " ", count: 200) + "1").utf8)
        let runs = DigitRuns(bytes)
        let windows = runs.windows(holding: 5)
        // The two five-digit runs are 20 bytes apart: one window from 64 bytes before the first to the second.
        #expect(windows == [SearchWindow(start: 101 - 64, end: 131, subjectEnd: 131 + 64)])
        #expect(runs.windows(holding: 6).isEmpty)
        #expect(runs.windows(holding: 1).count == 2)
    }

    /// The same detections with and without `digits:`, on texts that put numbers at the edges of
    /// their windows: before a 香港 prefix, after an extension, at the start and end of the text; and
    /// patterns with an `anchor:` find what they would find without it.
    @Test(arguments: [
        "13812345678",
        "电话：138 1234 5678转123，座机(0797)8123456分机12",
        "香港電話：　2345 6789，香港的朋友 hk 9123-4567",
        String(repeating: "字", count: 30) + "QQ 123456789" + String(repeating: "字", count: 30) + "+86 13812345678",
        "身份证110105195402094851，卡号6222 0212 3456 7890 123",
        "我住在洪山区锦绣家园二区十二号楼一单元，快递放龙湖春江郦城5-2-1201，户籍地江西省于都县黄陂镇石门村3组",
        "收货地址：河南省 郑州市 金水区农业路与建设路交叉口东方鼎盛时代7号楼\nSHIP TO:\n77 King St W, Suite 400\nToronto, ON M5K 1A2",
        "你记一下啊，幺四一…幺八三四…七七五零；他QQ是九四 零七 二三 三八 五"
    ])
    func windowedMatchingFindsWhatAWholeTextPassFinds(text: String) throws {
        let catalog = try PluginCatalog.standard(environment: [:])
        for id in ["phone-cn", "phone-intl", "qq", "id-cn", "bank-card", "address"] {
            guard let windowed = try catalog[id]?.makeRecognizer() as? PatternRecognizer else { Issue.record("\(id) is not a pattern plugin"); continue }
            #expect(windowed.rules.contains { $0.minimumDigits > 0 || $0.anchor != nil }, "\(id) declares digits or an anchor")
            let whole = PatternRecognizer(
                pluginID: id,
                rules: try windowed.rules.map { rule in
                    try PatternRecognizer.Rule(
                        name: rule.name, pattern: rule.pattern.source, caseless: rule.pattern.options.contains(.caseless), entity: rule.entity,
                        score: rule.score, validator: rule.validator, group: rule.group, needsContext: rule.needsContext,
                        canonicalForm: rule.canonicalForm, backoff: rule.backoff, minimumDigits: 0,
                        unvalidatedScore: rule.unvalidatedScore)
                }, normalization: windowed.normalization, context: windowed.context, negative: windowed.negative)
            let expected = try whole.recognize(DocumentText(text))
            #expect(try windowed.recognize(DocumentText(text)) == expected, "\(id)")
        }
    }
}
