import Foundation
import Testing
import VeilTestSupport

@testable import VeilCore

/// Field rules: paths, which rule a value gets, the policy syntax, and a record analyzed as one.
@Suite struct FieldRulesTests {
    @Test func pathsParseAndMatch() throws {
        let replies = try FieldPath("$.replies[*].text")
        #expect(replies.patterns == [.key("replies"), .anyIndex, .key("text")])
        #expect(replies.matchedLength(of: [.key("replies"), .index(3), .key("text")]) == 3)
        #expect(replies.matchedLength(of: [.key("replies"), .key("3"), .key("text")]) == nil)
        #expect(try FieldPath("$['odd key'][0]").patterns == [.key("odd key"), .index(0)])
        #expect(try FieldPath("$.*.name").matchedLength(of: [.key("author"), .key("name"), .key("first")]) == 2)
        #expect(try FieldPath("post id").patterns == [.key("post id")])
        #expect(FieldPath.render([.key("replies"), .index(0), .key("odd key")]) == "$.replies[0]['odd key']")
        for (bad, offset) in [("$.", 2), ("$.a[", 4), ("$.a[x]", 4), ("$x", 1), ("$", 1), ("$['a]", 5)] {
            #expect(throws: FieldPathError.self, "\(bad)") { try FieldPath(bad) }
            do { _ = try FieldPath(bad) } catch { #expect(error.offset == offset, "\(bad): \(error.message)") }
        }
    }

    @Test func theMostSpecificRuleWins() throws {
        let rules = FieldRules(
            entries: [
                FieldRuleEntry(path: try FieldPath("author"), rule: .drop),
                FieldRuleEntry(path: try FieldPath("$.author.name"), rule: .entity(.person)),
                FieldRuleEntry(path: try FieldPath("$.*.name"), rule: .keep)
            ], otherFields: .scan)
        #expect(rules.rule(for: [.key("author"), .key("name")]) == .entity(.person))
        #expect(rules.rule(for: [.key("author"), .key("ip")]) == .drop)
        #expect(rules.rule(for: [.key("editor"), .key("name")]) == .keep)
        #expect(rules.rule(for: [.key("text")]) == .scan)
    }

    @Test func policiesStateFieldRules() throws {
        let folder = TemporaryFolder()
        folder.write("base.yaml", "version: 1\nplugins: [phone-cn]\nfields:\n  id: keep\n  body: scan\n")
        let path = folder.write(
            "policy.yaml",
            """
            version: 1
            extends: base.yaml
            fields:
              author: {entity: PERSON}
              body: {scan: true}
              $.replies[*].ip: drop
              email: {hash: 12}
            other_fields: keep
            """)
        let fields = try PolicyReader.read(path: path, environment: [:]).fields
        #expect(fields.entries.map(\.path.description) == ["author", "body", "$.replies[*].ip", "email", "id"])
        #expect(fields.entries.map(\.rule) == [.entity(.person), .scan, .drop, .hash(length: 12), .keep])
        #expect(fields.otherFields == .keep)
    }

    @Test func badFieldRulesNameLineAndColumn() throws {
        let folder = TemporaryFolder()
        let path = folder.write(
            "policy.yaml",
            """
            version: 1
            plugins: [phone-cn]
            fields:
              $.a[: keep
              body: shred
              name: {entity: person}
              note: {scan: true, keep: true}
            other_fields: {entity: PERSON}
            """)
        #expect(throws: ConfigurationError.self) { try PolicyReader.read(path: path, environment: [:]) }
        do { _ = try PolicyReader.read(path: path, environment: [:]) } catch {
            let messages = error.diagnostics.map { $0.description.replacingOccurrences(of: folder.path + "/", with: "") }
            #expect(messages.contains("policy.yaml:4:3: error: field path '$.a[': unclosed '[' (at character 5)"))
            #expect(messages.contains { $0.hasPrefix("policy.yaml:5:9: error: unknown field rule 'shred'") })
            #expect(messages.contains("policy.yaml:6:18: error: entity 'person' must be UPPER_SNAKE_CASE"))
            #expect(messages.contains("policy.yaml:7:9: error: a field rule has exactly one of: scan, entity, hash, keep, drop"))
            #expect(messages.contains { $0.hasPrefix("policy.yaml:8:15: error: 'other_fields' cannot make every field one entity") })
        }
    }

    @Test func aRecordIsAnalyzedAsOne() throws {
        let policy = Policy(
            name: "t", path: "t.yaml", plugins: ["person-zh", "phone-cn"],
            rules: [.person: EntityRule(action: .replace(template: "[P{n}]")), .phoneNumber: EntityRule(action: .redact)])
        let anonymizer = Anonymizer(engine: try Engine(policy: policy, catalog: Shipped.catalog, key: Shipped.key))
        let result = try anonymizer.anonymize(record: [
            RecordValue("小猫咪", rule: .entity(.person)), // a screen name no recognizer knows
            RecordValue("42", rule: .keep),
            RecordValue("我是小猫咪，电话13812345678。卢先生也在。", rule: .scan),
            RecordValue("卢立兵", rule: .entity(.person)),
            RecordValue("secret", rule: .drop),
            RecordValue("a@b.c", rule: .hash(length: 6))
        ])
        #expect(result.texts[0] == "[P1]")
        #expect(result.texts[1] == "42")
        // The screen name where the text repeats it, and 卢先生 linked to 卢立兵 in another field.
        #expect(result.texts[2] == "我是[P1]，电话。[P2]也在。")
        #expect(result.texts[3] == "[P2]")
        #expect(result.texts[4] == nil)
        #expect(result.texts[5]?.count == 6 && result.texts[5] != "a@b.c")
        #expect(result.findings[2].map(\.entity) == [.person, .phoneNumber, .person])
        #expect(result.findings[2].first.map { ($0.start, $0.end) }! == (2, 5), "offsets are into the value")
    }

    /// A screen name's holder is one person wherever the text names them: with an @ (@深圳打工仔,
    /// @小猫咪2019), by the name inside it (阿花 of 阿花不是花) in this record and in others; the
    /// name inside is the whole pseudonym, no character of it kept.
    @Test func aScreenNameIsItsHolderWithAnAtAndByTheNameInsideIt() throws {
        let policy = Policy(
            name: "t", path: "t.yaml", plugins: ["person-zh", "social-handle"],
            rules: [.person: EntityRule(action: .pseudonymize(keep: []))])
        let anonymizer = Anonymizer(engine: try Engine(policy: policy, catalog: Shipped.catalog, key: Shipped.key))
        let authors = ["深圳打工仔", "小猫咪2019", "阿花不是花"]
        let known = try anonymizer.knownValues(authors.map { ($0, EntityType.person) })
        for author in authors {
            let result = try anonymizer.anonymize(
                record: [
                    RecordValue(author, rule: .entity(.person)),
                    RecordValue("@\(author) 你好。\(author)是我。", rule: .scan)
                ], known: known)
            let pseudonym = try #require(result.texts[0])
            #expect(result.texts[1] == "@\(pseudonym) 你好。\(pseudonym)是我。", "\(author)")
        }
        let own = try anonymizer.anonymize(record: [RecordValue("阿花不是花", rule: .entity(.person)), RecordValue("阿花说得对", rule: .scan)], known: known)
        let other = try anonymizer.anonymize(record: [RecordValue("李娜", rule: .entity(.person)), RecordValue("回复阿花：同意", rule: .scan)], known: known)
        let pseudonym = try #require(own.texts[0])
        #expect(own.texts[1] == "\(pseudonym)说得对")
        #expect(other.texts[1] == "回复\(pseudonym)：同意")
        #expect(!(own.texts[1]! + other.texts[1]!).contains("花"))
    }

    /// QQ numbers and WeChat IDs, redacted: what the record tests below look for.
    private func contactsAnonymizer() throws -> Anonymizer {
        let policy = Policy(
            name: "t", path: "t.yaml", plugins: ["qq", "wechat"],
            rules: [.qqNumber: EntityRule(action: .redact), .wechatID: EntityRule(action: .redact)])
        return Anonymizer(engine: try Engine(policy: policy, catalog: Shipped.catalog, key: Shipped.key))
    }

    /// A field named as one side of an exchange holds what the other sides beside it hold.
    @Test func aFieldNamedAsOneSideOfAnExchangeReadsAsItsCounterpart() throws {
        let anonymizer = try contactsAnonymizer()
        let chat = try anonymizer.anonymize(record: [
            RecordValue("lina_1990", rule: .scan, name: "$.msg.sender_wechat"),
            RecordValue("zw-8812", rule: .scan, name: "$.msg.receiver"),
            RecordValue("ok_thanks", rule: .scan, name: "$.msg.text"),
            RecordValue("lucky_cat", rule: .scan, name: "$.meta.to")
        ])
        #expect(chat.findings[0].map(\.entity) == [.wechatID])
        #expect(chat.findings[1].map(\.entity) == [.wechatID], "the receiver beside a sender's WeChat ID")
        #expect(chat.findings[2].isEmpty, "not a side of the exchange")
        #expect(chat.findings[3].isEmpty, "another object's field")
        let transfer = try anonymizer.anonymize(record: [
            RecordValue("402513324", rule: .scan, name: "付款方QQ"),
            RecordValue("508812733", rule: .scan, name: "收款方"),
            RecordValue("20230501", rule: .scan, name: "日期")
        ])
        #expect(transfer.findings[1].map(\.entity) == [.qqNumber])
        #expect(transfer.findings[2].isEmpty)
    }

    /// A field's name is context for its value, as a table column's header is for its cells: a
    /// bare QQ number or WeChat ID in a field called QQ or 微信 is one; the same number in a field
    /// called order_no is not.
    @Test func aFieldsNameIsContextForItsValue() throws {
        let anonymizer = try contactsAnonymizer()
        let result = try anonymizer.anonymize(record: [
            RecordValue("12345678", rule: .scan, name: "QQ"),
            RecordValue("zhangwei_88", rule: .scan, name: "$.contact.wechat"),
            RecordValue("123456789", rule: .scan, name: "order_no"),
            RecordValue("lina1990", rule: .scan, name: "city")
        ])
        #expect(result.findings[0].map(\.entity) == [.qqNumber])
        #expect(result.findings[1].map(\.entity) == [.wechatID])
        #expect(result.findings[2].isEmpty && result.findings[3].isEmpty)
    }

    /// A field named for free text (text, body, message) says nothing of what its words are: a
    /// number that scanning the same words as plain text passes over is passed over in it too.
    @Test func aFreeTextFieldsNameIsNoContext() throws {
        let policy = Policy(name: "t", path: "t.yaml", plugins: ["phone-intl"], rules: [.phoneNumber: EntityRule(action: .redact)])
        let anonymizer = Anonymizer(engine: try Engine(policy: policy, catalog: Shipped.catalog, key: Shipped.key))
        // Not a number libphonenumber's plan allows: a phone only beside a phone word, as "text" is.
        let words = "Tickets sold out. Ref +999 1234 5678"
        #expect(try anonymizer.engine.scan(words).isEmpty)
        #expect(try anonymizer.engine.scan(words + " or text me").count == 1)
        for name in ["text", "$.post.body", "message"] {
            let result = try anonymizer.anonymize(record: [RecordValue(words, rule: .scan, name: name)])
            #expect(result.findings[0].isEmpty, "\(name)")
        }
        #expect(try anonymizer.anonymize(record: [RecordValue(words, rule: .scan, name: "phone")]).findings[0].count == 1)
        #expect(RecordValue.labels(of: [RecordValue(words, rule: .scan, name: "$.post.text"), RecordValue("1", rule: .scan, name: "phone")]) == [nil, "phone"])
    }
}
