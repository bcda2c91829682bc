import Testing

@testable import VeilCore

@Suite struct ResolutionTests {
    private func detection(_ range: Range<Int>, _ score: Double, plugin: String = "p", entity: EntityType = .phoneNumber) -> Detection {
        Detection(range: range, entity: entity, score: score, pluginID: plugin, rule: "r", canonical: "x")
    }

    private let bytes = Array(String(repeating: "a", count: 64).utf8)

    @Test func containedGivesWayThenHigherScoreThenLongerSpanThenPriorityWins() {
        let resolution = Resolution(thresholds: [:], defaultThreshold: 0.5, allow: [], priorities: ["high": 5])
        // 5..<8 lies inside 0..<10: the longer span hides more, whatever the scores. 50..<56 and 54..<60 cross: the higher score wins.
        let kept = resolution.resolve(
            [
                detection(0..<10, 0.6), detection(5..<8, 0.9), detection(20..<30, 0.7), detection(20..<25, 0.7),
                detection(40..<45, 0.7, plugin: "low"), detection(40..<45, 0.7, plugin: "high"),
                detection(50..<56, 0.6), detection(54..<60, 0.8)
            ], in: bytes)
        #expect(kept.map(\.range) == [0..<10, 20..<30, 40..<45, 54..<60])
        #expect(kept[2].pluginID == "high")
    }

    @Test func anAddressRemembersThePlacesInsideIt() {
        let resolution = Resolution(thresholds: [:], defaultThreshold: 0.5, allow: [], priorities: [:])
        let kept = resolution.resolve(
            [
                detection(0..<30, 0.8, plugin: "address", entity: .address),
                Detection(range: 0..<9, entity: .location, score: 0.9, pluginID: "location-cn", rule: "r", canonical: "420100"),
                Detection(range: 9..<18, entity: .location, score: 0.9, pluginID: "location-cn", rule: "r", canonical: "420103")
            ], in: bytes)
        #expect(kept.count == 1)
        #expect(kept.first?.facts.places == [PlaceReference(pluginID: "location-cn", placeID: "420100"), PlaceReference(pluginID: "location-cn", placeID: "420103")])
    }

    @Test func resultDoesNotDependOnRecognizerOrder() {
        let resolution = Resolution(thresholds: [:], defaultThreshold: 0.5, allow: [], priorities: [:])
        let detections = [detection(0..<10, 0.7, plugin: "b"), detection(0..<10, 0.7, plugin: "a"), detection(3..<12, 0.7, plugin: "c")]
        let forward = resolution.resolve(detections, in: bytes)
        let backward = resolution.resolve(detections.reversed(), in: bytes)
        #expect(forward == backward)
        #expect(forward.map(\.pluginID) == ["a"])
    }

    @Test func thresholdsPerEntity() {
        let resolution = Resolution(thresholds: [.qqNumber: 0.9], defaultThreshold: 0.5, allow: [], priorities: [:])
        let kept = resolution.resolve([detection(0..<5, 0.6), detection(10..<15, 0.8, entity: .qqNumber), detection(20..<25, 0.4)], in: bytes)
        #expect(kept.map(\.range) == [0..<5])
    }

    @Test func policyAllowAndDenyLists() throws {
        var policy = Policy(name: "t", path: "t.yaml", plugins: ["email"])
        policy.allow = ["press@example.org"]
        policy.deny = [.person: ["卢立兵"]]
        let engine = try Shipped.engine(policy: policy)
        let found = try Shipped.found("联系press@example.org或lily@163.com，卢立兵说", engine: engine)
        #expect(found.map(\.text) == ["lily@163.com", "卢立兵"])
        #expect(found.last?.entity == .person)
    }
}
