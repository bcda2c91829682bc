internal import CPCRE2
import Synchronization

/// A PCRE2 pattern compiled once (with the JIT where the platform has it) and matched many times.
///
/// A `Pattern` is immutable after `init` and safe to share between threads: PCRE2 compiled code and
/// match contexts are read-only during matching, and every match call allocates its own match data.
/// This class is the only owner of the C pointers and frees them in `deinit`.
public final class Pattern: @unchecked Sendable {
    /// The pattern as written.
    public let source: String
    /// The options it was compiled with.
    public let options: CompileOptions
    /// The limits every match runs under.
    public let limits: MatchLimits
    /// Whether the JIT compiled this pattern (false on platforms without JIT support, and for a
    /// pattern ``forMatching(limits:)`` made until its first match is tried).
    public var isJITCompiled: Bool { machineCode.load(ordering: .acquiring) == MachineCode.made }
    /// The number of capture groups, not counting group 0.
    public let captureCount: Int
    /// The bytes a match can begin with, and the byte every match holds, where PCRE2 knows them
    /// (nil: any). A text that holds none of the first or not the required one has no match.
    private let firstBytes: ByteSet?
    private let requiredBytes: ByteSet?
    /// The bytes a match can begin with, when PCRE2 made a bitmap of them (it makes none for a
    /// pattern with one fixed first byte, which it searches for fast itself).
    let firstByteBitmap: ByteSet?

    fileprivate let code: OpaquePointer
    fileprivate let matchContext: OpaquePointer

    /// When machine code is made: never, at once, or the first time a match is tried (a pattern a
    /// run never needs costs none; most of a short run's patterns are never tried).
    enum JIT { case never, now, onFirstMatch }

    /// Where the machine code stands (``MachineCode``); moved on only under `making`.
    private let machineCode: Atomic<UInt8>
    private let making = Mutex<Void>(())
    private let jitOptions: UInt32

    /// The values of `machineCode`.
    private enum MachineCode {
        static let none: UInt8 = 0, wanted: UInt8 = 1, made: UInt8 = 2
    }

    /// Compiles `source`, and with `jit` to machine code as well (skip it for a pattern that is
    /// only being checked). Throws ``PCRE2Error`` with kind `.compile` and the byte offset in the
    /// pattern where PCRE2 gave up.
    public convenience init(_ source: String, options: CompileOptions = [.utf, .ucp], limits: MatchLimits = .default, jit: Bool = true) throws(PCRE2Error) {
        try self.init(source, options: options, limits: limits, jit: jit ? .now : .never, jitPartial: false)
    }

    /// As above; `jitPartial` also compiles machine code for partial matching (``StartCharacters``
    /// asks each character whether a match can begin with it).
    convenience init(_ source: String, options: CompileOptions, limits: MatchLimits, jit: JIT = .now, jitPartial: Bool) throws(PCRE2Error) {
        var errorCode: Int32 = 0
        var errorOffset: Int = 0
        let bytes = Array(source.utf8)
        // In UTF mode a match never splits a character: \C (one code unit) is refused at compile
        // time, so no match can end inside a character and write broken UTF-8.
        let compileOptions = options.rawValue | (options.contains(.utf) ? UInt32(PCRE2_NEVER_BACKSLASH_C) : 0)
        let compiled = bytes.withUnsafeBufferPointer { buffer in
            pcre2_compile_8(
                buffer.baseAddress ?? Pattern.emptySubject, buffer.count, compileOptions,
                &errorCode, &errorOffset, nil)
        }
        guard let compiled else {
            throw PCRE2Error(kind: .compile, code: errorCode, offset: errorOffset)
        }
        try self.init(taking: compiled, source: source, options: options, limits: limits, jit: jit, jitPartial: jitPartial)
    }

