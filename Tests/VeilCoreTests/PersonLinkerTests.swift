import Testing

@testable import VeilCore

/// A shorter mention (卢先生, 老卢) takes the canonical value of the nearest full name before it in
/// the document, else of the latest one named in the documents before, else of the first after it.
@Suite struct PersonLinkerTests {
    /// A mention at `offset`: a full name (卢立兵) or a surname with a title (卢先生).
    private func mention(_ text: String, at offset: Int, form: PersonForm) -> Detection {
        Detection(
            range: offset..<offset + text.utf8.count, entity: .person, score: 0.9, pluginID: "person-zh", rule: form.rawValue,
            canonical: text, facts: MentionFacts(personForm: form, surname: String(text.prefix(1))))
    }

    @Test func aFormOfAddressTakesTheNearestFullNameBeforeIt() {
        // Many people of one surname, as a long document names them: every 卢先生 between two full
        // names is the earlier one's, and one before them all is the first's.
        var detections = [mention("卢先生", at: 0, form: .title)]
        var expected = ["卢立0"]
        for person in 0..<300 {
            detections.append(mention("卢立\(person)", at: 100 * person + 10, form: .full))
            expected.append("卢立\(person)")
            for extra in 0..<person % 3 {
                detections.append(mention("卢先生", at: 100 * person + 40 + 10 * extra, form: .title))
                expected.append("卢立\(person)")
            }
        }
        #expect(PersonLinker.link(detections).map(\.canonical) == expected)
    }

    @Test func aFormOfAddressBeforeAnyFullNameTakesTheLatestOfTheDocumentsBefore() {
        var known = KnownPeople()
        known.note(mention("卢明", at: 0, form: .full))
        let detections = [mention("卢先生", at: 0, form: .title), mention("卢立兵", at: 20, form: .full), mention("卢先生", at: 40, form: .title)]
        #expect(PersonLinker.link(detections, known: known).map(\.canonical) == ["卢明", "卢立兵", "卢立兵"])
    }
}
