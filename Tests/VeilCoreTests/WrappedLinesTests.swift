import Synchronization
import Testing
import VeilTestSupport

@testable import VeilCore

/// Values cut by the hard line breaks of text copied out of a PDF or a scan are found whole, and
/// line breaks that part two things are left alone.
@Suite struct WrappedLinesTests {
    static let engine: Engine = { try! Shipped.engine() }()

    private func found(_ text: String) throws -> [(text: String, entity: EntityType)] {
        try Shipped.found(text, engine: Self.engine)
    }

    @Test func aValueCutByAWrapIsFoundWhole() throws {
        let notice = "因你拖欠物业费37102元，请于2024年2月16日前与本院联系。联系人：詹航，联系电话：1471\n9207730。逾期视为放弃。"
        #expect(try found(notice).contains { $0.text == "1471\n9207730" && $0.entity == .phoneNumber })
        let address = "因你拖欠货款，温晓（公民身份号码略），住四川省成都市武侯\n区海秀东路220号椰风水韵10栋2单元2704。"
        #expect(try found(address).contains { $0.text == "四川省成都市武侯\n区海秀东路220号椰风水韵10栋2单元2704" && $0.entity == .address })
        let mail = "Further to our call, please send the signed copy by e-mail to zhaopin88@\nyeah.net or by post."
        #expect(try found(mail).contains { $0.text == "zhaopin88@\nyeah.net" && $0.entity == .emailAddress })
    }

    @Test func breaksThatPartTwoThingsAreNotJoined() {
        // A chat turn's header above the number typed in the turn; English wrapping between words;
        // a break after sentence punctuation; a blank line; a transcript's next turn.
        for text in [
            "顾客 18:22\n7796386911949691\n", "Sheffield S1 2HE\nThe office is at the corner",
            "联系电话：13812345678。\n13912345678", "第一段123\n\n456第二段", "受访者：吴莹\n问：后来呢？", "记者：王芳\n主持人:好的"
        ] {
            #expect(WrappedLines.stretches(of: Array(text.utf8)).isEmpty, "\(text)")
        }
    }

    @Test func aStretchMapsItsFindingsBackAcrossTheBreaks() throws {
        // Lines as a page sets them: each as wide as the next (a Han character two columns, a digit one).
        let text = "因你拖欠物业费，身份证号码3501021985120\r\n68792，住址不详，联系电话1380013\n8000，谢谢合作"
        let stretches = WrappedLines.stretches(of: Array(text.utf8))
        try #require(stretches.count == 1)
        let stretch = stretches[0]
        let joined = String(decoding: stretch.bytes, as: UTF8.self)
        #expect(joined == "因你拖欠物业费，身份证号码350102198512068792，住址不详，联系电话13800138000，谢谢合作")
        // The phone number in the joined text is the phone number, break and all, in the original.
        let phone = Array(joined.utf8).firstRange(of: Array("13800138000".utf8))!
        let original = Array(text.utf8)[stretch.originalRange(phone)]
        #expect(String(decoding: original, as: UTF8.self) == "1380013\n8000")
        #expect(stretch.spansBreak(phone))
    }

    @Test func aJoinedFindingDoesNotCutIntoAValueHeldWholeOnItsLine() throws {
        // 15:14 and the ID below it run together into a number that passes Luhn when joined; the
        // ID, whole on its line, is what is reported.
        let chat = "售后专员 017 15:12\n请提供账户持有人的证件号\n用户名很长的一位顾客 15:14\n53010219751206853X\n售后专员 017 15:43"
        let findings = try found(chat)
        #expect(findings.contains { $0.text == "53010219751206853X" && $0.entity == .residentID })
        #expect(!findings.contains { $0.entity == .bankCard })
    }

    @Test func aScansLookalikeLettersAreReadInsideAGroupedNumber() throws {
        let letter = "My direct line is +86 l47 6617 O6 16 or by e-mail."
        #expect(try found(letter).contains { $0.text == "+86 l47 6617 O6 16" && $0.entity == .phoneNumber })
        let view = DocumentText("ISO 9001 2015 Iowa lO 1234 5678 and 5I0107198I08I1703X").view(.chineseNumerals)
        // Letters read as digits only in runs that hold a digit; an ID's closing X stays an X.
        #expect(String(decoding: view.bytes, as: UTF8.self) == "ISO 9001 2015 Iowa lO 1234 5678 and 51010719810811703X")
    }

    @Test func aValueAtTheStartOfALineTakesItsCueFromTheShortLinesAbove() throws {
        let chat = "客服小美 8:39\n请问绑定的QQ号是多少\n小区业主群搬运工 20:19\n4885296782\n客服小美 8:40\n好的"
        #expect(try found(chat).contains { $0.text == "4885296782" && $0.entity == .qqNumber })
        // A cue three lines up, or above a paragraph of prose, is not this value's.
        let far = "QQ群\n第一行写了一些别的\n第二行写了一些别的\n4885296782\n"
        #expect(try !found(far).contains { $0.entity == .qqNumber })
        let prose = "他说自己的QQ早就不用了。" + String(repeating: "这一段话很长，讲的是别的事情。", count: 4) + "\n4885296782\n"
        #expect(try !found(prose).contains { $0.entity == .qqNumber })
    }

    /// Finds every "AB" (so "A⏎B" only when a stretch is read again without its break) and counts
    /// the texts it reads.
    final class Pairs: LineBreakAwareRecognizer {
        let pluginID = "ab-pairs"
        let crossing: Bool
        let reads = Mutex(0)
        init(crossing: Bool) { self.crossing = crossing }
        func mayRunAcross(_ before: Unicode.Scalar, _ after: Unicode.Scalar) -> Bool { crossing }
        func recognize(_ document: DocumentText) throws -> [Detection] {
            reads.withLock { $0 += 1 }
            let bytes = document.bytes
            return bytes.indices.dropLast().filter { bytes[$0] == UInt8(ascii: "A") && bytes[$0 + 1] == UInt8(ascii: "B") }.map {
                Detection(range: $0..<$0 + 2, entity: "PAIR", score: 1, pluginID: pluginID, rule: "ab", canonical: "AB")
            }
        }
    }

    @Test func aStretchIsReadAgainOnlyForARecognizerThatCanRunAcrossItsBreaks() throws {
        let folder = TemporaryFolder()
        let policy = try PolicyReader.read(path: folder.write("policy.yaml", "version: 1\nplugins: [ab-pairs]\n"), environment: [:])
        // A wrapped line: the break parts "A" and "B" (the line before as wide as the one after).
        let text = "第一行写的是一些别的话A\nB第二行写的是别的"
        try #require(WrappedLines.stretches(of: Array(text.utf8)).count == 1)
        for crossing in [true, false] {
            let pairs = Pairs(crossing: crossing)
            let catalog = try Shipped.catalog.adding(id: "ab-pairs", entities: ["PAIR"]) { pairs }
            let engine = try Engine(policy: policy, catalog: catalog, environment: [:])
            let found = try Shipped.found(text, engine: engine).map(\.text)
            #expect(found == (crossing ? ["A\nB"] : []), "crossing: \(crossing)")
            // The document, and the stretch only where a finding may run across its break.
            #expect(pairs.reads.withLock { $0 } == (crossing ? 2 : 1))
        }
    }
}
