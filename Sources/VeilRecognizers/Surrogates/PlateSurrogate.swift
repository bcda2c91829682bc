package import VeilCore

/// Licence plates: the province character stays, the rest is redrawn in shape (letters without I and
/// O, digits as digits, the D/F of a new-energy plate kept).
package struct PlateSurrogate: SurrogateGenerator {
    package let id = "plate-cn"
    package let keepableFacets: Set<String> = ["city"]
    package let examples = ["京A12345", "粤BD12345", "沪A8B9C7"]
    static let letters = Array("ABCDEFGHJKLMNPQRSTUVWXYZ")
    package init() {}

    package func surrogate(for canonical: String, keeping: Set<String>, random: inout SurrogateRandom) -> String {
        let characters = Array(canonical)
        let isNewEnergy = characters.count == 8
        var result = ""
        for (index, character) in characters.enumerated() {
            if index == 0 || (index == 1 && keeping.contains("city")) { result.append(character); continue }
            if isNewEnergy && (character == "D" || character == "F") && (index == 2 || index == 7) { result.append(character); continue }
            if character.isNumber {
                result.append(Character(String(random.digit())))
            } else if character.isLetter {
                result.append(random.pick(PlateSurrogate.letters))
            } else {
                result.append(character)
            }
        }
        return result
    }
}
