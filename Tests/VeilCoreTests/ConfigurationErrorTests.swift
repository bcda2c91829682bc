import Foundation
import Testing
import VeilTestSupport

@testable import VeilCore
@testable import VeilRecognizers

/// Bad manifests and policies: every problem reported with its file, line and column.
@Suite struct ConfigurationErrorTests {
    private func manifestErrors(_ yaml: String, folder: String = "demo", extraFiles: [String: String] = [:]) -> [String] {
        let temp = TemporaryFolder()
        temp.write("\(folder)/plugin.yaml", yaml)
        for (name, contents) in extraFiles { temp.write(name, contents) }
        do {
            _ = try PluginCatalog.load(from: [(.directory(temp.path), temp.path)], code: .builtin)
            return []
        } catch {
            return error.diagnostics.map { $0.description.replacingOccurrences(of: temp.path + "/", with: "") }
        }
    }

    @Test func badRegexIsReportedWhereItIsWritten() {
        let errors = manifestErrors(
            """
            id: demo
            entities: [DEMO]
            patterns:
              - name: broken
                regex: 'abc(def'
            """)
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("demo/plugin.yaml:5:12: error: the regex does not compile: missing closing parenthesis") == true)
    }

    @Test func anAnchorIsCheckedLikeARegex() {
        let errors = manifestErrors(
            """
            id: demo
            entities: [DEMO]
            patterns:
              - name: anchored
                regex: '[0-9]+号'
                anchor: '号('
              - name: both
                regex: '[0-9]+号'
                anchor: '号'
                digits: 2
            """)
        #expect(errors.contains { $0.hasPrefix("demo/plugin.yaml:6:13: error: the anchor does not compile: missing closing parenthesis") })
        #expect(errors.contains { $0.hasPrefix("demo/plugin.yaml:7:5: error: a pattern takes 'digits' or 'anchor', not both") })
    }

    @Test func anAnchoredPatternFindsWhatTheWholeTextWouldGive() throws {
        let temp = TemporaryFolder()
        temp.write(
            "demo/plugin.yaml",
            """
            id: demo
            entities: [DEMO]
            patterns:
              - name: room
                regex: '\\p{sc=Han}{1,6}?[0-9]+号'
                anchor: '[0-9]号'
            """)
        let catalog = try PluginCatalog.load(from: [(.directory(temp.path), temp.path)], code: .builtin)
        let recognizer = try #require(try catalog["demo"]?.makeRecognizer() as? PatternRecognizer)
        // An anchor 200 bytes into a line: the match starts within the window before it, and a
        // number with no 号 is never tried.
        let text = String(repeating: "一", count: 70) + "，住在花园路12号，电话123456"
        let found = try recognizer.recognize(DocumentText(text)).map { String(text.utf8.dropFirst($0.range.lowerBound).prefix($0.range.count))! }
        #expect(found == ["住在花园路12号"])
    }

    @Test func everyProblemInOnePass() {
        let errors = manifestErrors(
            """
            id: Demo_Plugin
            entities: [DEMO]
            colour: blue
            patterns:
              - regex: '[0-9]+'
                validate: no-such-check
                score: 7
            """)
        #expect(errors.contains { $0.contains("plugin.yaml:1:5: error: plugin id 'Demo_Plugin' must be kebab-case") })
        #expect(errors.contains { $0.contains("plugin.yaml:3:1: error: unknown key 'colour'") })
        #expect(errors.contains { $0.contains("plugin.yaml:6:15: error: unknown validator 'no-such-check'") })
        #expect(errors.contains { $0.contains("plugin.yaml:7:12: error: 'score' must be between 0.0 and 1.0") })
    }

    @Test func dataFilesMustStayInsideThePluginFolder() {
        let errors = manifestErrors(
            """
            id: demo
            entities: [LOCATION]
            lexicons:
              - file: ../secrets.txt
            """, extraFiles: ["secrets.txt": "x\n"])
        #expect(errors == ["demo/plugin.yaml:4:11: error: data file '../secrets.txt' must be inside the plugin folder"])
    }

    @Test func lexiconPluginsLoadTheirWordFiles() throws {
        let temp = TemporaryFolder()
        temp.write(
            "places/plugin.yaml",
            """
            id: places
            entities: [LOCATION]
            lexicons:
              - {name: cities, file: cities.txt, score: 0.9}
            examples:
              match: [{text: "我在赣州", find: ["赣州"]}, "Ganzhou is in Jiangxi"]
              no_match: ["Ganzhouese"]
            """)
        temp.write("places/cities.txt", "# cities\n赣州\nGanzhou\tganzhou\nJiangxi\n")
        let catalog = try PluginCatalog.load(from: [(.directory(temp.path), temp.path)], code: .builtin)
        let plugin = try #require(catalog["places"])
        #expect(plugin.lexiconEntries.count == 3)
        #expect(PluginExamples.check(plugin, in: catalog).isEmpty)
    }

    /// `case: capitalized` finds a word as written or in capitals (Polish, POLISH; not polish,
    /// nor a sentence's pOLISH); Chinese words in the same list are found as always.
    @Test func capitalizedLexiconsSkipLowerCaseWords() throws {
        let temp = TemporaryFolder()
        temp.write(
            "groups/plugin.yaml",
            """
            id: groups
            entities: [NRP]
            lexicons:
              - {file: words.txt, case: capitalized}
            examples:
              match: [{text: "a Polish firm, a POLISH firm, 维吾尔族", find: ["Polish", "POLISH", "维吾尔族"]}]
              no_match: ["polish the shoes", "pOLISH"]
            """)
        temp.write("groups/words.txt", "Polish\n维吾尔族\n")
        let catalog = try PluginCatalog.load(from: [(.directory(temp.path), temp.path)], code: .builtin)
        let plugin = try #require(catalog["groups"])
        #expect(plugin.lexiconEntries.allSatisfy { $0.capitalizedOnly })
        #expect(PluginExamples.check(plugin, in: catalog).isEmpty)
    }

    @Test func lexiconCaseIsAnyOrCapitalized() {
        let errors = manifestErrors(
            """
            id: demo
            entities: [NRP]
            lexicons:
              - {file: words.txt, case: upper}
            """, extraFiles: ["demo/words.txt": "Polish\n"])
        #expect(errors == ["demo/plugin.yaml:4:29: error: 'case' is 'any' or 'capitalized', not 'upper'"])
    }

    /// An anchor that misses part of what its pattern finds is caught by the plugin's own
    /// examples: they are matched with the windows and over the whole text, and must agree.
    @Test func examplesCatchAnAnchorThatMissesMatches() throws {
        let temp = TemporaryFolder()
        temp.write(
            "ticket/plugin.yaml",
            """
            id: ticket
            entities: [TICKET]
            patterns:
              - {name: ticket, regex: 'T-[0-9]{4}|ticket [A-Z]{4}', anchor: 'T-'}
            examples:
              match: ["see T-1234", "see ticket ABCD"]
              no_match: ["nothing here"]
            """)
        let catalog = try PluginCatalog.load(from: [(.directory(temp.path), temp.path)], code: .builtin)
        let failures = PluginExamples.check(try #require(catalog["ticket"]), in: catalog).map(\.description)
        #expect(failures.contains { $0.contains("ticket ABCD") && $0.contains("windows do not") }, "\(failures)")
        #expect(!failures.contains { $0.contains("T-1234") })
    }

    @Test func folderAndIdMustAgree() {
        let errors = manifestErrors("id: other\nentities: [DEMO]\npatterns: [{regex: 'x'}]\n")
        #expect(errors == ["demo/plugin.yaml: error: the plugin id 'other' differs from its folder name 'demo'"])
    }

    /// A manifest and a plugin registered in code name a generator the same way, and hear the same
    /// thing when none has that id.
    @Test func unknownSurrogateIsReportedAlikeForManifestsAndCode() throws {
        let errors = manifestErrors("id: demo\nentities: [DEMO]\npatterns: [{regex: 'x'}]\nsurrogate: nope\n")
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("demo/plugin.yaml:4:12: error: unknown surrogate 'nope'; expected one of: ") == true)
        #expect(errors.first?.contains("phone-cn") == true)
        #expect {
            _ = try Shipped.catalog.adding(id: "demo", entities: ["DEMO"], surrogate: "nope") { LexiconRecognizer(pluginID: "demo", entries: []) }
        } throws: { error in
            "\(error)" == "code:demo: error: " + (errors.first ?? "").components(separatedBy: " error: ").dropFirst().joined(separator: " error: ")
        }
    }

    @Test func compiledRecognizersAreFoundByID() throws {
        struct Shouting: Recognizer {
            let pluginID: String
            func recognize(_ document: DocumentText) throws -> [Detection] {
                document.bytes.starts(with: Array("HEY".utf8))
                    ? [Detection(range: 0..<3, entity: "SHOUT", score: 1, pluginID: pluginID, rule: "hey", canonical: "HEY")] : []
            }
        }
        let temp = TemporaryFolder()
        temp.write("shout/plugin.yaml", "id: shout\nentities: [SHOUT]\nrecognizer: shouting\nexamples: {match: [HEY you, HEY there], no_match: [hey]}\n")
        var code = PluginCode.builtin
        code.register(recognizer: "shouting") { input in Shouting(pluginID: input.manifest.id) }
        let catalog = try PluginCatalog.load(from: [(.directory(temp.path), temp.path)], code: code)
        #expect(PluginExamples.check(try #require(catalog["shout"]), in: catalog).isEmpty)
        #expect(throws: ConfigurationError.self) { try PluginCatalog.load(from: [(.directory(temp.path), temp.path)], code: .builtin) }
    }

    private func policyErrors(_ yaml: String, files: [String: String] = [:]) -> [String] {
        let temp = TemporaryFolder()
        let path = temp.write("policy.yaml", yaml)
        for (name, contents) in files { temp.write(name, contents) }
        do {
            let policy = try PolicyReader.read(path: path, environment: [:])
            _ = try Engine(policy: policy, catalog: Shipped.catalog, environment: [:])
            return []
        } catch {
            return error.diagnostics.map { $0.description.replacingOccurrences(of: temp.path + "/", with: "") }
        }
    }

    @Test func policyErrorsNameLineAndColumn() {
        let errors = policyErrors(
            """
            version: 1
            plugins: [phone-cn, no-such-plugin]
            threshold: 2
            entities:
              PHONE_NUMBER: {action: scramble}
              BANK_CARD: {action: mask, with: "x"}
            pseudonyms: {key: my-secret}
            """)
        #expect(errors.contains("policy.yaml:3:12: error: 'threshold' must be between 0.0 and 1.0, not 2"))
        #expect(errors.contains { $0.hasPrefix("policy.yaml:5:26: error: unknown action 'scramble'") })
        #expect(errors.contains("policy.yaml:6:35: error: 'with' does not apply to action 'mask'"))
        #expect(errors.contains("policy.yaml:7:19: error: 'key' must be env:NAME or file:PATH (the key itself never goes in a policy)"))
    }

    @Test func unknownPluginIsReportedAtItsPlace() {
        let errors = policyErrors("version: 1\nplugins: [phone-cn, no-such-plugin]\n")
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("policy.yaml:2:21: error: unknown plugin 'no-such-plugin'; available: address, age, bank-card,") == true)
    }

    /// The facets a policy keeps are checked against the generators of its catalog's plugin code
    /// (the policy reader does not know them): a misspelt one is reported where it is written.
    @Test func unknownFacetIsReportedAtItsPlace() {
        let policy = "version: 1\nplugins: [phone-cn, id-cn]\nentities:\n  PHONE_NUMBER: {action: pseudonymize, keep: [segment]}\n"
        #expect(policyErrors(policy).isEmpty)
        let errors = policyErrors(policy.replacingOccurrences(of: "[segment]", with: "[segment, segmant]"))
        #expect(
            errors == [
                "policy.yaml:4:56: error: unknown facet 'segmant' to keep; expected one of: area, birth-date, birth-year, city, issuer, province, segment, sex"
            ])
    }

    @Test func yamlSyntaxErrorHasAPosition() {
        let errors = policyErrors("version: 1\nplugins: [phone-cn\n")
        #expect(errors.count == 1)
        #expect(errors.first?.range(of: #"^policy\.yaml:\d+:\d+: error: invalid YAML"#, options: .regularExpression) != nil)
    }

    @Test func extendsInheritsAndOverrides() throws {
        let temp = TemporaryFolder()
        let path = temp.write(
            "child.yaml",
            """
            version: 1
            extends: default
            plugins: [qq, phone-cn]
            entities:
              QQ_NUMBER: redact
            allow: [中国]
            """)
        let policy = try PolicyReader.read(path: path, environment: [:])
        #expect(policy.plugins == ["qq", "phone-cn"])
        #expect(policy.rule(for: .qqNumber).action == .redact)
        #expect(policy.rule(for: .phoneNumber).action == .pseudonymize(keep: []), "inherited from default")
        #expect(policy.rule(for: .bankCard).action == .mask(character: "*", keepFirst: 0, keepLast: 4))
        #expect(policy.allow == ["中国"])
    }

    @Test func extendsCycleIsAnError() {
        let errors = policyErrors("version: 1\nextends: other.yaml\n", files: ["other.yaml": "version: 1\nextends: policy.yaml\nplugins: [qq]\n"])
        #expect(errors.contains { $0.contains("'extends' makes a cycle") })
    }

    @Test func keyFromEnvironmentAndFile() throws {
        let temp = TemporaryFolder()
        let keyFile = temp.write("veil.key", "0123456789abcdef0123\n")
        #expect(throws: Never.self) { try PseudonymKey(spec: .file(keyFile)) }
        #expect(throws: Never.self) { try PseudonymKey(spec: .environment("K"), environment: ["K": "a long enough secret value"]) }
        #expect { try PseudonymKey(spec: .environment("K"), environment: ["K": "short"]) } throws: { error in
            "\(error)" == "pseudonym key env:K: the key is shorter than 16 bytes"
        }
        let errors = policyErrors("version: 1\nplugins: [qq]\npseudonyms: {key: env:VEIL_TEST_UNSET_KEY}\n")
        #expect(errors == ["policy.yaml:3:19: error: pseudonym key env:VEIL_TEST_UNSET_KEY: the environment variable VEIL_TEST_UNSET_KEY is not set"])
    }
}
