internal import CPCRE2

/// The block PCRE2 writes a match's offsets into, made once and reused by many matches of any
/// pattern with fewer capture groups than it has pairs (a match call that makes its own allocates
/// and frees one: a record of a dataset is matched by a hundred patterns).
///
/// Not for two threads at once: one block serves one caller at a time. This class is the only
/// owner of the C pointer and frees it in `deinit`.
public final class MatchData {
    let pointer: OpaquePointer
    /// How many offset pairs it holds: group 0 and `pairs - 1` capture groups.
    public let pairs: Int

    public init(pairs: Int = 32) throws(PCRE2Error) {
        guard let pointer = pcre2_match_data_create_8(UInt32(max(1, pairs)), nil) else {
            throw PCRE2Error(kind: .match, code: PCRE2_ERROR_NOMEMORY, offset: nil)
        }
        self.pointer = pointer
        self.pairs = max(1, pairs)
    }

    /// Whether it can hold a match of `pattern` (its groups and group 0).
    func fits(_ pattern: Pattern) -> Bool { pattern.captureCount < pairs }

    deinit { pcre2_match_data_free_8(pointer) }
}

@available(*, unavailable)
extension MatchData: Sendable {}
