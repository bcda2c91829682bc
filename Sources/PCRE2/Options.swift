internal import CPCRE2

/// Options for compiling a ``Pattern``.
public struct CompileOptions: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Treat pattern and subject as UTF-8 (subjects are validated by the caller, once).
    public static let utf = CompileOptions(rawValue: PCRE2_UTF)
    /// Unicode properties for `\d`, `\w`, `\b` and case folding beyond ASCII.
    public static let ucp = CompileOptions(rawValue: PCRE2_UCP)
    /// Case-insensitive matching.
    public static let caseless = CompileOptions(rawValue: PCRE2_CASELESS)
    /// `^` and `$` match at line breaks.
    public static let multiline = CompileOptions(rawValue: PCRE2_MULTILINE)
    /// `.` matches line breaks too.
    public static let dotAll = CompileOptions(rawValue: PCRE2_DOTALL)
    /// Ignore unescaped white space and `#` comments in the pattern.
    public static let extended = CompileOptions(rawValue: PCRE2_EXTENDED)
    /// A match must begin where the search starts.
    public static let anchored = CompileOptions(rawValue: PCRE2_ANCHORED)
}

/// Limits that stop a pathological pattern instead of letting it hang the run.
public struct MatchLimits: Sendable, Hashable {
    /// Maximum backtracking steps for one match attempt (PCRE2 `match_limit`).
    public var matchLimit: UInt32
    /// Maximum backtracking depth (PCRE2 `depth_limit`; the interpreter only, the JIT uses its stack).
    public var depthLimit: UInt32
    /// Maximum heap, in KiB, for one match (PCRE2 `heap_limit`).
    public var heapLimitKiB: UInt32

    public init(matchLimit: UInt32, depthLimit: UInt32, heapLimitKiB: UInt32) {
        self.matchLimit = matchLimit
        self.depthLimit = depthLimit
        self.heapLimitKiB = heapLimitKiB
    }

    /// A million steps per attempt: far more than any sane pattern needs on one document, and a few
    /// milliseconds of work before a runaway pattern is stopped.
    public static let `default` = MatchLimits(matchLimit: 1_000_000, depthLimit: 10_000, heapLimitKiB: 65_536)
}
