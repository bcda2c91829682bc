/// Rewrites a plugin may ask for in the text it matches against. The rewritten view keeps a map
/// back to the original, so findings always point at the original text.
package struct Normalization: OptionSet, Hashable, Sendable {
    package let rawValue: UInt8
    package init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Full-width ASCII (`１３８`, `ＱＱ`, `：`) to ASCII, the ideographic space to a space, and the
    /// decimal digits of every other script (Arabic-Indic ٠١٢, Persian ۰۱۲, Bengali ০১২, Devanagari
    /// ०१२, Thai ๐๑๒ …) to ASCII digits: a number is a number in whichever digits it is written.
    package static let fullwidth = Normalization(rawValue: 1)
    /// Chinese numerals (〇一二三四五六七八九零, and 幺 洞 两 as numbers are read aloud, financial
    /// 壹贰叁肆伍陆柒捌玖) and other ways of writing a digit (circled ①, keycap 1️⃣, superscript ¹,
    /// 𝟙, and O or l for 0 or 1 inside a number) to ASCII digits, so numbers written to dodge
    /// filters are matched like digits.
    package static let chineseNumerals = Normalization(rawValue: 2)

    /// The manifest spelling of each option.
    package static let names: [String: Normalization] = ["fullwidth": .fullwidth, "chinese-numerals": .chineseNumerals]
}

extension Normalization {
    /// `text` as these options rewrite it: how a plugin's context words must be written to be found
    /// in its view (记一下 is 记1下 once Chinese numerals are digits).
    package func apply(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let byte = replacement(for: scalar.value) { result.append(Unicode.Scalar(byte)) } else { result.append(scalar) }
        }
        return String(result)
    }

    /// For every scalar below U+10000, the ASCII byte it becomes under these options (0: kept):
    /// views are built with one load per character instead of a test of each option.
    var replacementTable: [UInt8] {
        switch rawValue {
        case Self.fullwidth.rawValue: return Self.fullwidthTable
        case Self.chineseNumerals.rawValue: return Self.numeralsTable
        default: return Self.fullwidthAndNumeralsTable
        }
    }

    /// For every pair of a three-byte sequence's first two bytes (lead << 8 | second), whether a
    /// character so beginning is rewritten under these options: one bit tested before the
    /// character is decoded (a Chinese text's characters are almost all kept).
    var leadingPairs: [UInt64] {
        switch rawValue {
        case Self.fullwidth.rawValue: return Self.fullwidthPairs
        case Self.chineseNumerals.rawValue: return Self.numeralsPairs
        default: return Self.fullwidthAndNumeralsPairs
        }
    }

    private static let fullwidthPairs = pairs(of: fullwidthTable)
    private static let numeralsPairs = pairs(of: numeralsTable)
    private static let fullwidthAndNumeralsPairs = pairs(of: fullwidthAndNumeralsTable)

    private static func pairs(of table: [UInt8]) -> [UInt64] {
        var bits = [UInt64](repeating: 0, count: 1024)
        for scalar in 0x800..<0x10000 where table[scalar] != 0 {
            let pair = (0xE0 | scalar >> 12) << 8 | (0x80 | (scalar >> 6) & 0x3F)
            bits[pair >> 6] |= 1 << UInt64(pair & 63)
        }
        return bits
    }

    private static let fullwidthTable = Normalization.fullwidth.makeTable()
    private static let numeralsTable = Normalization.chineseNumerals.makeTable()
    private static let fullwidthAndNumeralsTable = Normalization([.fullwidth, .chineseNumerals]).makeTable()

    private func makeTable() -> [UInt8] {
        var table = (0..<0x10000).map { replacement(for: UInt32($0), scriptDigits: false) ?? 0 }
        if contains(.fullwidth) {
            for zero in ScriptDigit.zeros {
                for digit in 0..<10 { table[Int(zero) + digit] = 0x30 + UInt8(digit) }
            }
        }
        return table
    }

    /// The ASCII byte `scalar` becomes under these options, or nil if it is kept as it is.
    @inline(__always)
    func replacement(for scalar: UInt32, scriptDigits: Bool = true) -> UInt8? {
        if contains(.fullwidth) {
            if scalar >= 0xFF01 && scalar <= 0xFF5E { return UInt8(scalar - 0xFF01 + 0x21) }
            if scalar == 0x3000 { return 0x20 }
            if scriptDigits, let digit = ScriptDigit.digit(of: scalar) { return 0x30 + digit }
        }
        if contains(.chineseNumerals), let digit = ChineseNumeral.digit(of: scalar) ?? DigitForm.digit(of: scalar) {
            return 0x30 + digit
        }
        return nil
    }
}

