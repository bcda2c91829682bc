/// `mask`: every letter, digit and Chinese character becomes the mask character, except the first
/// `keepFirst` and last `keepLast` of them; separators (spaces, dashes, dots, @) stay, so
/// `138-1234-5678` with `keep_last: 4` becomes `***-****-5678`.
struct MaskOperator: Operator {
    let character: Character
    let keepFirst: Int
    let keepLast: Int

    func replacement(for mention: Mention, in context: OperatorContext) -> String {
        let characters = Array(mention.text)
        let maskable = characters.map { $0.isLetter || $0.isNumber }
        let total = maskable.filter { $0 }.count
        var seen = 0
        var result = ""
        for (character, canMask) in zip(characters, maskable) {
            guard canMask else { result.append(character); continue }
            seen += 1
            let kept = seen <= keepFirst || seen > total - keepLast
            result.append(kept ? character : self.character)
        }
        return result
    }
}
