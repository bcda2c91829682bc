package import VeilCore

/// Places below county level named with their kind (罗坳镇, 上溪村, 百丈东路, Luokou Town): another
/// name of the same kind and length — a village stays a village (石门村 → 青禾村), a road a road
/// with its direction (百丈东路 → 白林东路), in the original's script.
package struct LocalPlaceSurrogate: SurrogateGenerator {
    package let id = "local-place"
    package let examples = ["石门村", "罗坳镇", "百丈东路", "奥林匹克公园", "Luokou Town", "Shangxi Village"]
    package init() {}

    /// Kinds written after the name, longest first.
    static let kinds = ["街道", "社区", "大道", "大街", "公园", "广场", "村", "镇", "乡", "路", "街"]
    static let directions: Set<Character> = ["东", "西", "南", "北", "中"]
    /// Characters common in place names.
    static let han = Array("安白宝碧柏长城川大丹东凤福高古广海禾和河红虹湖花华黄佳金锦景久坑兰乐李莲林龙罗马梅明南平坪青清泉仁三沙山上石水塘桃田溪霞下仙新兴阳杨洋永玉园源云枣张竹庄")
    static let syllables = [
        "An", "Bai", "Chang", "Dong", "Feng", "Gao", "He", "Hong", "Hua", "Jin", "Lan", "Li", "Lin", "Long", "Ma",
        "Nan", "Ping", "Qing", "Shan", "Shi", "Tang", "Xi", "Xin", "Yang", "Yong", "Yu", "Yuan", "Zhu"
    ]

    package func surrogate(for canonical: String, keeping: Set<String>, random: inout SurrogateRandom) -> String {
        if canonical.unicodeScalars.allSatisfy(\.isASCII) {
            // "Luokou Town": each word of the name syllables of its length, the kind word kept.
            var words = canonical.split(separator: " ").map(String.init)
            let kind = words.count > 1 ? words.removeLast() : nil
            let name = words.map { word in
                var letters = ""
                while letters.count < word.count { letters += (letters.isEmpty ? random.pick(Self.syllables) : random.pick(Self.syllables).lowercased()) }
                return String(letters.prefix(word.count))
            }
            return (name + (kind.map { [$0] } ?? [])).joined(separator: " ")
        }
        var name = Array(canonical)
        var kind = ""
        if let suffix = Self.kinds.first(where: { canonical.hasSuffix($0) && canonical.count > $0.count }) {
            kind = suffix
            name.removeLast(suffix.count)
            // 百丈东路: the direction belongs with the kind.
            if name.count > 1, let last = name.last, Self.directions.contains(last), suffix == "路" || suffix == "街" || suffix == "大道" || suffix == "大街" {
                kind = String(last) + kind
                name.removeLast()
            }
        }
        return String(name.map { _ in random.pick(Self.han) }) + kind
    }

    package func render(_ surrogate: String, canonical: String, mention: String) -> String { surrogate }
}
