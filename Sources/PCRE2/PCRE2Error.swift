internal import CPCRE2

/// An error from PCRE2: compiling a pattern, or matching one against a subject.
///
/// Messages come from PCRE2 itself (`pcre2_get_error_message`) and never contain the subject text,
/// so they are safe to log.
public struct PCRE2Error: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, in the terms a caller acts on.
    public enum Kind: Sendable, Equatable {
        /// The pattern did not compile; `offset` is a byte offset into the pattern.
        case compile
        /// A match hit the match limit (catastrophic backtracking or a very long subject).
        case matchLimit
        /// A match hit the depth, heap or JIT stack limit.
        case depthLimit
        /// The subject is not valid UTF-8; `offset` is the byte offset of the bad sequence.
        case invalidUTF8
        /// Any other failure PCRE2 reported while matching.
        case match
    }

    public let kind: Kind
    /// PCRE2's own error code (negative for match errors, positive for compile errors).
    public let code: Int32
    /// A byte offset: into the pattern for `.compile`, into the subject otherwise; nil if unknown.
    public let offset: Int?
    /// PCRE2's message for `code`.
    public let message: String

    public var description: String {
        if let offset { return "\(message) (PCRE2 error \(code) at byte \(offset))" }
        return "\(message) (PCRE2 error \(code))"
    }

    init(kind: Kind, code: Int32, offset: Int?) {
        self.kind = kind
        self.code = code
        self.offset = offset
        self.message = PCRE2Error.message(for: code)
    }

    /// Classifies a negative return code from `pcre2_match`.
    static func matchFailure(code: Int32, offset: Int?) -> PCRE2Error {
        let kind: Kind
        switch code {
        case PCRE2_ERROR_MATCHLIMIT: kind = .matchLimit
        case PCRE2_ERROR_DEPTHLIMIT, PCRE2_ERROR_HEAPLIMIT, PCRE2_ERROR_JIT_STACKLIMIT: kind = .depthLimit
        case PCRE2_ERROR_UTF8_ERR21...PCRE2_ERROR_UTF8_ERR1: kind = .invalidUTF8
        default: kind = .match
        }
        return PCRE2Error(kind: kind, code: code, offset: offset)
    }

    static func message(for code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = buffer.withUnsafeMutableBufferPointer {
            pcre2_get_error_message_8(code, $0.baseAddress, $0.count)
        }
        guard length > 0 else { return "unknown PCRE2 error" }
        return String(decoding: buffer[0..<Int(length)], as: UTF8.self)
    }
}
