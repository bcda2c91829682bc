import VeilCore
import VeilText

/// A word of Latin letters in a document (with inner hyphens and apostrophes: Li-bing, Xi'an),
/// for the recognizers of names written in Latin letters.
struct LatinWord {
    let range: Range<Int>
    let text: String
    var lower: String { text.lowercased() }
    // The words are ASCII: their bytes tell case without Unicode's property tables.
    var isCapitalized: Bool { text.utf8.first.map(ASCIIByte.isUppercase) ?? false }
    var isAllCaps: Bool { text.utf8.count > 1 && !text.utf8.contains(where: ASCIIByte.isLowercase) }

    /// ASCII words: letters, with inner hyphens and apostrophes (Li-bing, Xi'an).
    static func words(in bytes: [UInt8]) -> [LatinWord] {
        var words: [LatinWord] = []
        var index = 0
        let isLetter = ASCIIByte.isLetter
        while index < bytes.count {
            guard isLetter(bytes[index]), index == 0 || !(isLetter(bytes[index - 1]) || ASCIIByte.isDigit(bytes[index - 1])) else { index += 1; continue }
            var end = index
            while end < bytes.count {
                if isLetter(bytes[end]) { end += 1; continue }
                if bytes[end] == 0x2D || bytes[end] == 0x27, end + 1 < bytes.count, isLetter(bytes[end + 1]),
                    !(bytes[end] == 0x27 && bytes[end + 1] == 0x73 && (end + 2 >= bytes.count || !isLetter(bytes[end + 2])))
                {
                    end += 1
                    continue
                }
                break
            }
            if end < bytes.count, ASCIIByte.isDigit(bytes[end]) { index = end; continue }
            words.append(LatinWord(range: index..<end, text: String(decoding: bytes[index..<end], as: UTF8.self)))
            index = end
        }
        return words
    }
}
