/// The runs of ASCII digits in a text, found in one pass and shared by every pattern that needs
/// digits (phone, QQ, ID and card numbers): such a pattern is tried only in windows around runs
/// holding enough digits, not over the whole text.
///
/// A run is digits with at most ``gap`` other bytes between neighbours (`138-1234-5678`,
/// `(010) 6552 9988`, `010-65529988转123`).
struct DigitRuns: Sendable {
    /// One run: its bytes (first digit to last) and how many digits it holds.
    struct Run: Sendable {
        let range: Range<Int>
        let digits: Int
    }

    /// Non-digit bytes allowed between two digits of one run (转, "ext. ", 分机 before an extension).
    static let gap = 6
    /// How far before a run a match may start (香港電話：, (+86) before the digits).
    static let before = 64
    /// How far past a run's last digit a pattern may look.
    static let after = 64

    let runs: [Run]
    let count: Int
    /// The most digits one run holds (0: the text has none): a pattern that needs more is not
    /// tried at all.
    let longest: Int

    init(_ bytes: [UInt8]) {
        var runs: [Run] = []
        bytes.withUnsafeBufferPointer { text in
            let count = text.count
            var index = 0
            while index < count {
                if index + 8 <= count && !ByteBlock(text, at: index).hasDigit { index += 8; continue }
                guard text[index] &- 0x30 < 10 else { index += 1; continue }
                let start = index
                var last = index, digits = 0
                while index < count && index - last - 1 <= Self.gap {
                    if text[index] &- 0x30 < 10 {
                        digits += 1
                        last = index
                    }
                    index += 1
                }
                runs.append(Run(range: start..<last + 1, digits: digits))
                index = last + 1
            }
        }
        self.runs = runs
        self.count = bytes.count
        self.longest = runs.lazy.map(\.digits).max() ?? 0
    }

    /// The windows around runs of at least `minimum` digits, merged where they would overlap.
    func windows(holding minimum: Int) -> [SearchWindow] {
        SearchWindow.windows(around: runs.filter { $0.digits >= minimum }.map(\.range), before: Self.before, after: Self.after, count: count)
    }
}
