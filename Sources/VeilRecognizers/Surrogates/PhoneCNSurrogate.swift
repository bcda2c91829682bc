import Foundation
package import VeilCore

/// Mainland phone numbers: a mobile becomes a mobile on a real segment (the same one with
/// `keep: [segment]`), a landline gets a new local number of the same length under an area code
/// that says no more than the policy lets places say (``AreaRule``), a 400/800 number keeps its
/// prefix.
package struct PhoneCNSurrogate: SurrogateGenerator {
    package let id = "phone-cn"
    package let keepableFacets: Set<String> = ["segment", "area"]
    /// The area codes and the places they serve (`area-codes.tsv` of the phone-cn plugin).
    var areas: AreaCodes?
    /// What a landline's area code may keep of the place it names.
    var areaRule: AreaRule = .keep
    package let examples = ["13812345678", "07978123456", "01065529988", "4008108888"]
    static let segments = [
        "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155", "156",
        "157", "158", "159", "166", "176", "177", "180", "181", "182", "183", "185", "186", "187", "188", "189",
        "191", "198", "199"
    ]
    package init() {}

    init(areas: AreaCodes?, rule: AreaRule) {
        self.areas = areas
        self.areaRule = rule
    }

    /// The generator for one policy: its plugin's area codes (`area-codes.tsv`, if the plugin has
    /// one), saying no more of a landline's place than the policy lets places say.
    @Sendable static func make(_ input: SurrogateFactoryInput) throws(ConfigurationError) -> any SurrogateGenerator {
        let table = (input.manifest.directory as NSString).appendingPathComponent("area-codes.tsv")
        let areas = FileManager.default.fileExists(atPath: table) ? try AreaCodes(contentsOf: table) : nil
        return PhoneCNSurrogate(areas: areas, rule: AreaRule(placeAction: input.placeAction))
    }

    package func surrogate(for canonical: String, keeping: Set<String>, random: inout SurrogateRandom) -> String {
        let length = canonical.utf8.count
        if canonical.hasPrefix("1"), length == 11 {
            let segment = keeping.contains("segment") ? String(canonical.prefix(3)) : random.pick(PhoneCNSurrogate.segments)
            return DigitSurrogate.fill(segment, to: 11, random: &random)
        }
        if canonical.hasPrefix("400") || canonical.hasPrefix("800") {
            // The prefix, and at least two digits drawn (of a number cut short, less of the prefix).
            return DigitSurrogate.fill(String(canonical.prefix(min(3, max(0, length - 2)))), to: length, random: &random)
        }
        if canonical.hasPrefix("0") {
            let areaLength = canonical.hasPrefix("01") || canonical.hasPrefix("02") ? 3 : 4
            let area = keeping.contains("area") ? String(canonical.prefix(areaLength)) : newArea(for: String(canonical.prefix(areaLength)), random: &random)
            return DigitSurrogate.fill(area + String(2 + random.next(below: 8)), to: length, random: &random)
        }
        return DigitSurrogate.fill("", to: length, random: &random, firstNonZero: true)
    }

    /// The area code a landline under `area` is given: the same, one of its province, or any of
    /// the same length, as ``areaRule`` says.
    func newArea(for area: String, random: inout SurrogateRandom) -> String {
        guard let areas, areaRule != .keep else { return area }
        let pool: [String]
        switch areaRule {
        case .keep: return area
        case .withinProvince:
            // An area code no table lists names nothing the province rule could keep: any code.
            pool = areas.province(of: area).map { areas.codes(in: $0) } ?? areas.all
        case .any:
            pool = areas.all
        }
        let sameLength = pool.filter { $0.count == area.count }
        return sameLength.isEmpty ? area : random.pick(sameLength)
    }
}

/// How much a landline's area code (0739 is Shaoyang) may say, following the policy's rule for
/// places: all of it where places are kept, or generalized to a prefecture or finer; the
/// province where places are generalized to provinces; nothing (any code) otherwise.
package enum AreaRule: Sendable, Hashable {
    case keep, withinProvince, any

    /// The rule for a policy whose places (LOCATION) get `action`; nil: no plugin finds places,
    /// so they are left as written.
    package init(placeAction action: Action?) {
        switch action {
        case nil, .keep?: self = .keep
        case .generalize(let level)?: self = level >= .prefecture ? .keep : level == .province ? .withinProvince : .any
        default: self = .any
        }
    }
}

/// Mainland area codes and the province each serves (`area-codes.tsv`: code, province id,
/// prefecture id; see scripts/build_area_codes.py).
struct AreaCodes: Sendable {
    private let provinceByCode: [String: String]
    private let codesByProvince: [String: [String]]
    let all: [String]

    init(rows: [(code: String, province: String)]) {
        provinceByCode = Dictionary(rows.map { ($0.code, $0.province) }, uniquingKeysWith: { first, _ in first })
        codesByProvince = Dictionary(grouping: rows, by: \.province).mapValues { $0.map(\.code).sorted() }
        all = rows.map(\.code).sorted()
    }

    func province(of code: String) -> String? { provinceByCode[code] }
    func codes(in province: String) -> [String] { codesByProvince[province] ?? [] }

    /// Reads the table; errors name the file and line.
    init(contentsOf path: String) throws(ConfigurationError) {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(Diagnostic(file: path, message: "cannot read the area code table as UTF-8 text"))
        }
        var rows: [(code: String, province: String)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty && !line.hasPrefix("#") {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count >= 2, columns[0].hasPrefix("0"), columns[0].allSatisfy(\.isNumber), !columns[1].isEmpty else {
                throw ConfigurationError(Diagnostic(file: path, line: index + 1, message: "expected: area code (0…), province id, prefecture id (tab-separated)"))
            }
            rows.append((String(columns[0]), String(columns[1])))
        }
        self.init(rows: rows)
    }
}
