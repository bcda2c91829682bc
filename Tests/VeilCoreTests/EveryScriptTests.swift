import Testing

@testable import VeilCore

/// A name in any script a plugin may report is rewritten or fails its document closed: never
/// written out as it was (issue 13: Cyrillic, Hangul, kana, Arabic, Greek and full-width names
/// were reported, counted as pseudonymized and written unchanged).
@Suite struct EveryScriptTests {
    static let names = ["Иван Петров", "김민수", "やまだ はなこ", "ヤマダ", "Ｊｏｈｎ Ｓｍｉｔｈ", "Αλέξης", "محمد", "Ｊ１２３"]

    @Test(arguments: names)
    func aPersonInAnyScriptIsNeverWrittenAsItWas(_ name: String) throws {
        let engine = try Shipped.engine()
        let anonymizer = Anonymizer(engine: engine)
        let text = "见到了" + name + "。"
        let start = "见到了".utf8.count
        // As a plugin that knows nothing of names (a process plugin, a deny list) would report it.
        let detection = Detection(range: start..<(start + name.utf8.count), entity: .person, score: 1, pluginID: "probe", rule: "probe", canonical: name)
        let output: String
        do {
            let bytes = Array(text.utf8)[...]
            output = String(decoding: OutputPiece.splicing(bytes, try anonymizer.rewrites(bytes, [detection])).bytes, as: UTF8.self)
        } catch let error as RewriteError {
            #expect(error.entity == .person && !error.description.contains(name))
            return
        }
        #expect(!output.contains(name), "\(output)")
        #expect(output.hasPrefix("见到了") && output.hasSuffix("。"))
    }

    @Test func theShapeSurrogateRewritesEveryLetterInItsOwnScript() {
        var random = SurrogateRandom(key: Shipped.key.derived(for: "test"), value: "x", attempt: 0)
        for text in Self.names {
            let shaped = ShapeSurrogate.reshape(text, keepingPrefix: 0, random: &random)
            #expect(shaped.count == text.count, "\(text) → \(shaped)")
            for (before, after) in zip(text.unicodeScalars, shaped.unicodeScalars) where before.properties.isAlphabetic {
                #expect(after.properties.isAlphabetic, "\(text) → \(shaped)")
                // The same script's block, or a Latin letter for a script without its own range.
                if let range = ShapeSurrogate.sameScript(before.value) { #expect(range.contains(after.value), "\(text) → \(shaped)") }
            }
            #expect(shaped != text)
        }
    }

    @Test func anActionThatWouldWriteTheOriginalFailsTheDocument() throws {
        // A mask that keeps every character changes nothing: the document fails rather than pass.
        let policy = Policy(
            name: "t", path: "t.yaml", plugins: ["phone-cn"],
            rules: [.phoneNumber: EntityRule(action: .mask(character: "*", keepFirst: 6, keepLast: 6))])
        let anonymizer = Anonymizer(engine: try Shipped.engine(policy: policy))
        #expect(throws: RewriteError.self) { try anonymizer.anonymize("电话13812345678") }
    }
}
