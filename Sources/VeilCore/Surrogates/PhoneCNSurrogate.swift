/// Mainland phone numbers: a mobile becomes a mobile on a real segment (the same one with
/// `keep: [segment]`), a landline keeps its area code and gets a new local number of the same
/// length, a 400/800 number keeps its prefix.
public struct PhoneCNSurrogate: SurrogateGenerator {
    public let id = "phone-cn"
    public let keepableFacets: Set<String> = ["segment"]
    public let examples = ["13812345678", "07978123456", "01065529988", "4008108888"]
    static let segments = ["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155", "156",
                           "157", "158", "159", "166", "176", "177", "180", "181", "182", "183", "185", "186", "187", "188", "189",
                           "191", "198", "199"]
    public init() {}

    public func surrogate(for canonical: String, keeping: Set<String>, random: inout SurrogateRandom) -> String {
        let length = canonical.utf8.count
        if canonical.hasPrefix("1"), length == 11 {
            let segment = keeping.contains("segment") ? String(canonical.prefix(3)) : random.pick(PhoneCNSurrogate.segments)
            return DigitSurrogate.fill(segment, to: 11, random: &random)
        }
        if canonical.hasPrefix("400") || canonical.hasPrefix("800") {
            return DigitSurrogate.fill(String(canonical.prefix(3)), to: length, random: &random)
        }
        if canonical.hasPrefix("0") {
            let areaLength = canonical.hasPrefix("01") || canonical.hasPrefix("02") ? 3 : 4
            let area = String(canonical.prefix(areaLength))
            return DigitSurrogate.fill(area + String(2 + random.next(below: 8)), to: length, random: &random)
        }
        return DigitSurrogate.fill("", to: length, random: &random, firstNonZero: true)
    }
}
