import VeilCore
import VeilText

/// Organizations, which identify a source as surely as a name: an employer, a school, a hospital.
/// Reported when the manifest asks (`organizations: "yes"`); the default policy's threshold for
/// ORGANIZATION is above any score, so only a policy that sets one (journalist-source) acts on them.
extension ChineseNameRecognizer {
    /// Names that end in a kind of organization (华为技术有限公司, 赣州市第三中学, 中国人民银行),
    /// back to where a clause or a verb before them ends, and those the tagger labels where it is
    /// fairly sure.
    func organizations(_ text: Text, tagging: Tagging?) -> [Detection] {
        var found: [Detection] = []
        var index = 0
        while index < text.scalars.count {
            defer { index += 1 }
            guard Self.organizationSuffixStarts.contains(text.scalars[index]),
                let suffix = Self.organizationSuffixes.first(where: { text.matches($0, at: index) })
            else { continue }
            // 大学生, 公司法: the suffix begins a longer common word.
            if text.wordStarting[index] > suffix.count { continue }
            var start = index
            while start > 0, index - start < 12, text.isHan(start - 1), !Self.organizationBoundaries.contains(text.scalars[start - 1]) { start -= 1 }
            guard index - start >= 2 else { continue }
            let end = index + suffix.count
            found.append(
                Detection(
                    range: text.offsets[start]..<text.offsets[end], entity: .organization, score: 0.6,
                    pluginID: pluginID, rule: "organization", canonical: text.string(start..<end), facts: MentionFacts()))
            index = end - 1
        }
        if let tagging { found += taggedOrganizations(text, tagging: tagging) }
        return found
    }

    /// The organizations the tagger labels (国务院, 北京大学), of three characters or more.
    func taggedOrganizations(_ text: Text, tagging: Tagging) -> [Detection] {
        spans(tagging.labels, begin: .beginOrganization, inside: .insideOrganization).compactMap { range in
            guard range.count >= 3, text.isHan(range.lowerBound), tagging.confidence(of: range) >= 0.5 else { return nil }
            return Detection(
                range: text.offsets[range.lowerBound]..<text.offsets[range.upperBound], entity: .organization, score: 0.55,
                pluginID: pluginID, rule: "tagger", canonical: text.string(range), facts: MentionFacts())
        }
    }

    /// Longest first, so 有限公司 is tried before 公司.
    static let organizationSuffixes: [[Unicode.Scalar]] = [
        "股份有限公司", "有限责任公司", "有限公司", "公司", "集团", "中学", "小学", "大学", "学院", "学校", "幼儿园", "医院", "卫生院", "诊所",
        "银行", "研究所", "研究院", "事务所", "委员会", "协会", "基金会", "工厂", "派出所", "法院", "检察院", "公安局", "福利院", "孤儿院"
    ].map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
    static let organizationSuffixStarts = ScalarSet(organizationSuffixes.map { $0[0] })
    /// Where the name before a suffix stops: words a clause or a verb ends with.
    static let organizationBoundaries = ScalarSet(
        [
            "在", "到", "去", "于", "是", "的", "和", "与", "了", "从", "向", "给", "让", "把", "被",
            "对", "我", "你", "他", "她", "们", "这", "那", "家", "个", "所", "进", "入", "读",
            "上", "找", "跟", "同", "及", "或", "说", "称", "由", "经", "至", "自"
        ] as [Unicode.Scalar])
}
