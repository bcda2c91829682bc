import Testing

@testable import PCRE2

@Suite struct PatternTests {
    private func matches(_ pattern: String, _ subject: String, options: CompileOptions = [.utf, .ucp]) throws -> [String] {
        let compiled = try Pattern(pattern, options: options)
        let bytes = Array(subject.utf8)
        return try bytes.withUnsafeBufferPointer { buffer in
            try compiled.matchRanges(in: buffer).map { String(decoding: bytes[$0], as: UTF8.self) }
        }
    }

    @Test func findsEveryMatchInChineseText() throws {
        #expect(try matches("1[3-9][0-9]{9}", "电话13812345678微信同号，另一个13987654321。") == ["13812345678", "13987654321"])
    }

    @Test func aReusedMatchDataBlockGivesTheSameMatchesAsOneMadePerCall() throws {
        let subject = Array("QQ 12345678，电话 138-1234-5678，邮箱 a.b@example.com".utf8)
        let patterns = try [Pattern("[0-9]{5,11}"), Pattern("(1[3-9][0-9])-([0-9]{4})-([0-9]{4})"), Pattern("(\\w+)\\.(\\w+)@(\\w+)\\.(com)")]
        // One pair holds group 0 only: patterns with groups make their own block instead.
        for block in [try MatchData(), try MatchData(pairs: 1)] {
            try subject.withUnsafeBufferPointer { buffer in
                for pattern in patterns {
                    #expect(try pattern.matchRanges(in: buffer, reusing: block) == pattern.matchRanges(in: buffer))
                    var groups: [[Range<Int>?]] = []
                    try pattern.forEachMatch(in: buffer, windows: [0..<buffer.count], reusing: block) { _, match in
                        groups.append((0...pattern.captureCount).map { match.range(ofGroup: $0) }); return true
                    }
                    #expect(groups.count == 1 && groups[0].allSatisfy { $0 != nil }, "\(pattern.source)")
                }
            }
        }
    }

    @Test func compilesWithTheJIT() throws {
        let pattern = try Pattern("[0-9]+")
        #expect(pattern.isJITCompiled)
        #expect(pattern.captureCount == 0)
    }

