import Testing

@testable import PCRE2

/// Patterns tried only where their first characters stand find what a scan of the whole text does.
@Suite struct StartCharactersTests {
    private func both(_ source: String, _ subject: String) throws -> (whole: [String], filtered: [String])? {
        let pattern = try Pattern(source)
        guard let starts = StartCharacters(pattern) else { return nil }
        let bytes = Array(subject.utf8)
        return try bytes.withUnsafeBufferPointer { buffer in
            let text = { (ranges: [Range<Int>]) in ranges.map { String(decoding: bytes[$0], as: UTF8.self) } }
            return (text(try pattern.matchRanges(in: buffer)), text(try pattern.matchRanges(in: buffer, startingAt: starts)))
        }
    }

    @Test func findsWhatAWholeScanFinds() throws {
        let text = "加V看看，微信号wx_123；薇❤：abc，威信不是维信，V信 vx WX✨卫星 加v 🛰️ 微微 end加"
        let found = try #require(try both("[微薇]|[威徽维]信|卫星|加[Vv]|[Ww][Xx]|[Vv](?:信|[Xx])|\\x{1F6F0}", text))
        #expect(found.filtered == found.whole)
        #expect(found.whole.count == 14)
    }

    @Test func overlappingStartsResumeAfterAMatch() throws {
        // 京京A…: the scan takes the first 京 and resumes after its match, as the filter must.
        let found = try #require(try both("[京津沪](?:[京津沪]?[A-Z][0-9]{3})", "京京A123 津B456 沪沪沪C789"))
        #expect(found.filtered == found.whole)
        #expect(found.whole == ["京京A123", "津B456", "沪沪C789"])
    }

    @Test func patternsThatLookBehindOrBeginWithDigitsAreNotFiltered() throws {
        #expect(StartCharacters(try Pattern("(?<=电话)[0-9]+")) == nil, "a look-behind may need text before the start")
        #expect(StartCharacters(try Pattern("微\\b")) == nil, "\\b looks behind")
        #expect(StartCharacters(try Pattern("[0-9]|微")) == nil, "digits are too common to filter")
        #expect(StartCharacters(try Pattern("@")) == nil, "one fixed first byte: PCRE2 searches for it fast itself")
        #expect(StartCharacters(try Pattern("[Ww][Xx]")) == nil, "no Chinese character begins a match")
    }
}
