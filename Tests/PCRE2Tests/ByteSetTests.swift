import Testing
import VeilTestSupport

@testable import PCRE2

/// A text that lacks a byte every match needs is never searched; one that holds them is.
@Suite struct ByteSetTests {
    private func held(_ text: String) -> ByteSet {
        Array(text.utf8).withUnsafeBufferPointer { ByteSet(of: $0) }
    }

    @Test func aSetHoldsExactlyTheTextsBytes() {
        let set = held("aZ\u{0}é")
        for byte in 0...255 {
            #expect(set.contains(UInt8(byte)) == [0x61, 0x5A, 0x00, 0xC3, 0xA9].contains(byte), "\(byte)")
        }
        #expect(held("").isEmpty && !held("x").isEmpty)
        #expect(held("abc").intersects(held("c")) && !held("abc").intersects(held("xyz")))
    }

    @Test func aTextWithoutAFirstOrARequiredByteCannotMatch() throws {
        let email = try Pattern("[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}", options: [.utf, .ucp, .caseless])
        #expect(email.canMatch(inTextHolding: held("写信给 someone@example.com")))
        #expect(!email.canMatch(inTextHolding: held("还行吧，下次再来")), "no first byte")
        #expect(!email.canMatch(inTextHolding: held("someone at example dot com")), "no @")
        // A caseless fixed first letter is found in either case.
        let iban = try Pattern("GB\\d{2}[A-Z]{4}", options: [.utf, .ucp, .caseless])
        #expect(iban.canMatch(inTextHolding: held("gb29nwbk")) && !iban.canMatch(inTextHolding: held("FR76 3000")))
        // A Chinese first character: its lead byte.
        let wechat = try Pattern("微信[:：]?\\s*[A-Za-z][-_A-Za-z0-9]{5,19}")
        #expect(wechat.canMatch(inTextHolding: held("微信 abc123")) && !wechat.canMatch(inTextHolding: held("WeChat abc123")))
        // Nothing to go by: every text may match.
        #expect(try Pattern("(?:^|x)y?").canMatch(inTextHolding: held("")))
    }

    /// Over random texts of the bytes these patterns are about, no text the filter turns away holds a match.
    @Test(arguments: [
        "[a-z]+@[a-z]+", "(?i)ab+c", "abc|x?y", "[^a]z", "\\bqq\\s*\\d{5,}", "(?<=电话)\\d+", "[微薇]信|加V", "é+", "(?i)straße", "x*"
    ])
    func theFilterNeverTurnsAwayAText(source: String) throws {
        let pattern = try Pattern(source, options: [.utf, .ucp])
        let alphabet = Array("abcxyzqABCXYZ@é 1234567890电话微薇信加VßS\n")
        var generator = SplitMix(seed: UInt64(source.utf8.count))
        var refused = 0
        for _ in 0..<2_000 {
            let text = String((0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            let bytes = Array(text.utf8)
            let matched = try bytes.withUnsafeBufferPointer { !(try pattern.matchRanges(in: $0)).isEmpty }
            if !pattern.canMatch(inTextHolding: held(text)) {
                refused += 1
                #expect(!matched, "'\(text)' matches \(source)")
            }
        }
        // A pattern that matches the empty text, or begins with a Unicode digit class, gives PCRE2 nothing to go by.
        #expect(refused > 0 || ["x*", "(?<=电话)\\d+"].contains(source), "the filter refuses something")
    }
}
