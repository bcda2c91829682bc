import Foundation

/// The progress line on standard error for long runs, when standard error is a terminal: bytes
/// done of the input's size, the rate and the time left (`--quiet` turns it off). It never goes to
/// standard output, and it is cleared before the run ends or prints an error.
final class Progress {
    private let started: Date
    private var lastDrawn: Date
    private var drawn = false
    /// Whether the line is drawn at all (a terminal on standard error, and no `--quiet`).
    let isEnabled: Bool
    /// Bytes of the inputs finished before the current one, and the sum of their sizes.
    private var doneBefore = 0
    private let total: Int?

    init(sizes: [Int?], quiet: Bool, isTerminal: Bool = isatty(STDERR_FILENO) == 1) {
        isEnabled = !quiet && isTerminal
        started = Date()
        lastDrawn = started
        total = sizes.contains(where: { $0 == nil }) ? nil : sizes.reduce(0) { $0 + ($1 ?? 0) }
    }

    /// Notes that `bytes` of the current input are read; redraws at most four times a second, and
    /// only once the run has taken more than a second.
    func update(current bytes: Int) {
        guard isEnabled else { return }
        let now = Date()
        guard now.timeIntervalSince(started) > 1, now.timeIntervalSince(lastDrawn) >= 0.25 else { return }
        lastDrawn = now
        drawn = true
        FileHandle.standardError.write(Data(("\r" + Self.line(done: doneBefore + bytes, total: total, elapsed: now.timeIntervalSince(started)) + "\u{1B}[K").utf8))
    }

    /// Moves on to the next input, the current one being `size` bytes.
    func finishInput(size: Int) {
        doneBefore += size
    }

    /// Clears the line.
    func clear() {
        guard drawn else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        drawn = false
    }

    /// `veil: 12.0 MB of 100.0 MB (12%), 4.0 MB/s, 22 s left` (without a total: done and rate only).
    static func line(done: Int, total: Int?, elapsed: TimeInterval) -> String {
        let megabytes = { (bytes: Int) in String(format: "%.1f MB", Double(bytes) / 1_048_576) }
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        var text = "veil: \(megabytes(done))"
        if let total, total > 0 {
            text += " of \(megabytes(total)) (\(min(100, done * 100 / total))%)"
        }
        text += String(format: ", %.1f MB/s", rate / 1_048_576)
        if let total, total > done, rate > 0 {
            let left = Int((Double(total - done) / rate).rounded(.up))
            text += left >= 60 ? ", \(left / 60) min \(left % 60) s left" : ", \(left) s left"
        }
        return text
    }
}
