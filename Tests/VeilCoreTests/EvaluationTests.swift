import Testing

@testable import VeilCore

@Suite struct EvaluationTests {
    private func finding(_ start: Int, _ end: Int, _ entity: EntityType) -> Finding {
        Finding(start: start, end: end, entity: entity, score: 1, plugin: "p", rule: "r", line: 1, column: start + 1, utf8Range: start..<end)
    }

    @Test func countsExactAndOverlappingMatchesPerEntity() {
        var evaluation = Evaluation()
        let gold = GoldDocument(
            id: "d", text: "卢立兵在赣州市于都县，王芳也在。",
            spans: [
                .init(start: 0, end: 3, entity: .person), .init(start: 4, end: 10, entity: .location), .init(start: 11, end: 13, entity: .person)
            ])
        // Exact person, a location split in two (overlapping, not exact), a missed person, a spurious one.
        evaluation.add(
            gold, findings: [finding(0, 3, .person), finding(4, 7, .location), finding(7, 10, .location), finding(14, 15, .person)],
            entities: nil, examplesPerKind: 5)
        let person = evaluation.counts[.person]!, location = evaluation.counts[.location]!
        #expect(person.gold == 2 && person.predicted == 2 && person.exact == 1)
        #expect(person.exactPrecision == 0.5 && person.exactRecall == 0.5)
        #expect(location.exact == 0 && location.goldOverlapped == 1 && location.predictedOverlapping == 2)
        #expect(location.overlapPrecision == 1 && location.overlapRecall == 1 && location.exactF1 == 0)
        #expect(evaluation.examples.map(\.span) == ["王芳", "在"])
        #expect(evaluation.examples.first?.kind == .missed && evaluation.examples.first?.before == "卢立兵在赣州市于都县，")
    }

    @Test func aWrittenChainOfPlacesCountsAsOnePlaceWhenAsked() {
        // Gold marks 赣州市于都县 whole; the findings cut it at 赣州市|于都县, and name 王芳 a place.
        let gold = GoldDocument(id: "d", text: "卢立兵在赣州市于都县，王芳也在。", spans: [.init(start: 4, end: 10, entity: .location)])
        let findings = [finding(4, 7, .location), finding(7, 10, .location), finding(11, 13, .location)]
        var split = Evaluation(), chains = Evaluation()
        split.add(gold, findings: findings, entities: nil, examplesPerKind: 5)
        chains.add(gold, findings: findings, entities: nil, examplesPerKind: 5, placeChains: true)
        #expect(split.counts[.location]!.exact == 0 && split.counts[.location]!.predicted == 3)
        #expect(chains.counts[.location]!.exact == 1 && chains.counts[.location]!.predicted == 2)
    }

    @Test func entityFilterIgnoresOtherTypes() {
        var evaluation = Evaluation()
        let gold = GoldDocument(id: "d", text: "abc", spans: [.init(start: 0, end: 1, entity: .person)])
        evaluation.add(gold, findings: [finding(1, 2, .location)], entities: [.person], examplesPerKind: 5)
        #expect(evaluation.counts.keys.sorted() == [.person])
        #expect(evaluation.total.predicted == 0)
    }
}
