import Foundation
import FuzzSupport
import VeilText

@testable import VeilCore
@testable import VeilRecognizers

/// Any bytes as damage done to a small, valid binary image of a recognizer Veil keeps between runs
/// (RecognizerImages), past the checksum that normally refuses it: the first byte picks the image;
/// then every three bytes set one byte of it (two bytes of offset, one of value), and a last lone
/// byte cuts it there. What reads back must recognize a text without crashing or hanging; what does
/// not must be an ImageError.
enum Images {
    static let text = "记者王芳说，王国和赣州市的张伟在通化见过 Jane Smith 和 Lu Libing。He said hers is 赣州 Ganzhou."

    typealias Image = (bytes: [UInt8], read: @Sendable (inout ImageReader) throws -> any Recognizer)

    static let all: [Image] = {
        var images: [Image] = []
        func add<R: ImageRecognizer>(_ recognizer: R) {
            var writer = ImageWriter()
            recognizer.write(to: &writer)
            images.append((writer.bytes, { try R(image: &$0) }))
        }
        do {
            let places = Gazetteer(places: [
                .init(id: "cn", level: .country, parent: nil, full: "中国", short: [], latin: ["China"]),
                .init(id: "jx", level: .province, parent: "cn", full: "江西省", short: ["江西"], latin: ["Jiangxi"]),
                .init(id: "gz", level: .prefecture, parent: "jx", full: "赣州市", short: ["赣州"], latin: ["Ganzhou"]),
                .init(id: "yd", level: .county, parent: "gz", full: "于都县", short: ["于都"], latin: ["Yudu"]),
                .init(id: "th", level: .prefecture, parent: "cn", full: "通化市", short: ["通化"], latin: ["Tonghua"])
            ])
            add(
                GazetteerRecognizer(
                    pluginID: "places", gazetteer: places, entity: .location, scores: [.full: 0.85, .short: 0.8, .latin: 0.75], countyShortScore: 0.7,
                    institutionWords: ["大学", "University"], commonWords: AhoCorasick(words: ["普通化学", "化学", "王国"])))
            let model = Array("b\t0:1.0\nU0:王\t1:3.0 2:-1.5\nU1:芳\t2:2.0\n>\t1\t2\t0.5\n".utf8).withUnsafeBytes { Fuzz.write($0, to: "image/crf.tsv") }
            let statistics = ChineseNameStatistics(
                surnames: ["王": .init(inNames: 100, occurrences: 120), "张": .init(inNames: 80, occurrences: 90), "欧阳": .init(inNames: 5, occurrences: 5)],
                given: ["芳": .init(inNames: 50, occurrences: 60), "伟": .init(inNames: 40, occurrences: 70)], foreign: ["斯": .init(inNames: 9, occurrences: 10)])
            add(
                ChineseNameRecognizer(
                    pluginID: "person-zh", statistics: statistics, readings: ["王": "wang", "芳": "fang"], tagger: try NameTagger.read(model),
                    commonWords: ["王国", "高兴", "老师"], titles: ["老师", "先生"], cuesBefore: ["记者"], cuesAfter: ["说"], threshold2: 0.02, threshold3: 0.004,
                    foreignThreshold: 0.2))
            let english = Array("b\t0:1.0\nw:jane\t1:2.0\n>\t1\t2\t0.5\n".utf8).withUnsafeBytes { Fuzz.write($0, to: "image/crf-en.tsv") }
            add(
                EnglishNameRecognizer(
                    pluginID: "person-en", firstNames: ["Jane": (0.01, "F")], lastNames: ["Smith": 0.01], ambiguous: ["Will"],
                    tagger: EnglishTagger(
                        tagger: try NameTagger.read(english, templates: EnglishTagger.templates, key: { EnglishTagger.key(template: $0, $1) }),
                        firstShares: ["jane": 0.01], lastShares: ["smith": 0.01], ranks: ["the": "1"])))
            add(
                PinyinNameRecognizer(
                    pluginID: "person-pinyin", tables: PinyinTables(syllables: ["lu", "li", "bing", "wang"], readings: ["卢": "lu"], surnamesBySpelling: ["lu": ["卢"]]),
                    statistics: statistics))
        } catch {
            fatalError("the fuzzer's images cannot be made: \(error)")
        }
        return images
    }()
}

func fuzzImage(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    let input = UnsafeRawBufferPointer(start: data, count: count)
    guard let first = input.first else { return 0 }
    let (valid, read) = Images.all[Int(first) % Images.all.count]
    var bytes = valid
    var index = 1
    while index + 3 <= input.count, !bytes.isEmpty {
        let offset = (Int(input[index]) << 8 | Int(input[index + 1])) % bytes.count
        bytes[offset] = input[index + 2]
        index += 3
    }
    if index < input.count, !bytes.isEmpty { bytes.removeSubrange((Int(input[index]) * bytes.count / 256)...) }
    bytes.withUnsafeBytes { raw in
        var reader = ImageReader(raw)
        guard let recognizer = try? read(&reader) else { return }
        _ = try? recognizer.recognize(DocumentText(Images.text))
    }
    return 0
}

exit(Fuzz.main(CommandLine.argc, CommandLine.unsafeArgv) { data, count in fuzzImage(data ?? UnsafeRawPointer(bitPattern: 1)!, count) })
