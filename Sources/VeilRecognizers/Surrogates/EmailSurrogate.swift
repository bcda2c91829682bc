package import VeilCore

/// E-mail addresses: the local part kept in shape (so a QQ-mail address stays digits), the domain
/// kept when it is a large public mail provider (which says nothing about the person) and replaced
/// by one otherwise.
package struct EmailSurrogate: SurrogateGenerator {
    package let id = "email"
    package let examples = ["lily.zhang@163.com", "123456789@qq.com", "j.smith@smithfamily.net"]
    static let publicDomains: Set<String> = [
        "qq.com", "163.com", "126.com", "yeah.net", "sina.com", "sina.cn", "sohu.com", "foxmail.com",
        "139.com", "aliyun.com", "gmail.com", "outlook.com", "hotmail.com", "live.com", "yahoo.com",
        "icloud.com", "proton.me", "protonmail.com"
    ]
    static let replacementDomains = ["163.com", "126.com", "gmail.com", "outlook.com", "qq.com", "sina.com"]
    package init() {}

    package func surrogate(for canonical: String, keeping: Set<String>, random: inout SurrogateRandom) -> String {
        guard let at = canonical.lastIndex(of: "@") else { return ShapeSurrogate.reshape(canonical, keepingPrefix: 0, random: &random) }
        let local = String(canonical[..<at]), domain = String(canonical[canonical.index(after: at)...])
        var newLocal = ShapeSurrogate.reshape(local, keepingPrefix: 0, random: &random)
        if domain == "qq.com", newLocal.hasPrefix("0") { newLocal = "1" + newLocal.dropFirst() }
        let newDomain = EmailSurrogate.publicDomains.contains(domain) ? domain : random.pick(EmailSurrogate.replacementDomains)
        return newLocal + "@" + newDomain
    }

    package func render(_ surrogate: String, canonical: String, mention: String) -> String { surrogate }

    /// A QQ mail address's local part is its QQ number (digits at qq.com, vip.qq.com or
    /// foxmail.com): it takes that number's pseudonym.
    package func embeddedValue(in canonical: String) -> EmbeddedValue? {
        guard let at = canonical.lastIndex(of: "@") else { return nil }
        let local = canonical[..<at], domain = String(canonical[canonical.index(after: at)...])
        guard ["qq.com", "vip.qq.com", "foxmail.com"].contains(domain), (5...11).contains(local.count),
            local.first != "0", local.allSatisfy({ $0.isASCII && $0.isNumber })
        else { return nil }
        return EmbeddedValue(value: String(local), entity: .qqNumber, generatorID: QQSurrogate().id, suffix: "@" + domain)
    }
}
