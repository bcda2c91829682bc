package import VeilCore
import VeilText

/// International numbers: keeps the + and the first four digits (country code and the start of
/// the national number, which says mobile or landline), and draws the rest — at least two digits:
/// of a number cut short (`+43 7`, read beside a cue) it keeps less, rather than give it back.
package struct PhoneIntlSurrogate: SurrogateGenerator {
    package let id = "phone-intl"
    package let examples = ["+442079460018", "+12125550123", "+85251234567"]
    package let validatorID: String? = "e164"
    package init() {}

    package func surrogate(for canonical: String, keeping: Set<String>, random: inout SurrogateRandom) -> String {
        let digits = canonical.digitsOnly
        let kept = String(digits.prefix(min(4, max(0, digits.utf8.count - 2))))
        return (canonical.hasPrefix("+") ? "+" : "") + DigitSurrogate.fill(kept, to: digits.utf8.count, random: &random)
    }
}