/// The decimal digits of scripts other than Latin below U+10000 (Unicode's Nd category: Arabic-Indic,
/// Extended Arabic-Indic, N'Ko, Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu,
/// Kannada, Malayalam, Sinhala, Thai, Lao, Tibetan, Myanmar, Khmer, Mongolian …).
package enum ScriptDigit {
    /// The zero of each script's ten digits, in order (Unicode 15's Nd characters below U+FF10, each
    /// run of ten from its zero: checked against Python's unicodedata when the list was written).
    static let zeros: [UInt32] = [
        0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66, 0x0DE6,
        0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0,
        0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0
    ]

    /// The digit `scalar` writes, or nil (ASCII and full-width digits are not script digits).
    package static func digit(of scalar: UInt32) -> UInt8? {
        guard scalar >= 0x660 && scalar < 0xAC00 else { return nil }
        for zero in zeros where scalar >= zero && scalar < zero + 10 { return UInt8(scalar - zero) }
        return nil
    }
}

/// Characters below U+10000 that write a digit to slip past filters for ASCII digits: circled
/// (①, ⓪, ➀, ❶, ⓵), parenthesized (⑴), with a full stop (⒈), superscript and subscript (⁴, ₄).
/// The views also read ¹ ² ³, the mathematical digits (𝟘) and keycaps (1️⃣), which take other
/// byte lengths (see `TextView`).
package enum DigitForm {
    /// The digit `scalar` writes, or nil.
    package static func digit(of scalar: UInt32) -> UInt8? {
        guard scalar >= 0x2070 && scalar <= 0x2792 else { return nil }
        switch scalar {
        case 0x2460...0x2468: return UInt8(scalar - 0x2460 + 1) // ①–⑨
        case 0x24EA, 0x24FF: return 0 // ⓪ ⓿
        case 0x2474...0x247C: return UInt8(scalar - 0x2474 + 1) // ⑴–⑼
        case 0x2488...0x2490: return UInt8(scalar - 0x2488 + 1) // ⒈–⒐
        case 0x24F5...0x24FD: return UInt8(scalar - 0x24F5 + 1) // ⓵–⓽
        case 0x2776...0x277E: return UInt8(scalar - 0x2776 + 1) // ❶–❾
        case 0x2780...0x2788: return UInt8(scalar - 0x2780 + 1) // ➀–➈
        case 0x278A...0x2792: return UInt8(scalar - 0x278A + 1) // ➊–➒
        case 0x2070, 0x2074...0x2079: return scalar == 0x2070 ? 0 : UInt8(scalar - 0x2070) // ⁰ ⁴–⁹
        case 0x2080...0x2089: return UInt8(scalar - 0x2080) // ₀–₉
        default: return nil
        }
    }
}

/// The Chinese characters that stand for single digits.
package enum ChineseNumeral {
    /// The digit `scalar` stands for, or nil.
    package static func digit(of scalar: UInt32) -> UInt8? {
        switch scalar {
        case 0x3007, 0x96F6, 0x6D1E: return 0 // 〇 零, 洞 (read aloud: 幺三九洞洞…)
        case 0x4E00, 0x58F9, 0x5E7A: return 1 // 一 壹 幺
        case 0x4E8C, 0x8D30, 0x8CB3, 0x4E24: return 2 // 二 贰 貳, 两 (read aloud)
        case 0x4E09, 0x53C1, 0x53C3: return 3 // 三 叁 參
        case 0x56DB, 0x8086: return 4 // 四 肆
        case 0x4E94, 0x4F0D: return 5 // 五 伍
        case 0x516D, 0x9646, 0x9678: return 6 // 六 陆 陸
        case 0x4E03, 0x67D2: return 7 // 七 柒
        case 0x516B, 0x634C: return 8 // 八 捌
        case 0x4E5D, 0x7396: return 9 // 九 玖
        default: return nil
        }
    }

    /// The plain (一二三) and financial (壹贰叁) forms of each digit, for writing digits back in the
    /// style the original used.
    package static let plain: [Character] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
    package static let financial: [Character] = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"]
    static let financialScalars: Set<UInt32> = [0x96F6, 0x58F9, 0x8D30, 0x8CB3, 0x53C1, 0x53C3, 0x8086, 0x4F0D, 0x9646, 0x9678, 0x67D2, 0x634C, 0x7396]
}
