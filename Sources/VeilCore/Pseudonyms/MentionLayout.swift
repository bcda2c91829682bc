/// Writes a surrogate in the layout of the mention it replaces.
///
/// The mention's characters that carry the value (digits in any script, letters, Chinese characters)
/// are lined up with the canonical value; those positions receive the surrogate's characters, in the
/// original's style (full-width, 一二三 or 壹贰叁 digits, another script's digits, letter case), and every separator, bracket
/// and country code stays where it was.
package enum MentionLayout {
    /// How a value character is written: `script` holds the zero of another script's digits (০, ٠, ०).
    private enum Style: Equatable {
        case ascii, fullwidth, chinesePlain, chineseFinancial, other
        case script(zero: UInt32)
    }

    private struct Unit {
        let index: Int // index into the mention's scalars
        let value: Character // the unit as canonical text (ASCII digit, upper-cased letter, or itself)
        let style: Style
        let lowercase: Bool
    }

    package static func render(_ surrogate: String, canonical: String, mention: String) -> String {
        if mention == canonical { return surrogate }
        if mention.lowercased() == canonical.lowercased() { return surrogate }
        var scalars = Array(mention.unicodeScalars)
        let (units, zero) = inOneRegister(valueUnits(scalars), scalars)
        let canonicalChars = Array(canonical.uppercased())
        let surrogateChars = Array(surrogate)
        guard canonicalChars.count == surrogateChars.count, !canonicalChars.isEmpty else { return surrogate }
        let values = units.map { Character($0.value.uppercased()) }

        // Where the canonical value sits among the mention's value characters: as a whole, or (for
        // "+86 10 …" against "010…") as a suffix.
        var offset: Int?, skip = 0
        if values.count >= canonicalChars.count {
            for start in 0...(values.count - canonicalChars.count) where Array(values[start..<start + canonicalChars.count]) == canonicalChars {
                offset = start
                break
            }
        }
        if offset == nil {
            // At most a few leading characters may be missing (the 0 of an area code after +86); a
            // shorter match would rewrite only the tail of the value and leave the rest in clear.
            for drop in 1..<min(canonicalChars.count, 4) {
                let suffix = Array(canonicalChars[drop...])
                if values.count >= suffix.count, Array(values.suffix(suffix.count)) == suffix {
                    offset = values.count - suffix.count
                    skip = drop
                    break
                }
            }
        }
        guard let offset else { return surrogate }
        for (position, character) in surrogateChars.dropFirst(skip).enumerated() {
            let unit = units[offset + position]
            scalars[unit.index] = styled(character, as: unit.style, lowercase: unit.lowercase, zero: zero) ?? scalars[unit.index]
        }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }

    private static func valueUnits(_ scalars: [Unicode.Scalar]) -> [Unit] {
        var units: [Unit] = []
        for (index, scalar) in scalars.enumerated() {
            let value = scalar.value
            switch value {
            case 0x30...0x39: units.append(Unit(index: index, value: Character(scalar), style: .ascii, lowercase: false))
            case 0x41...0x5A: units.append(Unit(index: index, value: Character(scalar), style: .ascii, lowercase: false))
            case 0x61...0x7A: units.append(Unit(index: index, value: Character(Unicode.Scalar(value - 32)!), style: .ascii, lowercase: true))
            case 0xFF10...0xFF19, 0xFF21...0xFF3A:
                units.append(Unit(index: index, value: Character(Unicode.Scalar(value - 0xFEE0)!), style: .fullwidth, lowercase: false))
            case 0xFF41...0xFF5A:
                units.append(Unit(index: index, value: Character(Unicode.Scalar(value - 0xFEE0 - 32)!), style: .fullwidth, lowercase: true))
            default:
                if let digit = ScriptDigit.digit(of: value) {
                    units.append(Unit(index: index, value: Character(String(digit)), style: .script(zero: value - UInt32(digit)), lowercase: false))
                } else if let digit = ChineseNumeral.digit(of: value) {
                    let style: Style = ChineseNumeral.financialScalars.contains(value) ? .chineseFinancial : .chinesePlain
                    units.append(Unit(index: index, value: Character(String(digit)), style: style, lowercase: false))
                } else if scalar.properties.isAlphabetic {
                    units.append(Unit(index: index, value: Character(scalar), style: .other, lowercase: false))
                }
            }
        }
        return units
    }

    /// A number written in Chinese numerals is written in one register: plain (一八七九), or
    /// financial (壹捌柒玖) when every digit that tells them apart is financial. 零 is written in
    /// both, so it decides nothing, and a zero stays 零 where the mention writes it so.
    private static func inOneRegister(_ units: [Unit], _ scalars: [Unicode.Scalar]) -> (units: [Unit], zero: Unicode.Scalar?) {
        let chinese = units.filter { $0.style == .chinesePlain || $0.style == .chineseFinancial }
        guard !chinese.isEmpty else { return (units, nil) }
        let zeroScalar: UInt32 = 0x96F6 // 零
        let telling = chinese.filter { scalars[$0.index].value != zeroScalar }
        let financial = !telling.isEmpty && telling.allSatisfy { $0.style == .chineseFinancial }
        let register: Style = financial ? .chineseFinancial : .chinesePlain
        let zero = chinese.contains { scalars[$0.index].value == zeroScalar } ? Unicode.Scalar(zeroScalar) : nil
        let unified = units.map { unit in
            unit.style == .chinesePlain || unit.style == .chineseFinancial
                ? Unit(index: unit.index, value: unit.value, style: register, lowercase: false) : unit
        }
        return (unified, zero)
    }

    private static func styled(_ character: Character, as style: Style, lowercase: Bool, zero: Unicode.Scalar? = nil) -> Unicode.Scalar? {
        guard let scalar = character.unicodeScalars.first else { return nil }
        let isDigit = scalar.value >= 0x30 && scalar.value <= 0x39
        let isUpper = scalar.value >= 0x41 && scalar.value <= 0x5A
        switch style {
        case .ascii, .other:
            if lowercase && isUpper { return Unicode.Scalar(scalar.value + 32) }
            return scalar
        case .fullwidth:
            if isDigit || isUpper { return Unicode.Scalar(scalar.value + 0xFEE0 + (lowercase && isUpper ? 32 : 0)) }
            return scalar
        case .script(let scriptZero):
            return isDigit ? Unicode.Scalar(scriptZero + scalar.value - 0x30) : scalar
        case .chinesePlain, .chineseFinancial:
            guard isDigit else { return scalar }
            let digit = Int(scalar.value - 0x30)
            if digit == 0, let zero { return zero }
            let table = style == .chinesePlain ? ChineseNumeral.plain : ChineseNumeral.financial
            return table[digit].unicodeScalars.first
        }
    }
}
