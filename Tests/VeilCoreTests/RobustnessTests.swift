import Testing
import VeilTestSupport

@testable import VeilCore

/// Every plugin of the default policy over random mixtures of Chinese, digits, Latin letters,
/// punctuation and emoji: no crash, every finding on character boundaries inside the text, and the
/// anonymized text changes only where something was found and scans again.
@Suite struct RobustnessTests {
    static let pieces: [String] = [
        "王", "李", "欧阳", "小", "老", "先生", "说", "的", "在", "赣州", "于都", "北京", "市", "县", "省",
        "1", "3", "8", "0", "-", " ", "+86", "QQ", "微信", "vx", "@", ".", "com", "Lu", "Libing", "Mr.", "Smith",
        "，", "。", "、", "：", "\n", "１", "一", "二", "壹", "〇", "X", "x", "😀", "é", "\u{3000}", "·", "京A", "#", "'s"
    ]

    @Test(arguments: [1, 2, 3, 4])
    func randomTextNeverBreaksTheEngine(seed: UInt64) throws {
        var random = SplitMix(seed: seed)
        let engine = try Shipped.engine()
        let anonymizer = Anonymizer(engine: engine)
        for _ in 0..<300 {
            let length = Int(random.next() % 60)
            let text = (0..<length).map { _ in Self.pieces[Int(random.next() % UInt64(Self.pieces.count))] }.joined()
            let scalars = text.unicodeScalars.count
            let findings = try engine.scan(text)
            for finding in findings {
                #expect(finding.start >= 0 && finding.start < finding.end && finding.end <= scalars)
                #expect(String(validating: Array(text.utf8)[finding.utf8Range], as: UTF8.self) != nil, "a finding splits a character")
            }
            let output = try anonymizer.anonymize(text).text
            if findings.isEmpty { #expect(output == text, "nothing found, nothing changed") }
            _ = try engine.scan(output)
        }
    }
}
