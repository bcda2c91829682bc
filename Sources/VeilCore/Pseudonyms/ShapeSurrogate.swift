/// Any identifier, kept in shape: each upper-case letter becomes an upper-case letter, lower-case a
/// lower-case one, each digit a digit, each Chinese character a common one — in the letter's own
/// script (Cyrillic, Greek, Hangul, kana, Arabic, full-width Latin), or a Latin letter for any other
/// script: never the letter itself. Everything else (the `@` of a handle, `_`, `-`, `.`) stays. For
/// WeChat IDs, handles, passport numbers.
package struct ShapeSurrogate: SurrogateGenerator {
    package let id = "shape"
    package let examples = ["lily_zhang88", "@小鹿乱撞2019", "E12345678", "wxid_abc123xyz"]
    package init() {}

    /// Characters common in screen names and given names, for handles written in Chinese.
    static let han = Array("安白宝北晨春丹东方飞峰芳刚海涵浩禾红华欢佳建杰金静菊俊凯兰蕾丽莲林玲龙露美敏明娜宁鹏萍琪晴秋蓉瑞珊书淑思涛婷伟文霞翔小晓欣新秀雪雅燕阳一英勇雨玉月云泽真志中舟竹子")
    static let lower = Array("abcdefghijkmnpqrstuvwxyz")
    static let upper = Array("ABCDEFGHJKLMNPQRSTUVWXYZ")

    package func surrogate(for canonical: String, keeping: Set<String>, random: inout SurrogateRandom) -> String {
        let shaped = ShapeSurrogate.reshape(canonical, keepingPrefix: 0, random: &random)
        guard shaped == canonical, !canonical.isEmpty else { return shaped }
        // Nothing in it has a shape to keep (@__, ·-·): letters of its length, after a leading @ or #.
        let sign = canonical.first == "@" || canonical.first == "#" ? String(canonical.first!) : ""
        return sign + String((0..<max(1, canonical.count - sign.count)).map { _ in random.pick(ShapeSurrogate.lower) })
    }

    /// The letters a character of another script is drawn from: its own case of its own script.
    static func sameScript(_ value: UInt32) -> ClosedRange<UInt32>? {
        switch value {
        case 0xFF10...0xFF19: return 0xFF10...0xFF19 // full-width digits
        case 0xFF21...0xFF3A: return 0xFF21...0xFF3A // full-width capitals
        case 0xFF41...0xFF5A: return 0xFF41...0xFF5A // full-width small letters
        case 0x0410...0x042F: return 0x0410...0x042F // Cyrillic capitals
        case 0x0430...0x044F: return 0x0430...0x044F // Cyrillic small letters
        case 0x0391...0x03A1: return 0x0391...0x03A1 // Greek capitals (before the gap at U+03A2)
        case 0x03A3...0x03A9: return 0x03A3...0x03A9
        case 0x03B1...0x03C9: return 0x03B1...0x03C9 // Greek small letters
        case 0xAC00...0xD7A3: return 0xAC00...0xD7A3 // Hangul syllables
        case 0x3041...0x3096: return 0x3041...0x3096 // hiragana
        case 0x30A1...0x30FA: return 0x30A1...0x30FA // katakana
        case 0x0621...0x063A: return 0x0621...0x063A // Arabic letters
        case 0x0641...0x064A: return 0x0641...0x064A
        case 0x0660...0x0669: return 0x0660...0x0669 // Arabic-Indic digits
        default: return nil
        }
    }

    /// `text` with every letter, digit and Chinese character after the first `keepingPrefix`
    /// characters replaced by a random one of the same kind.
    package static func reshape(_ text: String, keepingPrefix: Int, random: inout SurrogateRandom) -> String {
        var result = ""
        for (index, character) in text.enumerated() {
            guard index >= keepingPrefix, let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else {
                result.append(character)
                continue
            }
            switch scalar.value {
            case 0x30...0x39: result.append(Character(String(random.digit())))
            case 0x41...0x5A: result.append(random.pick(upper))
            case 0x61...0x7A: result.append(random.pick(lower))
            case 0x4E00...0x9FFF: result.append(random.pick(han))
            default:
                if let range = sameScript(scalar.value) {
                    result.append(Character(Unicode.Scalar(range.lowerBound + UInt32(random.next(below: Int(range.upperBound - range.lowerBound) + 1)))!))
                } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    result.append(scalar.properties.isUppercase ? random.pick(upper) : random.pick(lower))
                } else {
                    result.append(character)
                }
            }
        }
        return result
    }
}
