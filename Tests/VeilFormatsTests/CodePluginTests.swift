import Foundation
import Testing
import VeilCore

/// A plugin written in Swift by a user of the library (only public API here: this file does not
/// import VeilCore as @testable), registered in code and selected by a policy like a built-in one.
@Suite struct CodePluginTests {
    /// Employee ids of one company: EMP- and six digits.
    struct EmployeeIDs: Recognizer {
        let pluginID = "employee-id"
        func recognize(_ document: DocumentText) throws -> [Detection] {
            let bytes = document.bytes, prefix = Array("EMP-".utf8)
            var found: [Detection] = []
            var index = 0
            while index + 10 <= bytes.count {
                let digits = bytes[(index + 4)..<(index + 10)]
                if bytes[index..<(index + 4)].elementsEqual(prefix), digits.allSatisfy({ (0x30...0x39).contains($0) }) {
                    found.append(Detection(range: index..<(index + 10), entity: "EMPLOYEE_ID", score: 0.9, pluginID: pluginID, rule: "emp",
                                           canonical: String(decoding: digits, as: UTF8.self)))
                    index += 10
                } else {
                    index += 1
                }
            }
            return found
        }
    }

    func policy(_ yaml: String) throws -> Policy {
        let path = NSTemporaryDirectory() + "veil-code-plugin-\(UUID().uuidString).yaml"
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return try PolicyReader.read(path: path, environment: [:])
    }

    @Test func aPolicySelectsACodePluginByIdAlongsideBuiltInOnes() throws {
        let catalog = try PluginCatalog.standard(environment: [:]).adding(id: "employee-id", entities: ["EMPLOYEE_ID"], summary: "EMP- ids") { EmployeeIDs() }
        #expect(catalog["employee-id"]?.origin == .code)
        let engine = try Engine(policy: try policy("""
            version: 1
            plugins: [employee-id, phone-cn]
            entities:
              EMPLOYEE_ID: {action: replace, with: "[EMPLOYEE]"}
              PHONE_NUMBER: {action: redact}
            """), catalog: catalog, key: PseudonymKey(secret: Array("a test key that is long enough".utf8)), environment: [:])
        let findings = try engine.scan("工号EMP-004217，电话13812345678")
        #expect(findings.map(\.entity) == ["EMPLOYEE_ID", .phoneNumber])
        #expect(findings.first?.plugin == "employee-id")
        #expect(try Anonymizer(engine: engine).anonymize("工号EMP-004217，电话13812345678").text == "工号[EMPLOYEE]，电话")
        // A policy that does not name it does not run it.
        let without = try Engine(policy: try policy("version: 1\nplugins: [phone-cn]\n"), catalog: catalog, environment: [:])
        #expect(try without.scan("工号EMP-004217").isEmpty)
    }

    @Test func registrationMistakesAreConfigurationErrors() throws {
        let catalog = try PluginCatalog.standard(environment: [:])
        #expect(throws: ConfigurationError.self) { try catalog.adding(id: "Employee_ID", entities: ["EMPLOYEE_ID"]) { EmployeeIDs() } }
        #expect(throws: ConfigurationError.self) { try catalog.adding(id: "employee-id", entities: ["employee id"]) { EmployeeIDs() } }
        // The recognizer must report findings under the id it is registered as.
        let misnamed = try catalog.adding(id: "staff-id", entities: ["EMPLOYEE_ID"]) { EmployeeIDs() }
        #expect {
            _ = try Engine(policy: try policy("version: 1\nplugins: [staff-id]\n"), catalog: misnamed, environment: [:])
        } throws: { error in
            "\(error)".contains("the recognizer registered as 'staff-id' reports its findings as 'employee-id'")
        }
    }
}
