import Foundation
import Testing

@testable import VeilCore

/// Hand-written forum and transcript lines, each with exactly what must be found (text and entity)
/// under the default policy — and nothing else.
@Suite struct HandwrittenCasesTests {
    struct Case: Decodable, CustomTestStringConvertible {
        let text: String
        let find: [[String]]
        var testDescription: String { text }
    }

    static let cases: [Case] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/identifiers-handwritten.jsonl")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { try? JSONDecoder().decode(Case.self, from: Data($0.utf8)) }
    }()

    @Test func fixtureLoads() { #expect(Self.cases.count >= 40) }

    @Test(arguments: cases)
    func findsExactlyWhatIsListed(_ example: Case) throws {
        let found = try Shipped.found(example.text, engine: Shipped.engine())
        #expect(found.map { [$0.text, $0.entity.rawValue] } == example.find)
    }
}
