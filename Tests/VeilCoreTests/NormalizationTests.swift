import Testing

@testable import VeilCore

@Suite struct NormalizationTests {
    @Test func fullwidthDigitsMapBackToTheOriginal() {
        let document = DocumentText("电话：１３８ＡＢ")
        let view = document.view(.fullwidth)
        #expect(String(decoding: view.bytes, as: UTF8.self) == "电话:138AB")
        // "138" in the view is bytes 7..<10; in the original it is 9..<18 (three 3-byte characters).
        #expect(view.originalRange(7..<10) == 9..<18)
    }

    @Test func chineseNumeralsOnlyWhenAsked() {
        let document = DocumentText("QQ壹贰叁四五〇幺")
        #expect(String(decoding: document.view(.fullwidth).bytes, as: UTF8.self) == "QQ壹贰叁四五〇幺")
        #expect(String(decoding: document.view([.fullwidth, .chineseNumerals]).bytes, as: UTF8.self) == "QQ1234501")
    }

    @Test func digitsWrittenToSlipPastFiltersAreDigits() {
        // Circled, keycap (with and without the variation selector), Latin-1 and other
        // superscripts, double-struck, look-alike letters inside a number; each maps back whole.
        let text = "电①③⑨，1️⃣3⃣，¹²³⁴，𝟙𝟛，l38OO138OOO，Iowa 2OO8"
        let document = DocumentText(text)
        let view = document.view([.fullwidth, .chineseNumerals])
        #expect(String(decoding: view.bytes, as: UTF8.self) == "电139,13,1234,13,13800138000,Iowa 2OO8")
        let original = Array(text.utf8)
        func originalText(ofView part: String) -> String {
            let start = view.bytes.indices.first { view.bytes[$0...].starts(with: Array(part.utf8)) }!
            return String(decoding: original[view.originalRange(start..<start + part.utf8.count)], as: UTF8.self)
        }
        #expect(originalText(ofView: "139") == "①③⑨")
        #expect(originalText(ofView: "13,1234") == "1️⃣3⃣，¹²³⁴")
        #expect(originalText(ofView: "13,138") == "𝟙𝟛，l38")
    }

    @Test func aKeycapIsReadWhereverItsDigitFallsInTheText() {
        // Views pass ASCII eight bytes at a time: the digit of a keycap may be any of the eight.
        for padding in 0..<17 {
            let text = String(repeating: "a", count: padding) + " 5️⃣ 7⃣"
            let view = DocumentText(text).view(.chineseNumerals)
            #expect(String(decoding: view.bytes, as: UTF8.self) == String(repeating: "a", count: padding) + " 5 7", "after \(padding) bytes")
        }
    }

    @Test func digitsOfEveryScriptAreDigits() {
        // Bengali, Arabic-Indic, Persian, Devanagari and Thai digits, each mapped back whole.
        let text = "ফোন +৮৮০ ১৭১১, هاتف ٠٥٠١٢٣, تلفن ۰۹۱۲, फ़ोन ०९८, โทร ๐๘๑"
        let view = DocumentText(text).view(.fullwidth)
        #expect(String(decoding: view.bytes, as: UTF8.self) == "ফোন +880 1711, هاتف 050123, تلفن 0912, फ़ोन 098, โทร 081")
        let original = Array(text.utf8)
        let start = view.bytes.indices.first { view.bytes[$0...].starts(with: Array("050123".utf8)) }!
        #expect(String(decoding: original[view.originalRange(start..<start + 6)], as: UTF8.self) == "٠٥٠١٢٣")
        // Letters and marks of those scripts stay as they are; only full-width asks for the digits.
        #expect(String(decoding: DocumentText(text).view(.chineseNumerals).bytes, as: UTF8.self) == text)
    }

    @Test func scriptDigitsAreUnicodesDecimalDigits() {
        // The list of zeros against the properties the toolchain's Unicode tables give.
        for value in UInt32(0x80)..<0xFF00 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let decimal = scalar.properties.numericType == .decimal ? scalar.properties.numericValue.map { UInt8($0) } : nil
            #expect(ScriptDigit.digit(of: value) == decimal, "U+\(String(value, radix: 16, uppercase: true))")
        }
    }

    @Test func ideographicSpaceBecomesASpace() {
        #expect(String(decoding: DocumentText("a\u{3000}b").view(.fullwidth).bytes, as: UTF8.self) == "a b")
    }

    @Test func untouchedTextSharesTheOriginal() {
        let document = DocumentText("plain ascii 123")
        let view = document.view([.fullwidth, .chineseNumerals])
        #expect(view.bytes == document.bytes)
        #expect(view.originalRange(3..<7) == 3..<7)
    }

    @Test func codePointOffsetsAndLines() {
        var positions = TextPositions(Array("ab\n中文x".utf8))
        let x = positions.position(ofByte: 9)
        #expect(x.scalar == 5 && x.line == 2 && x.column == 3)
    }

    /// A surrogate written over a number in Chinese numerals keeps the mention's register: a plain
    /// number with 零 in it gets no financial digit (一八七九…六壹二 was written), and 零 stays 零.
    @Test func surrogatesKeepTheRegisterOfChineseNumerals() {
        let plain = MentionLayout.render("13839434132", canonical: "18794586602", mention: "一八七九四五八六六零二")
        #expect(plain == "一三八三九四三四一三二")
        let withZero = MentionLayout.render("13800434100", canonical: "18794586602", mention: "一八七九四五八六六零二")
        #expect(withZero == "一三八零零四三四一零零")
        let financial = MentionLayout.render("6996950241", canonical: "1234567890", mention: "壹贰叁肆伍陆柒捌玖零")
        #expect(financial == "陆玖玖陆玖伍零贰肆壹")
        let mixed = MentionLayout.render("138", canonical: "120", mention: "壹二〇")
        #expect(mixed == "一三八", "a mention that mixes registers is written plain")
    }

    /// A number in Bengali or Arabic-Indic digits gets a surrogate in the same digits and grouping.
    @Test func surrogatesKeepAnotherScriptsDigits() {
        #expect(MentionLayout.render("+8801890033265", canonical: "+8801711567890", mention: "+৮৮০ ১৭১১ ৫৬৭৮৯০") == "+৮৮০ ১৮৯০ ০৩৩২৬৫")
        #expect(MentionLayout.render("0501038757", canonical: "0501234567", mention: "٠٥٠-١٢٣-٤٥٦٧") == "٠٥٠-١٠٣-٨٧٥٧")
    }
}
