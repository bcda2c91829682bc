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

        /// Whether a common word starts at or before `range` and runs past its end.
        func wordCovers(_ range: Range<Int>) -> Bool {
            (max(0, range.lowerBound - 4)...range.lowerBound).contains { index in
                wordStarting[index] > 0 && index + wordStarting[index] > range.upperBound - (index < range.lowerBound ? 1 : 0)
                    && index + wordStarting[index] >= range.upperBound && !(index == range.lowerBound && wordStarting[index] == range.count)
            }
        }

        func isHan(_ index: Int) -> Bool {
            guard index >= 0, index < scalars.count else { return false }
            let value = scalars[index].value
            return (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value)
        }

        func character(_ index: Int) -> Character { Character(scalars[index]) }

        func string(_ range: Range<Int>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            return String(view)
        }

        func matches(_ word: [Unicode.Scalar], at index: Int) -> Bool {
            guard index >= 0, index + word.count <= scalars.count else { return false }
            return scalars[index..<index + word.count].elementsEqual(word)
        }
    }

    func makeText(_ document: DocumentText) -> Text {
        let bytes = document.bytes
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = []
        scalars.reserveCapacity(bytes.count / 2)
        var byteToScalar = [Int](repeating: -1, count: bytes.count + 1)
        var offset = 0
        for scalar in document.string.unicodeScalars {
            byteToScalar[offset] = scalars.count
            offsets.append(offset)
            scalars.append(scalar)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)
        byteToScalar[offset] = scalars.count
        var wordStarting = [Int](repeating: 0, count: scalars.count + 2)
        var strongWordStarting = [Int](repeating: 0, count: scalars.count + 2)
        var insideWord = [Bool](repeating: false, count: scalars.count + 2)
        for occurrence in commonWords.occurrences(in: bytes) {
            let start = byteToScalar[occurrence.range.lowerBound], end = byteToScalar[occurrence.range.upperBound]
            guard start >= 0, end > start else { continue }
            wordStarting[start] = max(wordStarting[start], end - start)
            if strongWord[occurrence.word] { strongWordStarting[start] = max(strongWordStarting[start], end - start) }
            for inner in (start + 1)..<end { insideWord[inner] = true }
        }
        return Text(scalars: scalars, offsets: offsets, wordStarting: wordStarting, strongWordStarting: strongWordStarting, insideWord: insideWord)
    }
}

extension UTF8 {
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