    @Test func compileErrorCarriesCodeOffsetAndMessage() {
        #expect {
            _ = try Pattern("abc(def")
        } throws: { error in
            guard let error = error as? PCRE2Error else { return false }
            return error.kind == .compile && error.offset == 7 && error.code > 0 && error.message.contains("missing closing parenthesis")
        }
    }

    @Test func aPatternThatCouldSplitACharacterIsRefused() throws {
        // \C matches one byte: a match ending inside 中 would write broken UTF-8.
        #expect {
            _ = try Pattern("a\\C")
        } throws: { error in
            guard let error = error as? PCRE2Error else { return false }
            return error.kind == .compile && error.offset == 3 && error.message.contains("\\C")
        }
        // Without UTF mode (bytes, not text) it is the caller's business.
        _ = try Pattern("a\\C", options: [])
    }

    @Test func keepOutResetsTheMatchStart() throws {
        #expect(try matches("微信[:：]?\\K[a-z][a-z0-9_]{5,}", "加微信：lily_88 谢谢") == ["lily_88"])
    }

    @Test func emptyMatchesAdvanceByWholeCharacters() throws {
        // An empty-matching pattern must not loop, and must step over multi-byte characters whole.
        let found = try matches("x*", "中x文")
        #expect(found == ["", "x", "", ""])
    }

    @Test func namedGroupsAndGroupRanges() throws {
        let pattern = try Pattern("(?<area>0[0-9]{2,3})-(?<local>[0-9]{7,8})")
        let bytes = Array("座机0797-8123456".utf8)
        #expect(pattern.groupNumber(named: "local") == 2)
        #expect(pattern.groupNumber(named: "missing") == nil)
        var local: Range<Int>?
        try bytes.withUnsafeBufferPointer { buffer in
            try pattern.forEachMatch(in: buffer) { match in
                local = match.range(ofGroup: 2)
                #expect(match.range(ofGroup: 3) == nil)
                return false
            }
        }
        #expect(local.map { String(decoding: bytes[$0], as: UTF8.self) } == "8123456")
    }

    @Test func runawayPatternHitsTheMatchLimitInsteadOfHanging() throws {
        let pattern = try Pattern("^(a+)+$", limits: MatchLimits(matchLimit: 10_000, depthLimit: 1_000, heapLimitKiB: 1_024))
        let subject = Array((String(repeating: "a", count: 40) + "b").utf8)
        #expect {
            try subject.withUnsafeBufferPointer { try pattern.matchRanges(in: $0) }
        } throws: { error in
            (error as? PCRE2Error)?.kind == .matchLimit
        }
    }

    @Test func caselessOption() throws {
        #expect(try matches("wechat", "WeChat and WECHAT", options: [.utf, .ucp, .caseless]).count == 2)
    }

    @Test(
        arguments: [
            ([0x61, 0x62], nil),
            ([0xE4, 0xB8, 0xAD, 0xFF], 3),
            ([0xC0, 0x80], 0), // overlong
            ([0xED, 0xA0, 0x80], 0), // surrogate
            ([0xE4, 0xB8], 0), // truncated
            ([0xF4, 0x90, 0x80, 0x80], 0) // past U+10FFFF
        ] as [([UInt8], Int?)])
    func validatesUTF8(bytes: [UInt8], invalidAt: Int?) {
        #expect(bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset(in: $0) } == invalidAt)
    }

    /// A pattern compiled once to check it (a manifest's) is given machine code from its compiled
    /// code, not compiled again: the copy finds what a pattern compiled from the source finds, under
    /// the limits asked for, and the checked one goes on working.
    @Test func aCheckedPatternIsMadeReadyForMatchingFromItsCompiledCode() throws {
        let checked = try Pattern("(?<![0-9])(1[3-9][0-9])-?([0-9]{4})-?([0-9]{4})(?![0-9])", jit: false)
        #expect(!checked.isJITCompiled)
        let limits = MatchLimits(matchLimit: 5_000, depthLimit: 100, heapLimitKiB: 1_000)
        let ready = try checked.forMatching(limits: limits)
        #expect(ready !== checked)
        // Its machine code is made when a match is first tried.
        #expect(!ready.isJITCompiled && ready.limits == limits && ready.captureCount == 3 && ready.source == checked.source)
        let again = try ready.forMatching(limits: limits)
        #expect(again === ready, "already ready: no copy")
        #expect(try Array("138-1234-5678".utf8).withUnsafeBufferPointer { try ready.matchRanges(in: $0) } == [0..<13])
        #expect(ready.isJITCompiled)
        let fresh = try Pattern(checked.source, limits: limits)
        let subject = Array("电话138-1234-5678，另一个13987654321，不是1234567890123。".utf8)
        try subject.withUnsafeBufferPointer { buffer throws in
            #expect(try ready.matchRanges(in: buffer) == fresh.matchRanges(in: buffer))
            #expect(try checked.matchRanges(in: buffer) == fresh.matchRanges(in: buffer))
            #expect(try ready.matchRanges(in: buffer).count == 2)
        }
    }

    /// Threads that try a pattern's first matches at once wait for its one machine code and all
    /// find what an interpreted match finds.
    @Test func theFirstMatchesOnManyThreadsMakeOneMachineCode() async throws {
        let interpreted = try Pattern("(?i)(?:qq|wx)[:：]?\\s*([0-9a-z_]{5,})", jit: false)
        let subject = Array("QQ：12345678，wx: abc_123，qq 99999".utf8)
        let expected = try subject.withUnsafeBufferPointer { try interpreted.matchRanges(in: $0) }
        #expect(expected.count == 3)
        for _ in 0..<20 {
            let lazy = try interpreted.forMatching(limits: .default)
            #expect(!lazy.isJITCompiled)
            let found = await withTaskGroup(of: [Range<Int>].self) { group in
                for _ in 0..<8 {
                    group.addTask { (try? subject.withUnsafeBufferPointer { try lazy.matchRanges(in: $0) }) ?? [] }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            #expect(found.allSatisfy { $0 == expected })
            #expect(lazy.isJITCompiled)
        }
    }
}
