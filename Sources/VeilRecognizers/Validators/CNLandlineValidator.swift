package import VeilCore
import VeilText

/// A mainland China landline: a real area-code shape (010, 02x, 0[3-9]xx) and a local number of
/// 8 digits after a three-digit code or 7–8 after a four-digit one, not starting with 0 or 1.
/// An extension (转123, -123, ext 123) is allowed and not part of the canonical value.
package struct CNLandlineValidator: Validator {
    package let id = "cn-landline"
    package let summary = "Mainland landline with area code; canonical form is area code + local number"
    package let examples = ValidatorExamples(
        valid: ["0797-8123456", "(010)65529988", "010-65529988转123", "021 6123 4567", "+86 10 6552 9988"],
        invalid: ["0797-0123456", "010-6552998", "001-65529988", "2023-11-29"])

    package init() {}

    static let extensionMarkers = ["转", "ext", "EXT", "x", "分机"].map { Array($0.utf8) }

    package func validate(_ candidate: String) -> Validation? {
        validate(utf8: ArraySlice(candidate.utf8))
    }

    package func validate(utf8 candidate: ArraySlice<UInt8>) -> Validation? {
        // Drop an extension, then a country code.
        let bytes = Array(candidate)
        var cut = bytes.count
        for marker in Self.extensionMarkers {
            guard marker.count <= cut else { continue }
            if let start = (0...(cut - marker.count)).first(where: { bytes[$0..<$0 + marker.count].elementsEqual(marker) }) { cut = start }
        }
        var digits = bytes[..<cut].asciiDigits
        let trimmed = bytes[..<cut].drop { $0 == 0x20 }
        if trimmed.begins(with: "+86") || trimmed.begins(with: "0086") {
            digits = [0x30] + digits.dropFirst(trimmed.begins(with: "+") ? 2 : 4)
        } else if trimmed.begins(with: "+") {
            return nil
        }
        let value = digits.map { Int($0) - 0x30 }
        guard value.count >= 10, value.count <= 12, value[0] == 0 else { return nil }
        let areaLength: Int
        switch value[1] {
        case 1: guard value[2] == 0 else { return nil }; areaLength = 3
        case 2: areaLength = 3
        case 3...9: areaLength = 4
        default: return nil
        }
        let localLength = value.count - areaLength
        let allowed = areaLength == 3 ? 8...8 : 7...8
        guard allowed.contains(localLength), value[areaLength] >= 2 else { return nil }
        return Validation(canonical: String(decoding: digits, as: UTF8.self))
    }
}