    /// Takes ownership of compiled code (freed if this throws).
    private init(taking compiled: OpaquePointer, source: String, options: CompileOptions, limits: MatchLimits, jit: JIT, jitPartial: Bool) throws(PCRE2Error) {
        guard let context = pcre2_match_context_create_8(nil) else {
            pcre2_code_free_8(compiled)
            throw PCRE2Error(kind: .compile, code: PCRE2_ERROR_NOMEMORY, offset: nil)
        }
        pcre2_set_match_limit_8(context, limits.matchLimit)
        pcre2_set_depth_limit_8(context, limits.depthLimit)
        pcre2_set_heap_limit_8(context, limits.heapLimitKiB)

        var captures: UInt32 = 0
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_CAPTURECOUNT), &captures)

        self.source = source
        self.options = options
        self.limits = limits
        self.code = compiled
        self.matchContext = context
        self.captureCount = Int(captures)
        let facts = Self.startFacts(of: compiled)
        (firstByteBitmap, firstBytes, requiredBytes) = (facts.bitmap, facts.bitmap ?? facts.firstUnit, facts.required)
        jitOptions = PCRE2_JIT_COMPLETE | (jitPartial ? PCRE2_JIT_PARTIAL_HARD : 0)
        machineCode = Atomic(jit == .never ? MachineCode.none : MachineCode.wanted)
        if jit == .now { makeMachineCode() }
    }

    /// Makes the machine code if it is wanted and not made yet. Every match calls this first: one
    /// load once it is made. PCRE2 writes machine code into the compiled pattern, so no match may
    /// run while it does: a thread that finds it wanted waits on the lock until it is made (or the
    /// JIT refused, when matches run interpreted).
    @inline(__always) private func prepareMachineCode() {
        if machineCode.load(ordering: .acquiring) == MachineCode.wanted { makeMachineCode() }
    }

    private func makeMachineCode() {
        making.withLock { _ in
            guard machineCode.load(ordering: .relaxed) == MachineCode.wanted else { return }
            let made = pcre2_jit_compile_8(code, jitOptions) == 0
            machineCode.store(made ? MachineCode.made : MachineCode.none, ordering: .releasing)
        }
    }

    /// This pattern ready for matching under `limits`: itself when it has (or will have) machine
    /// code and those limits, else a copy of its compiled code (not compiled again from its source)
    /// whose machine code is made the first time a match is tried. A plugin's patterns are compiled
    /// once, when its manifest is read and checked; the plugins a policy selects are given machine
    /// code as their patterns are first needed.
    public func forMatching(limits: MatchLimits = .default) throws(PCRE2Error) -> Pattern {
        if machineCode.load(ordering: .acquiring) != MachineCode.none && limits == self.limits { return self }
        guard let copy = pcre2_code_copy_8(code) else { throw PCRE2Error(kind: .compile, code: PCRE2_ERROR_NOMEMORY, offset: nil) }
        return try Pattern(taking: copy, source: source, options: options, limits: limits, jit: .onFirstMatch, jitPartial: false)
    }

    /// The longest look-behind in the pattern, in characters (`\b` and `\B` count as one).
    var maxLookbehind: Int {
        var value: UInt32 = 0
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_MAXLOOKBEHIND), &value)
        return Int(value)
    }

    /// Whether a match can lie anywhere in a text that holds the bytes `present`: false when the text
    /// holds none of the bytes a match begins with, or not the byte every match holds (the facts
    /// PCRE2 itself starts a search with, so a text this refuses has no match). Asked once per text
    /// before any search, it saves one per text for most patterns of most short texts.
    public func canMatch(inTextHolding present: ByteSet) -> Bool {
        if let firstBytes, !firstBytes.intersects(present) { return false }
        if let requiredBytes, !requiredBytes.intersects(present) { return false }
        return true
    }

    /// PCRE2's first code unit (or its bitmap of first bytes) and its required code unit. PCRE2
    /// matches an ASCII letter of either in either case when it is caseless; other code units
    /// exactly (in UTF-8, bytes from 128 on begin or continue a character and have no case).
    private static func startFacts(of code: OpaquePointer) -> (bitmap: ByteSet?, firstUnit: ByteSet?, required: ByteSet?) {
        func unit(_ value: UInt32) -> ByteSet {
            var set = ByteSet()
            let byte = UInt8(truncatingIfNeeded: value)
            set.insert(byte)
            if (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) { set.insert(byte ^ 0x20) }
            return set
        }
        var type: UInt32 = 0, value: UInt32 = 0
        var bitmap: ByteSet?, firstUnit: ByteSet?
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_FIRSTCODETYPE), &type)
        if type == 1 {
            pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_FIRSTCODEUNIT), &value)
            if value < 256 { firstUnit = unit(value) }
        } else if type == 0 {
            var bits: UnsafePointer<UInt8>?
            pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_FIRSTBITMAP), &bits)
            if let bits { bitmap = ByteSet(bitmap: bits) }
        }
        var required: ByteSet?
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_LASTCODETYPE), &type)
        if type == 1 {
            pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_LASTCODEUNIT), &value)
            if value < 256 { required = unit(value) }
        }
        return (bitmap, firstUnit, required)
    }

    /// Whether a match of this (anchored) pattern can begin with `prefix`: it matches, or matches
    /// partly and could go on with more text.
    func canBeginMatch(_ prefix: [UInt8]) -> Bool {
        prepareMachineCode()
        guard let matchData = pcre2_match_data_create_8(1, nil) else { return true }
        defer { pcre2_match_data_free_8(matchData) }
        let rc = prefix.withUnsafeBufferPointer { buffer in
            pcre2_match_8(code, buffer.baseAddress ?? Pattern.emptySubject, buffer.count, 0, PCRE2_PARTIAL_HARD, matchData, matchContext)
        }
        // A match, a partial match, or an error (a limit): only a plain no-match rules the character out.
        return rc != PCRE2_ERROR_NOMATCH
    }

    /// The byte ranges of the matches a scan of the whole of `subject` would find, found by trying
    /// the pattern only where `starts` says a match can begin (see ``StartCharacters``).
    /// With a match data block to reuse that fits the pattern, none is made for the call.
    public func matchRanges(in subject: UnsafeBufferPointer<UInt8>, startingAt starts: StartCharacters, reusing block: MatchData? = nil) throws -> [Range<Int>] {
        let data = try starts.anchored.matchData(reusing: block)
        return try withExtendedLifetime(data) { try matchRanges(in: subject, startingAt: starts, data.pointer) }
    }

    private func matchRanges(in subject: UnsafeBufferPointer<UInt8>, startingAt starts: StartCharacters, _ matchData: OpaquePointer) throws -> [Range<Int>] {
        starts.anchored.prepareMachineCode()
        let ovector = UnsafePointer(pcre2_get_ovector_pointer_8(matchData)!)
        let base = subject.baseAddress ?? Pattern.emptySubject
        var ranges: [Range<Int>] = []
        var resume = 0
        try starts.forEachCandidate(in: subject) { offset in
            guard offset >= resume else { return }
            let rc = pcre2_match_8(starts.anchored.code, base, subject.count, offset, PCRE2_NO_UTF_CHECK, matchData, starts.anchored.matchContext)
            if rc == PCRE2_ERROR_NOMATCH { return }
            if rc < 0 { throw PCRE2Error.matchFailure(code: rc, offset: offset) }
            let range = Int(ovector[0])..<Int(ovector[1])
            ranges.append(range)
            resume = range.isEmpty ? offset + 1 : range.upperBound
        }
        return ranges
    }

    /// `block` if it can hold this pattern's matches, else a block of its own.
    private func matchData(reusing block: MatchData?) throws(PCRE2Error) -> MatchData {
        if let block, block.fits(self) { return block }
        return try MatchData(pairs: captureCount + 1)
    }

    deinit {
        pcre2_match_context_free_8(matchContext)
        pcre2_code_free_8(code)
    }

    /// The number of the capture group called `name`, or nil if there is none.
    public func groupNumber(named name: String) -> Int? {
        let number = Array(name.utf8CString).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: UInt8.self) { pcre2_substring_number_from_name_8(code, $0.baseAddress) }
        }
        return number > 0 ? Int(number) : nil
    }

    /// Calls `body` for every non-overlapping match in `subject`, left to right.
    ///
    /// `subject` must be valid UTF-8 when the pattern was compiled with `.utf`: it is matched with
    /// `PCRE2_NO_UTF_CHECK`, so validate once per document (see ``UTF8Validation``), not once per
    /// pattern. Return `false` from `body` to stop early. A match that hits a limit throws
    /// ``PCRE2Error`` with kind `.matchLimit` or `.depthLimit` instead of running on.
    public func forEachMatch(
        in subject: UnsafeBufferPointer<UInt8>,
        from start: Int = 0,
        _ body: (Match) throws -> Bool
    ) throws {
        try forEachMatch(in: subject, window: start..<subject.count, body)
    }

    /// ``forEachMatch(in:windows:reusing:_:)`` for one window (no array made for it).
    public func forEachMatch(
        in subject: UnsafeBufferPointer<UInt8>,
        window: Range<Int>,
        reusing block: MatchData? = nil,
        _ body: (Match) throws -> Bool
    ) throws {
        let data = try matchData(reusing: block)
        try withExtendedLifetime(data) { try forEachMatch(in: subject, windows: CollectionOfOne(window), data.pointer) { _, match in try body(match) } }
    }

    /// Calls `body` for the matches in each of `windows` (in order, not overlapping): window `i` is
    /// searched from its lower bound with the subject cut at its upper bound, so look-aheads see
    /// that far and no further, and look-behinds see everything before. A window that begins
    /// inside the previous window's last match is searched from that match's end, as one search of
    /// the whole text would. Bounds inside a UTF-8 character are moved out to its edges. Return
    /// `false` from `body` to leave the current window. One match data block serves every window.
    public func forEachMatch(
        in subject: UnsafeBufferPointer<UInt8>,
        windows: [Range<Int>],
        reusing block: MatchData? = nil,
        _ body: (_ window: Int, Match) throws -> Bool
    ) throws {
        guard !windows.isEmpty else { return }
        let data = try matchData(reusing: block)
        try withExtendedLifetime(data) { try forEachMatch(in: subject, windows: windows, data.pointer, body) }
    }

    private func forEachMatch(
        in subject: UnsafeBufferPointer<UInt8>,
        windows: some Sequence<Range<Int>>,
        _ matchData: OpaquePointer,
        _ body: (_ window: Int, Match) throws -> Bool
    ) throws {
        prepareMachineCode()
        let ovector = UnsafePointer(pcre2_get_ovector_pointer_8(matchData)!)
        let base = subject.baseAddress ?? Pattern.emptySubject
        let isUTF = options.contains(.utf)
        var resume = 0
        windowLoop: for (index, window) in windows.enumerated() {
            // Never inside a character: PCRE2 is told the subject is valid UTF-8.
            var length = min(window.upperBound, subject.count)
            var offset = max(window.lowerBound, resume)
            if offset > length { continue }
            if isUTF {
                while length < subject.count, subject[length] & 0xC0 == 0x80 { length += 1 }
                while offset > 0, offset < subject.count, subject[offset] & 0xC0 == 0x80 { offset -= 1 }
            }
            var flags: UInt32 = PCRE2_NO_UTF_CHECK
            while offset <= length {
                let rc = pcre2_match_8(code, base, length, offset, flags, matchData, matchContext)
                if rc == PCRE2_ERROR_NOMATCH {
                    if flags & PCRE2_NOTEMPTY_ATSTART == 0 { continue windowLoop }
                    // An empty match here was refused; move one character on and try again.
                    offset = Pattern.advance(offset, in: subject, utf: isUTF)
                    flags = PCRE2_NO_UTF_CHECK
                    continue
                }
                if rc < 0 { throw PCRE2Error.matchFailure(code: rc, offset: offset) }
                let match = Match(ovector: ovector, groupCount: captureCount, start: Int(pcre2_get_startchar_8(matchData)))
                if try !body(index, match) { continue windowLoop }
                let range = match.range
                offset = range.upperBound
                resume = range.upperBound
                // After an empty match, ask for a non-empty one at the same place (as Perl's //g does).
                flags = range.isEmpty ? PCRE2_NO_UTF_CHECK | PCRE2_NOTEMPTY_ATSTART | PCRE2_ANCHORED : PCRE2_NO_UTF_CHECK
            }
        }
    }

    /// Whether the pattern matches somewhere in `subject` (one search; errors and limits count as
    /// no match). For short subjects checked often, such as a number against an anchored plan.
    public func matches(_ subject: UnsafeBufferPointer<UInt8>) -> Bool {
        prepareMachineCode()
        guard let matchData = pcre2_match_data_create_8(1, nil) else { return false }
        defer { pcre2_match_data_free_8(matchData) }
        return pcre2_match_8(code, subject.baseAddress ?? Pattern.emptySubject, subject.count, 0, PCRE2_NO_UTF_CHECK, matchData, matchContext) >= 0
    }

    /// The byte ranges of every match (group 0), for callers that do not need capture groups.
    public func matchRanges(in subject: UnsafeBufferPointer<UInt8>, reusing block: MatchData? = nil) throws -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        try forEachMatch(in: subject, window: 0..<subject.count, reusing: block) { match in
            ranges.append(match.range); return true
        }
        return ranges
    }

    private static func advance(_ offset: Int, in subject: UnsafeBufferPointer<UInt8>, utf: Bool) -> Int {
        var next = offset + 1
        if utf {
            while next < subject.count, subject[next] & 0xC0 == 0x80 { next += 1 }
        }
        return next
    }

    nonisolated(unsafe) private static let emptySubject: UnsafePointer<UInt8> = {
        let pointer = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
        pointer.initialize(to: 0)
        return UnsafePointer(pointer)
    }()
}
