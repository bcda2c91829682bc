import Crypto
import Foundation
import Synchronization

/// Where a policy's pseudonym key comes from: `env:NAME` or `file:PATH`.
package enum KeySpec: Sendable, Hashable, CustomStringConvertible {
    case environment(String)
    case file(String)

    /// Parses `env:NAME` or `file:PATH`; nil for anything else.
    package init?(_ text: String) {
        if text.hasPrefix("env:"), text.count > 4 {
            self = .environment(String(text.dropFirst(4)))
        } else if text.hasPrefix("file:"), text.count > 5 {
            self = .file(String(text.dropFirst(5)))
        } else {
            return nil
        }
    }

    package var description: String {
        switch self {
        case .environment(let name): return "env:\(name)"
        case .file(let path): return "file:\(path)"
        }
    }
}

/// The secret that makes pseudonyms deterministic: the same original gets the same pseudonym on
/// every run and machine that uses the same key. Per-purpose keys are derived with HKDF-SHA256.
///
/// Without a key, a random one lives for one run (`isEphemeral`): pseudonyms are consistent
/// within that run only.
public struct PseudonymKey: Sendable {
    private let material: [UInt8]
    /// True for a random key made for this run only.
    package let isEphemeral: Bool
    /// Keys already derived, by purpose: every pseudonym asks for its entity's key.
    private let derivedKeys = DerivedKeys()

    /// Keys shorter than this are refused: a short secret can be guessed and the pseudonyms reversed.
    package static let minimumLength = 16

    /// A random key for this run only.
    package static func ephemeral() -> PseudonymKey {
        PseudonymKey(material: SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }, isEphemeral: true)
    }

    /// A key from raw secret bytes.
    public init(secret: [UInt8]) {
        self.init(material: secret, isEphemeral: false)
    }

    private init(material: [UInt8], isEphemeral: Bool) {
        self.material = material
        self.isEphemeral = isEphemeral
    }

    /// Reads the key a spec names. Errors say which variable or file, never the secret.
    package init(spec: KeySpec, environment: [String: String] = ProcessInfo.processInfo.environment) throws(KeyError) {
        var secret: [UInt8]
        switch spec {
        case .environment(let name):
            guard let value = environment[name], !value.isEmpty else { throw KeyError(spec: spec, problem: "the environment variable \(name) is not set") }
            secret = Array(value.utf8)
        case .file(let path):
            guard let data = FileManager.default.contents(atPath: path) else { throw KeyError(spec: spec, problem: "cannot read the key file") }
            secret = Array(data)
            while let last = secret.last, last == 0x0A || last == 0x0D { secret.removeLast() }
        }
        guard secret.count >= PseudonymKey.minimumLength else {
            throw KeyError(spec: spec, problem: "the key is shorter than \(PseudonymKey.minimumLength) bytes")
        }
        self.init(secret: secret)
    }

    /// A short public name for the key, for reports: the first 16 hex digits of a keyed hash under
    /// a key derived for this purpose alone, so it tells two keys apart and reveals nothing of
    /// either ("ephemeral" for a random key of one run).
    public var fingerprint: String {
        if isEphemeral { return "ephemeral" }
        let code = derived(for: "report:fingerprint").authenticationCode(for: Array("veil key fingerprint".utf8))
        return code.prefix(8).map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    /// A key for one purpose (`"pseudonym:PHONE_NUMBER"`, `"hash:EMAIL_ADDRESS"`).
    package func derived(for purpose: String) -> DerivedKey {
        derivedKeys.key(for: purpose) { derive(for: purpose) }
    }

    private func derive(for purpose: String) -> DerivedKey {
        let key = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: SymmetricKey(data: material), salt: Array("veil-pseudonyms-v1".utf8),
            info: Array(purpose.utf8), outputByteCount: 32)
        return DerivedKey(bytes: key.withUnsafeBytes { Array($0) })
    }
}

/// The keys a ``PseudonymKey`` has derived, shared by its copies and threads.
private final class DerivedKeys: Sendable {
    private let keys = Mutex([String: DerivedKey]())

    func key(for purpose: String, derive: () -> DerivedKey) -> DerivedKey {
        if let key = keys.withLock({ $0[purpose] }) { return key }
        let key = derive()
        keys.withLock { $0[purpose] = key }
        return key
    }
}

/// A 256-bit key for one purpose, derived from a ``PseudonymKey``.
package struct DerivedKey: Sendable, Hashable {
    let bytes: [UInt8]

    /// HMAC-SHA256 of `message` under this key.
    package func authenticationCode(for message: [UInt8]) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: bytes)))
    }
}

/// A key that could not be read. Names the spec, never the secret.
package struct KeyError: Error, Sendable, CustomStringConvertible {
    package let spec: KeySpec
    package let problem: String
    package var description: String { "pseudonym key \(spec): \(problem)" }
}
