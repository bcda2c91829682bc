import Foundation
package import VeilCore
import VeilText

/// An international number written with a + (or 00) and a calling code: the national significant
/// number after it must have one of the lengths that code's plan allows (libphonenumber's metadata,
/// ``NumberingPlan``). When the calling code is set apart by a space, dash or bracket, the writer's
/// intent is plain enough that a national number one digit shorter than the plan allows is still a
/// telephone number (a digit dropped, or an outdated plan: +54 9 3988 3234; one digit longer is more
/// often a number run into the next); a group set apart that is no calling code is read as one
/// that begins it (+665 847 3818: +66 and a Thai number). A calling code in brackets without the +
/// ((351) 961 453 458) takes a national number valid in that plan, pattern and all. A trunk 0
/// written in brackets (+44 (0)20 …) and an extension (x411, ext. 12) are not part of the number.
/// Canonical: + and the digits.
package struct E164Validator: Validator {
    package let id = "e164"
    package let summary = "International number: + a calling code and a national number of a length its plan allows"
    package let examples = ValidatorExamples(
        valid: [
            "+44 20 7946 0018", "+1 (212) 555-0123", "+852 5123 4567", "0044 7911 123456", "+886912345678", "+61 458 486 153",
            "+43 (0) 5509 53252920", "+1-541-510-4576x06831", "001-325-629-6696x351", "+90(809)090-5629x288", "+882 1234 5678", "(+57) 323 862 10 86",
            "+(370) 83862108", "+54 9 3988 3234", "+665 847 3818", "(351) 961453458", "(44) 20 7946 0018"
        ],
        invalid: [
            "+0 123 456 789", "+44 123", "+2 1234 5678", "+99 1234 5678", "+44 20 7946 001888", "+4420794600188", "+61 497 419 957 2018",
            "+33 6 12 34 56 78 9", "+389(0)326991023", "(212) 5550123", "(351) 061453458", "(99) 1234 5678"
        ])
    package init() {}

    package func validate(_ candidate: String) -> Validation? {
        var text = Substring(PhoneNumberText.withoutExtension(candidate))
        if text.hasPrefix("("), text.dropFirst().first?.isNumber == true { return validateBracketedCode(text.dropFirst()) }
        // (+57) 323 …, +(370) 838 …: the calling code in brackets.
        if text.hasPrefix("(") { text = text.dropFirst() }
        if text.hasPrefix("+") { text = text.dropFirst() } else if text.hasPrefix("00") { text = text.dropFirst(2) } else { return nil }
        if text.hasPrefix("(") { text = text.dropFirst() }
        let written = String(text).replacingOccurrences(of: "(0)", with: "")
        let digits = written.digitsOnly
        guard (7...17).contains(digits.utf8.count) else { return nil }
        let leading = written.prefix { $0.isASCII && $0.isNumber }
        let plan: NumberingPlan
        let setApart = leading.count < digits.utf8.count && leading.count <= 3
        if setApart, let found = Int(leading).flatMap({ NumberingPlan.byCode[$0] }) {
            // The writer set the calling code apart.
            guard !leading.hasPrefix("0") else { return nil }
            plan = found
        } else {
            guard let found = (1...3).lazy.compactMap({ Int(digits.prefix($0)).flatMap { NumberingPlan.byCode[$0] } }).first,
                !digits.hasPrefix("0")
            else { return nil }
            plan = found
        }
        let national = digits.utf8.count - String(plan.code).utf8.count
        guard
            plan.lengths.contains(national)
                || (setApart && String(plan.code) == leading && digits.utf8.count <= 15 && plan.lengths.contains(national + 1))
        else { return nil }
        return Validation(canonical: "+" + digits)
    }

    /// (351) 961 453 458: a calling code in brackets, the + left out, then a valid national number.
    private func validateBracketedCode(_ text: Substring) -> Validation? {
        let code = text.prefix { $0.isASCII && $0.isNumber }
        guard (1...3).contains(code.count), !code.hasPrefix("0"), text.dropFirst(code.count).first == ")",
            let plan = Int(code).flatMap({ NumberingPlan.byCode[$0] })
        else { return nil }
        let national = Array(String(text.dropFirst(code.count + 1)).digitsOnly.utf8)
        guard plan.isValidNational(national[...]) else { return nil }
        return Validation(canonical: "+" + code + String(decoding: national, as: UTF8.self))
    }
}

/// How phone validators read a written number.
enum PhoneNumberText {
    /// The runs of ASCII digits in `bytes`: each one's value (capped) and length.
    static func digitGroups(_ bytes: ArraySlice<UInt8>) -> [(value: Int, length: Int)] {
        var groups: [(value: Int, length: Int)] = []
        var value = 0, length = 0
        for byte in bytes {
            if byte >= 0x30 && byte <= 0x39 {
                value = min(value * 10 + Int(byte - 0x30), 1_000_000)
                length += 1
            } else if length > 0 {
                groups.append((value, length))
                value = 0
                length = 0
            }
        }
        if length > 0 { groups.append((value, length)) }
        return groups
    }

    /// Where the extension begins (x411, ext. 12, #12), or the end.
    static func extensionStart(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8>.Index {
        bytes.firstIndex { $0 == 0x78 || $0 == 0x58 || $0 == 0x65 || $0 == 0x45 || $0 == 0x23 } ?? bytes.endIndex
    }

    /// The number before its extension: x411, ext. 12, ext 12, #12.
    static func withoutExtension(_ text: String) -> String {
        let bytes = ArraySlice(text.utf8)
        var cut = extensionStart(bytes)
        while cut > bytes.startIndex, bytes[cut - 1] == 0x20 { cut -= 1 }
        return String(decoding: bytes[..<cut], as: UTF8.self)
    }
}
