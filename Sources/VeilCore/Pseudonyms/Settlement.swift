import Synchronization

/// How the pseudonym collisions of a run over a whole dataset came out: for each original that did
/// not take its first draw (another original, met earlier, had drawn the same pseudonym; or the
/// draw was the original itself), the draw it took.
///
/// A run settles collisions first come, first served: originals draw in the order the run first
/// meets them, and each takes its first draw that is neither itself nor another's. A dataset
/// anonymized in parts (a Spark job) cannot see the originals of the parts before its own, so
/// the parts first record which originals they meet, in order (``PseudonymClaim``); those claims,
/// replayed in input order by ``Anonymizer/settle(_:)``, give this settlement; and every part then
/// draws as it says (``PseudonymTable/init(vault:settlement:)``), as the run over the whole dataset
/// would have.
///
/// Originals are named by a keyed hash (``id(entity:canonical:)``), never by value.
package struct Settlement: Sendable {
    /// The draw each listed original takes, by id.
    package private(set) var attempts: [String: Int] = [:]
    private let key: DerivedKey

    package init(key: PseudonymKey) {
        self.key = key.derived(for: "settlement")
    }

    /// The original's id: 128 bits of HMAC-SHA256 of its entity and canonical value, in hex.
    package func id(entity: EntityType, canonical: String) -> String {
        var message = Array(entity.rawValue.utf8)
        message.append(0)
        message += canonical.utf8
        let digits = Array("0123456789abcdef".utf8)
        let hex = key.authenticationCode(for: message).prefix(16).flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0F)]] }
        return String(decoding: hex, as: UTF8.self)
    }

    /// The draw the original takes (0 unless listed).
    package func attempt(entity: EntityType, canonical: String) -> Int {
        attempts.isEmpty ? 0 : attempts[id(entity: entity, canonical: canonical)] ?? 0
    }

    /// Each listed original's entity, where known (for the settlement file's reader).
    package private(set) var entities: [String: EntityType] = [:]

    /// Lists an original by id.
    package mutating func set(id: String, attempt: Int, entity: EntityType? = nil) {
        attempts[id] = attempt
        entities[id] = entity
    }
}

/// A part's run met an original its settlement does not account for: the settlement was made for
/// another dataset, policy or key. The part fails rather than give two originals one pseudonym.
package struct SettlementMismatchError: Error, Sendable, CustomStringConvertible {
    package let entity: EntityType
    package var description: String {
        "the settlement does not match this run: a \(entity.rawValue)'s settled pseudonym is another original's (was it made for another dataset, policy or key?)"
    }
}

/// Claims name an entity that the policy does not pseudonymize: they were made under another policy.
package struct ClaimsMismatchError: Error, Sendable, CustomStringConvertible {
    package let entity: EntityType
    package var description: String {
        "the claims were made under another policy: this one does not pseudonymize \(entity.rawValue)"
    }
}

/// The first mention that made a part's run draw a pseudonym, as much of it as drawing needs: its
/// entity, the plugin that found it, its value, the key its person is kept under, and whether it
/// is written in Chinese characters. Holds an original value: a claims file is as sensitive as the
/// dataset.
package struct PseudonymClaim: Sendable, Hashable, Codable {
    package let entity: String
    package let plugin: String
    package let value: String
    package let key: String?
    package let han: Bool

    package init(entity: String, plugin: String, value: String, key: String?, han: Bool) {
        self.entity = entity
        self.plugin = plugin
        self.value = value
        self.key = key
        self.han = han
    }
}

/// Notes, in order, the first mention of each original that a part's run pseudonymizes — what
/// ``Anonymizer/settle(_:)`` replays. Safe to share between threads.
package final class ClaimRecorder: Sendable {
    private let state = Mutex<(seen: Set<PseudonymClaim>, claims: [PseudonymClaim])>(([], []))

    package init() {}

    /// Notes `mention` unless a mention of its original, so written, was noted before.
    func note(_ mention: Mention) {
        let detection = mention.detection
        let claim = PseudonymClaim(
            entity: detection.entity.rawValue, plugin: detection.pluginID, value: detection.canonical, key: detection.facts.pseudonymKey,
            han: mention.text.unicodeScalars.contains { $0.properties.isIdeographic })
        state.withLock { state in
            if state.seen.insert(claim).inserted { state.claims.append(claim) }
        }
    }

    /// The claims noted, in order.
    package var claims: [PseudonymClaim] { state.withLock { $0.claims } }
}
