import VeilText

/// How a matched value is reduced to the form that links mentions of the same thing, when no
/// validator supplies one.
package enum CanonicalForm: String, Sendable, Hashable, CaseIterable {
    /// The matched text as normalized (full-width folded).
    case exact
    /// Lower-cased (e-mail addresses, handles, URLs).
    case lowercase
    /// Digits only (numbers written with spaces, dashes or dots).
    case digits
    /// Letters and digits only, upper-cased (IDs written with separators).
    case alphanumeric
    /// Upper-cased with spaces, dashes and dots removed (plates written 京A·12345 or 京A-12345).
    case compact

    package func apply(_ text: String) -> String {
        switch self {
        case .exact: return text
        case .lowercase: return text.lowercased()
        case .digits: return text.digitsOnly
        case .compact:
            return String(text.uppercased().filter { !" -·•・.\u{3000}".contains($0) })
        case .alphanumeric where text.utf8.allSatisfy({ $0 < 0x80 }):
            return String(
                decoding: text.utf8.compactMap { byte -> UInt8? in
                    let upper = byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte
                    return (upper >= 0x30 && upper <= 0x39) || (upper >= 0x41 && upper <= 0x5A) ? upper : nil
                }, as: UTF8.self)
        case .alphanumeric:
            return String(
                text.uppercased().unicodeScalars.filter {
                    ($0.value >= 0x30 && $0.value <= 0x39) || ($0.value >= 0x41 && $0.value <= 0x5A)
                }.map(Character.init))
        }
    }
}
