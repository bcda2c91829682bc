import VeilCore
import VeilText

/// The text the Chinese name recognizer works on: scalars with their byte offsets, and where the
/// common words of its list start and run.
extension ChineseNameRecognizer {
    /// The text as scalars with their byte offsets, and where common words lie.
    struct Text {
        let scalars: [Unicode.Scalar]
        let offsets: [Int]
        /// Longest common word starting at each scalar (0: none).
        var wordStarting: [Int]
        /// Longest strong common word starting at each scalar (0: none).
        var strongWordStarting: [Int]
        /// Whether a common word starts before each scalar and continues past it.
        var insideWord: [Bool]
        /// Longest common word that is mostly a place name starting at each scalar (0: none).
        var placeWordStarting: [Int]
        /// Longest common word ending at each scalar, that scalar included (0: none).
        var wordEnding: [Int]
        /// Where titles and cues lie (``Marks``).
        var marks: [Marks]
        /// Length of the longest title starting at each scalar (0: none).
        var titleLength: [UInt8]

        struct Marks: OptionSet {
            let rawValue: UInt8
            /// A title (先生, 老师) starts at this scalar.
            static let titleStarts = Marks(rawValue: 1)
            /// A cue that follows names (说, 表示) starts at this scalar.
            static let cueAfterStarts = Marks(rawValue: 2)
            /// A cue that precedes names (记者, 叫) ends just before this scalar.
            static let cueBeforeEnds = Marks(rawValue: 4)
            /// A verb of two characters or more that follows names (表示, 认为) starts at this scalar.
            static let verbStarts = Marks(rawValue: 8)
        }

        /// Whether a common word starts at or before `range` and runs past its end.
        func wordCovers(_ range: Range<Int>) -> Bool {
            (max(0, range.lowerBound - 4)...range.lowerBound).contains { index in
                wordStarting[index] > 0 && index + wordStarting[index] > range.upperBound - (index < range.lowerBound ? 1 : 0)
                    && index + wordStarting[index] >= range.upperBound && !(index == range.lowerBound && wordStarting[index] == range.count)
            }
        }

        func isHan(_ index: Int) -> Bool {
            guard index >= 0, index < scalars.count else { return false }
            return scalars[index].isHan
        }

        func character(_ index: Int) -> Character { Character(scalars[index]) }

        func string(_ range: Range<Int>) -> String {
            // Encoded straight into the string's storage (appending scalar by scalar costs more than
            // the rest of a short name's checks).
            String(unsafeUninitializedCapacity: range.count * 4) { buffer in
                var count = 0
                for scalar in scalars[range] {
                    UTF8.encode(scalar) {
                        buffer[count] = $0; count += 1
                    }
                }
                return count
            }
        }

        func matches(_ word: [Unicode.Scalar], at index: Int) -> Bool {
            guard index >= 0, index + word.count <= scalars.count else { return false }
            return scalars[index..<index + word.count].elementsEqual(word)
        }
    }

    func makeText(_ document: DocumentText) -> Text {
        // The words are looked for in the text as read (謝謝瀋陽 as 谢谢沈阳: 沈阳 is a word, not a name).
        var bytes = document.bytes
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = []
        scalars.reserveCapacity(bytes.count / 2)
        offsets.reserveCapacity(bytes.count / 2 + 1)
        var byteToScalar = [Int](filled: -1, count: bytes.count + 1)
        var offset = 0
        // Traditional characters are read as their simplified ones (陳 as 陈), the statistics' script;
        // offsets stay those of the text as written.
        for scalar in document.string.unicodeScalars {
            byteToScalar[offset] = scalars.count
            offsets.append(offset)
            let value = scalar.value
            if value >= 0x3400, value < 0x10000, !simplified.isEmpty, simplified[Int(value)] >= 0x800, let read = Unicode.Scalar(UInt32(simplified[Int(value)])) {
                scalars.append(read)
                // Both three bytes long: the read character takes the written one's place.
                var index = offset
                for byte in String(read).utf8 { bytes[index] = byte; index += 1 }
            } else {
                scalars.append(scalar)
            }
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)
        byteToScalar[offset] = scalars.count
        var wordStarting = [Int](filled: 0, count: scalars.count + 2)
        var strongWordStarting = [Int](filled: 0, count: scalars.count + 2)
        var insideWord = [Bool](filled: false, count: scalars.count + 2)
        var wordEnding = [Int](filled: 0, count: scalars.count + 2)
        var placeWordStarting = [Int](filled: 0, count: scalars.count + 2)
        for occurrence in commonWords.occurrences(in: bytes) {
            let start = byteToScalar[occurrence.range.lowerBound], end = byteToScalar[occurrence.range.upperBound]
            guard start >= 0, end > start else { continue }
            wordStarting[start] = max(wordStarting[start], end - start)
            wordEnding[end - 1] = max(wordEnding[end - 1], end - start)
            if placeWord[occurrence.word] { placeWordStarting[start] = max(placeWordStarting[start], end - start) }
            if strongWord[occurrence.word] { strongWordStarting[start] = max(strongWordStarting[start], end - start) }
            for inner in (start + 1)..<end { insideWord[inner] = true }
        }
        var marks = [Text.Marks](filled: [], count: scalars.count + 4)
        var titleLength = [UInt8](filled: 0, count: scalars.count + 4)
        for occurrence in cueWords.occurrences(in: bytes) {
            let start = byteToScalar[occurrence.range.lowerBound], end = byteToScalar[occurrence.range.upperBound]
            guard start >= 0, end > start else { continue }
            let kind = cueWordKinds[occurrence.word]
            if kind.contains(.titleStarts) {
                marks[start].insert(.titleStarts)
                titleLength[start] = max(titleLength[start], UInt8(min(end - start, 255)))
            }
            if kind.contains(.cueAfterStarts) { marks[start].insert(.cueAfterStarts) }
            if kind.contains(.verbStarts) && end - start >= 2 { marks[start].insert(.verbStarts) }
            if kind.contains(.cueBeforeEnds) { marks[end].insert(.cueBeforeEnds) }
        }
        return Text(
            scalars: scalars, offsets: offsets, wordStarting: wordStarting, strongWordStarting: strongWordStarting, insideWord: insideWord,
            placeWordStarting: placeWordStarting, wordEnding: wordEnding, marks: marks, titleLength: titleLength)
    }
}

extension UTF8 {
    /// The number of bytes of the scalar whose UTF-8 starts with `byte`.
    static func width(lead byte: UInt8) -> Int {
        byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
    }

    /// The number of bytes `scalar` takes in UTF-8.
    static func width(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.value {
        case 0..<0x80: return 1
        case 0x80..<0x800: return 2
        case 0x800..<0x10000: return 3
        default: return 4
        }
    }
}

extension Unicode.Scalar {
    /// A Chinese character: the CJK Unified Ideographs and their Extension A.
    var isHan: Bool { (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) }
}
