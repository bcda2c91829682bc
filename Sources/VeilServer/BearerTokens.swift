internal import Crypto
import Foundation

/// The bearer tokens a server accepts, read from a file and kept only as SHA-256 digests: a token
/// presented is hashed and compared with each in constant time, so neither its length nor how much
/// of it is right shows in how long the answer takes. Tokens never reach a log or an error.
package struct BearerTokens: Sendable {
    private let digests: [[UInt8]]

    /// The fewest bytes a token may have.
    package static let minimumLength = 16

    /// Tokens given directly (tests; a file is the way for a server).
    package init(_ tokens: [String]) throws(ServerSetupError) {
        guard !tokens.isEmpty else { throw ServerSetupError("no token is given") }
        for (index, token) in tokens.enumerated() {
            guard token.utf8.count >= Self.minimumLength else {
                throw ServerSetupError("token \(index + 1) is shorter than \(Self.minimumLength) bytes")
            }
            guard token.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
                throw ServerSetupError("token \(index + 1) holds a character other than printable ASCII")
            }
        }
        digests = tokens.map { Array(SHA256.hash(data: Data($0.utf8))) }
    }

    /// The tokens of `path`: one a line; blank lines and lines starting with `#` are skipped. The
    /// file must be readable by its owner only (as an SSH key must), so another user of the machine
    /// cannot read what lets them in.
    package init(file path: String) throws(ServerSetupError) {
        let attributes: [FileAttributeKey: Any]
        do { attributes = try FileManager.default.attributesOfItem(atPath: path) } catch {
            throw ServerSetupError("\(path): cannot read the token file")
        }
        if let permissions = attributes[.posixPermissions] as? Int, permissions & 0o077 != 0 {
            throw ServerSetupError("\(path): the token file can be read by other users; make it private (chmod 600 \(path))")
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ServerSetupError("\(path): cannot read the token file as UTF-8 text")
        }
        let tokens = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty && !$0.hasPrefix("#")
        }
        do { try self.init(tokens) } catch { throw ServerSetupError("\(path): \(error.message)") }
    }

    /// Whether `authorization` (an Authorization header's value) is `Bearer` and one of the tokens.
    package func admit(authorization: String?) -> Bool {
        guard let authorization else { return false }
        let parts = authorization.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return false }
        let presented = Array(SHA256.hash(data: Data(parts[1].trimmingCharacters(in: .whitespaces).utf8)))
        // Every digest is compared, all of each: the time does not say which, or how much, matched.
        var matched = false
        for digest in digests {
            var difference: UInt8 = 0
            for index in 0..<digest.count { difference |= digest[index] ^ presented[index] }
            matched = matched || difference == 0
        }
        return matched
    }
}

/// A token, certificate or key file that cannot be used: what is wrong, never a token or a key.
package struct ServerSetupError: Error, Sendable, CustomStringConvertible {
    package let message: String
    init(_ message: String) { self.message = message }
    package var description: String { message }
}
