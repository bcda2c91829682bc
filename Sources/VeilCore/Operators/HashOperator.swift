/// `hash`: the first `length` hex digits of HMAC-SHA256 of the canonical value under a key derived
/// for this entity. Stable across files and runs that share a key; not reversible without it.
struct HashOperator: Operator {
    let length: Int

    func replacement(for mention: Mention, in context: OperatorContext) -> String {
        let key = context.surrogates.key.derived(for: "hash:\(mention.detection.entity.rawValue)")
        let code = key.authenticationCode(for: Array(mention.detection.canonical.utf8))
        let hex = code.map { byte in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
        }.joined()
        return String(hex.prefix(length))
    }
}
