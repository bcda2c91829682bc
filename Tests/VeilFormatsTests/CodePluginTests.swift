import Foundation
import Testing
import VeilCore
import VeilRecognizers
import VeilTestSupport

/// A plugin written in Swift by a user of the library (only public API here: this file does not
/// import VeilCore as @testable), registered in code and selected by a policy like a built-in one.
@Suite struct CodePluginTests {
    /// Employee ids of one company, EMP- and six digits, found by splitting the text at every "EMP-".
    struct EmployeeIDs: Recognizer {
        let pluginID = "employee-id"
        func recognize(_ document: DocumentText) throws -> [Detection] {
            let marker = Array("EMP-".utf8)
            let bytes = document.bytes
            return bytes.indices.compactMap { start -> Detection? in
                let end = start + marker.count + 6
                guard end <= bytes.count, bytes[start..<start + marker.count].elementsEqual(marker),
                    bytes[start + marker.count..<end].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
                else { return nil }
                return Detection(
                    range: start..<end, entity: "EMPLOYEE_ID", score: 0.9, pluginID: pluginID, rule: "emp",
                    canonical: String(decoding: bytes[start + marker.count..<end], as: UTF8.self))
            }
        }
    }

    private let folder = TemporaryFolder()

    func policy(_ yaml: String) throws -> Policy {
        try PolicyReader.read(path: folder.write("policy-\(UUID().uuidString).yaml", yaml), environment: [:])
    }

    @Test func aPolicySelectsACodePluginByIdAlongsideBuiltInOnes() throws {
        let catalog = try PluginCatalog.standard(environment: [:]).adding(id: "employee-id", entities: ["EMPLOYEE_ID"], summary: "EMP- ids") { EmployeeIDs() }
        #expect(catalog["employee-id"]?.origin == .code)
        let engine = try Engine(
            policy: try policy(
                """
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
