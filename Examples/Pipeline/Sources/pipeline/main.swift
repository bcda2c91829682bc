import Foundation
import Veil

/// Employee ids of one company, EMP- and six digits: the recognizer this pipeline adds in Swift.
/// (`plugins/employee-id` is the same as a pattern plugin, for the `veil` CLI to compare with.)
struct EmployeeIDs: Recognizer {
    let pluginID = "employee-id"

    func recognize(_ document: DocumentText) throws -> [Detection] {
        let bytes = document.bytes, prefix = Array("EMP-".utf8)
        var found: [Detection] = []
        var index = 0
        while index + 10 <= bytes.count {
            let digits = bytes[(index + 4)..<(index + 10)]
            let before = index > 0 ? bytes[index - 1] : 0x20, after = index + 10 < bytes.count ? bytes[index + 10] : 0x20
            if bytes[index..<(index + 4)].elementsEqual(prefix), digits.allSatisfy({ (0x30...0x39).contains($0) }),
                !Self.isWordByte(before), !Self.isWordByte(after)
            {
                found.append(
                    Detection(
                        range: index..<(index + 10), entity: "EMPLOYEE_ID", score: 0.9, pluginID: pluginID, rule: "id",
                        canonical: String(decoding: bytes[index..<(index + 10)], as: UTF8.self)))
                index += 10
            } else {
                index += 1
            }
        }
        return found
    }

    static func isWordByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}

/// One input line: `{"id": …, "text": "…"}`.
struct Post: Codable, Sendable {
    let id: Int
    var text: String
}

@main
struct Pipeline {
    static func main() async {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized.path
        do {
            let veil = try Veil(
                policy: .file(here + "/policy.yaml"),
                plugins: [CodePlugin(id: "employee-id", entities: ["EMPLOYEE_ID"]) { EmployeeIDs() }])
            let lines = AsyncStream<String> { continuation in
                while let line = readLine(strippingNewline: true) { continuation.yield(line) }
                continuation.finish()
            }
            var posts: [Post] = []
            for await line in lines where !line.isEmpty { posts.append(try JSONDecoder().decode(Post.self, from: Data(line.utf8))) }
            let texts = AsyncStream<String> { continuation in
                for post in posts { continuation.yield(post.text) }
                continuation.finish()
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            var index = 0
            for try await result in veil.anonymize(texts) {
                var post = posts[index]
                post.text = result.text
                FileHandle.standardOutput.write(try encoder.encode(post) + Data("\n".utf8))
                index += 1
            }
        } catch {
            FileHandle.standardError.write(Data("pipeline: \(error)\n".utf8))
            exit(1)
        }
    }
}
