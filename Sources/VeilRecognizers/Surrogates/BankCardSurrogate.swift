package import VeilCore
import VeilText

/// Card numbers: the same length, the issuer prefix kept (the first six digits by default, which
/// name a bank, not a person; with `keep: []` only the first four, which name the network — 6011
/// Discover, 3528 JCB, 2221 Mastercard — so the new number is a valid card of the same network),
/// new account digits, and a correct Luhn check digit.
package struct BankCardSurrogate: SurrogateGenerator {
    package let id = "bank-card"
    package let keepableFacets: Set<String> = ["issuer"]
    package let examples = [
        "6222021234567890128", "4111111111111111", "6228480402564890018", "378282246310005", "30569309025904",
        "4222222222222", "2223000048410010", "6011111111111117", "3530111333300000", "675964982648", "2200000000000004"
    ]
    package let validatorID: String? = "bank-card"
    package init() {}

    package func surrogate(for canonical: String, keeping: Set<String>, random: inout SurrogateRandom) -> String {
        let digits = canonical.digitValues
        // At least two account digits drawn, besides the check digit: of a number cut short (read
        // beside a cue) less of the prefix is kept, rather than the number given back.
        let kept = min(keeping.contains("issuer") ? 6 : 4, max(0, digits.count - 3))
        var payload = Array(digits.prefix(kept))
        while payload.count < digits.count - 1 { payload.append(random.digit()) }
        return DigitSurrogate.string(payload + [LuhnValidator.checkDigit(for: payload)])
    }
}
