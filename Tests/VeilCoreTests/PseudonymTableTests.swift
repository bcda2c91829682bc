import Testing
@testable import VeilCore

/// The run's pseudonym table: one surrogate per original, never shared, and no endless redraws.
@Suite struct PseudonymTableTests {
    @Test func sameOriginalSameSurrogateAndNeverShared() throws {
        let table = PseudonymTable()
        // Every original draws "x" first: the second original must move on to its next draw.
        let draw = { (original: String) in { (attempt: Int) in attempt == 0 ? "x" : "\(original)-\(attempt)" } }
        let a = try table.surrogate(entity: .person, canonical: "a", draw: draw("a"))
        let b = try table.surrogate(entity: .person, canonical: "b", draw: draw("b"))
        #expect(a == "x" && b == "b-1")
        #expect(try table.surrogate(entity: .person, canonical: "b", draw: draw("b")) == "b-1")
        #expect(try table.surrogate(entity: .person, canonical: "a", draw: draw("a")) == "x")
        // Another entity has its own space.
        #expect(try table.surrogate(entity: .location, canonical: "b", draw: draw("b")) == "x")
        #expect(table.count == 3)
    }

    @Test func aGeneratorWithNothingElseToGiveStopsAfter64Draws() throws {
        let table = PseudonymTable()
        var draws = 0
        let surrogate = try table.surrogate(entity: .person, canonical: "same") { _ in draws += 1; return "same" }
        #expect(surrogate == "same" && draws == 64)
    }
}
