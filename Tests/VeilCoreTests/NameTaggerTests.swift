import Foundation
import Testing
import VeilTestSupport

@testable import VeilCore
@testable import VeilRecognizers

/// The name tagger of `person-zh`: its features must be exactly those it was trained on, and its
/// model file is read strictly.
@Suite struct NameTaggerTests {
    private var recognizer: ChineseNameRecognizer {
        get throws { try #require(Shipped.catalog["person-zh"]?.makeRecognizer() as? ChineseNameRecognizer) }
    }

    /// Fixtures/tagger-features.json is written by `scripts/build_person_crf.py --dump-features
    /// Fixtures/tagger-lines.txt`: the features the training script computes for each character.
    /// Veil must compute the same, or the shipped weights mean nothing.
    @Test func featuresMatchTheTrainingScript() throws {
        struct Line: Decodable { let line: String; let features: [[String]] }
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/tagger-features.json")
        let lines = try JSONDecoder().decode([Line].self, from: Data(contentsOf: url))
        #expect(lines.count >= 5)
        let recognizer = try recognizer
        let tagger = try #require(recognizer.tagger), rows = try #require(recognizer.taggerRows)
        for fixture in lines {
            let text = recognizer.makeText(DocumentText(fixture.line))
            var features = FeatureRows()
            recognizer.addFeatures(text, line: 0..<text.scalars.count, tagger: tagger, rows: rows, to: &features)
            try #require(features.count == fixture.features.count, "\(fixture.line): \(features.count) positions, script has \(fixture.features.count)")
            for (position, names) in fixture.features.enumerated() {
                let keys = names.compactMap { NameTagger.key(named: $0) }
                #expect(keys.count == names.count, "unknown template in \(names)")
                // The features the model knows, by their rows (the others weigh nothing).
                let expected = keys.map(tagger.row(of:)).filter { $0 >= 0 }.sorted()
                let actual = features.rows[Int(features.starts[position])..<Int(features.starts[position + 1])].sorted()
                #expect(actual == expected, "\(fixture.line) position \(position): script has \(names)")
            }
        }
    }

    @Test func labelsPeopleAndPlacesInContext() throws {
        let recognizer = try recognizer
        let text = recognizer.makeText(DocumentText("记者王芳昨天在北京说，诸葛亮和欧阳娜娜都来了。"))
        let tagging = try #require(recognizer.taggerLabels(text))
        let people = recognizer.spans(tagging.labels, begin: .beginPerson, inside: .insidePerson).map(text.string)
        let places = recognizer.spans(tagging.labels, begin: .beginPlace, inside: .insidePlace).map(text.string)
        #expect(people == ["王芳", "诸葛亮", "欧阳娜娜"])
        #expect(places == ["北京"])
        #expect(tagging.confidence.allSatisfy { $0 > 0 && $0 <= 1.0001 })
    }

    @Test func decodesTheBestPathOfATinyModel() throws {
        // Two features: 王 begins a person, 芳 continues one; O → I-PER is forbidden.
        let folder = TemporaryFolder()
        let path = folder.write(
            "crf.tsv",
            """
            # labels\tO\tB-PER\tI-PER\tB-LOC\tI-LOC\tB-ORG\tI-ORG
            >\t0\t2\t-20
            U0:王\t1:3.0
            U0:芳\t2:3.0
            b\t0:1.0

            """)
        let tagger = try NameTagger.read(path)
        var features = tagger.features()
        for character in "说王芳好".unicodeScalars {
            features.append(row: tagger.row(of: NameTagger.key(.bias)))
            features.append(row: tagger.row(of: NameTagger.key(.char0, character)))
            features.endPosition()
        }
        let decoded = tagger.decode(features)
        #expect(decoded.labels == [.outside, .beginPerson, .insidePerson, .outside])
        #expect(decoded.confidence[1] > 0.5)
    }

    @Test func rejectsAMalformedModelWithItsLine() throws {
        let directory = TemporaryFolder()
        let badWeight = directory.write("weight.tsv", "# tagger\nU0:王\t1:3.0\nU0:芳\t9:1.0\n")
        #expect(throws: ConfigurationError.self) { try NameTagger.read(badWeight) }
        do { _ = try NameTagger.read(badWeight) } catch {
            #expect(error.description.contains("weight.tsv:3:"), "\(error.description)")
            #expect(!error.description.contains("芳"), "a model error must not echo the model's text")
        }
        let unknownTemplate = directory.write("template.tsv", "Z9:王\t1:3.0\n")
        #expect(throws: ConfigurationError.self) { try NameTagger.read(unknownTemplate) }
        let empty = directory.write("empty.tsv", "# nothing\n")
        #expect(throws: ConfigurationError.self) { try NameTagger.read(empty) }
        // A weight is a whole number: not followed by anything, not preceded by a space.
        for (name, row) in [("trailing.tsv", "U0:王\t1:3.0x"), ("word.tsv", "U0:王\t1:abc"), ("space.tsv", "U0:王\t1:\u{0B}3.0"), ("colon.tsv", "U0:王\t1:")] {
            let model = directory.write(name, "b\t0:1.0\n" + row + "\n")
            #expect(throws: ConfigurationError.self, "\(row)") { try NameTagger.read(model) }
            do { _ = try NameTagger.read(model) } catch { #expect(error.description.contains("\(name):2:"), "\(error.description)") }
        }
        // A byte that is not UTF-8 is named by its line and column, for a model as for a places file.
        let binary = directory.write("binary.tsv", "")
        _ = FileManager.default.createFile(atPath: binary, contents: Data("b\t0:1.0\nU0:".utf8 + [0xFF] + Data("\t1:3.0\n".utf8)))
        do { _ = try NameTagger.read(binary); Issue.record("a model that is not UTF-8 was read") } catch {
            #expect(error.description.contains("binary.tsv:2:4: error: the name tagger is not UTF-8 text"), "\(error.description)")
        }
        _ = FileManager.default.createFile(atPath: binary, contents: Data("x\tcountry\t\t".utf8 + [0xFF] + Data("\t\t\n".utf8)))
        do { _ = try Gazetteer(contentsOf: binary); Issue.record("a places file that is not UTF-8 was read") } catch {
            #expect(error.description.contains("binary.tsv:1:12: error: the places file is not UTF-8 text"), "\(error.description)")
        }
        // A place's parent must exist and sit above it, so no place is its own ancestor (a lineage
        // that came round again would never end).
        let places = directory.write(
            "places.tsv",
            "cn\tcountry\t\t中国\t\tChina\njx\tprovince\tcn\t江西省\t江西\tJiangxi\nloop\tprovince\tloop2\t甲\t\t\nloop2\tcounty\tloop\t乙\t\t\nlost\tcounty\tnowhere\t丙\t\t\n")
        do { _ = try Gazetteer(contentsOf: places); Issue.record("a places file with a cycle was read") } catch {
            #expect(error.description.contains("place loop (entry 3) has a parent at its own level or below (county)"), "\(error.description)")
            #expect(error.description.contains("place lost (entry 5) names a parent that is not in the file"), "\(error.description)")
            #expect(!error.description.contains("place jx"), "\(error.description)")
        }
        // The last line needs no line break.
        let unterminated = directory.write("last.tsv", "U0:王\t1:3.0 2:-1.5")
        #expect(throws: Never.self) { try NameTagger.read(unterminated) }
    }
}
