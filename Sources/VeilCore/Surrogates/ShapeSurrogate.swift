/// Any identifier, kept in shape: each upper-case letter becomes an upper-case letter, lower-case a
/// lower-case one, each digit a digit, each Chinese character a common one; everything else (the
/// `@` of a handle, `_`, `-`, `.`) stays. For WeChat IDs, handles, passport numbers.
public struct ShapeSurrogate: SurrogateGenerator {
    public let id = "shape"
    public let examples = ["lily_zhang88", "@小鹿乱撞2019", "E12345678", "wxid_abc123xyz"]
    public init() {}

    /// Characters common in screen names and given names, for handles written in Chinese.
    static let han = Array("安白宝北晨春丹东方飞峰芳刚海涵浩禾红华欢佳建杰金静菊俊凯兰蕾丽莲林玲龙露美敏明娜宁鹏萍琪晴秋蓉瑞珊书淑思涛婷伟文霞翔小晓欣新秀雪雅燕阳一英勇雨玉月云泽真志中舟竹子")
    static let lower = Array("abcdefghijkmnpqrstuvwxyz")
    static let upper = Array("ABCDEFGHJKLMNPQRSTUVWXYZ")

    public func surrogate(for canonical: String, keeping: Set<String>, random: inout SurrogateRandom) -> String {
        ShapeSurrogate.reshape(canonical, keepingPrefix: 0, random: &random)
    }

    /// `text` with every letter, digit and Chinese character after the first `keepingPrefix`
    /// characters replaced by a random one of the same kind.
    static func reshape(_ text: String, keepingPrefix: Int, random: inout SurrogateRandom) -> String {
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
            default: result.append(character)
            }
        }
        return result
    }
}
