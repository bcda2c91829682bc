package import VeilCore

/// An e-mail address written to dodge scrapers — `name(at)gmail.com`, `name [at] 163 [dot] com`,
/// `name艾特163.com`, `name#qq.com`, spaces around `@` — read back as the address it stands for.
/// Canonical: `local@domain`, lower-cased, so every way of writing one address links.
package struct ObfuscatedEmailValidator: Validator {
    package let id = "email-obfuscated"
    package let summary = "An obfuscated e-mail address (at/dot spelled out, # or 艾特 for @); canonical form is local@domain"
    package let examples = ValidatorExamples(
        valid: [
            "lily(at)gmail.com", "wang.fang [at] 163 [dot] com", "candy267艾特aliyun.com", "lingang948#yeah.net", "xiuying.zhu @ yahoo.com",
            "zhou AT pku DOT edu DOT cn", "song dot xia at 163.com", "zhang点xiaomei 艾特 outlook点com"
        ],
        invalid: ["lily at home", "#hashtag", "at gmail dot"])

    /// Spellings of `@` and `.`, longest first, matched case-insensitively after spaces are dropped.
    static let atSpellings = ["(at)", "[at]", "{at}", "<at>", "(@)", "[@]", "(a)", "圈a", "艾特", "@", "#", "at"]
    static let dotSpellings = ["(dot)", "[dot]", "{dot}", "<dot>", "(.)", "[.]", "点", "dot", "."]

    package init() {}

    package func validate(_ candidate: String) -> Validation? {
        // Words keep their spaces until `at`/`dot` are found: "li at gmail dot com".
        let lowered = candidate.lowercased()
        let words = lowered.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }).map(String.init)
        var local = "", domain = "", seenAt = false
        for word in words {
            var rest = Substring(word)
            while !rest.isEmpty {
                if !seenAt, let spelling = Self.atSpellings.first(where: { rest.hasPrefix($0) && ($0 != "at" || rest == "at") }) {
                    guard !local.isEmpty else { return nil }
                    seenAt = true
                    rest = rest.dropFirst(spelling.count)
                } else if !seenAt, !local.isEmpty, rest == "dot" || rest.hasPrefix("点") {
                    // "song dot xia at 163.com": a dot spelled out inside the local part.
                    local += "."
                    rest = rest.dropFirst(rest == "dot" ? 3 : 1)
                } else if seenAt, let spelling = Self.dotSpellings.first(where: { rest.hasPrefix($0) && ($0 != "dot" || rest == "dot") }) {
                    domain += "."
                    rest = rest.dropFirst(spelling.count)
                } else {
                    let character = rest.removeFirst()
                    guard character.isASCII else { return nil }
                    if seenAt { domain.append(character) } else { local.append(character) }
                }
            }
        }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard seenAt, !local.isEmpty, labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }),
            let top = labels.last, top.count >= 2, top.allSatisfy({ $0.isLetter })
        else { return nil }
        return Validation(canonical: local + "@" + domain)
    }
}
