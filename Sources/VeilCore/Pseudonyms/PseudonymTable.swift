import Synchronization

/// The pseudonyms a run has handed out, shared by every thread of the run: the same original (by
/// entity and canonical value) always gets the same surrogate, and two originals never share one.
///
/// Surrogates are drawn deterministically from the key and the value (attempt 0, 1, …), so the
/// table keeps no text: only 64-bit fingerprints of the originals met and of the surrogates taken,
/// and the attempt number of the rare original whose first draws were taken. A run over a large
/// dataset holds some twenty bytes per distinct value, never the values themselves.
///
/// When a surrogate drawn for a new original is already taken (or equals the original), the next
/// attempt is drawn; with a fixed key the result depends only on the key and the values, except in
/// that rare case, where it can depend on which value was seen first. Two originals never share a
/// surrogate: when no free one can be drawn, the document fails (``NoFreePseudonymError``).
package final class PseudonymTable: Sendable {
    private struct State {
        /// Originals met, and the attempt that gave each its surrogate when it was not the first.
        var known: Set<UInt64> = []
        var attempts: [UInt64: Int] = [:]
        var taken: Set<UInt64> = []
        var ordinals: [UInt64: Int] = [:]
        var ordinalCounts: [EntityType: Int] = [:]
        /// Surrogates of recently met originals, so a frequent one is not drawn again at every
        /// mention; cleared when full, so it stays small however large the run.
        var recent: [UInt64: String] = [:]
    }
    static let recentLimit = 1 << 16
    private let state = Mutex(State())
    /// Fingerprints are keyed per table, so they say nothing outside the run.
    private let seed: (UInt64, UInt64)
    /// With a vault, pseudonyms are claimed there (agreeing with earlier runs and other processes)
    /// and the run keeps the ones it met in `cache`.
    let vault: PseudonymVault?
    private let cache = Mutex([UInt64: String]())

    /// With a settlement, each original takes the draw it lists (``Settlement``) and no other.
    let settlement: Settlement?
    /// Originals settled past their first draw, kept when the table settles claims
    /// (``Anonymizer/settle(_:)``): the settlement it makes.
    private let settledLog: Mutex<[(entity: EntityType, canonical: String, attempt: Int)]>?

    package init(vault: PseudonymVault? = nil, settlement: Settlement? = nil, loggingSettled: Bool = false) {
        seed = (UInt64.random(in: .min ... .max), UInt64.random(in: .min ... .max))
        self.vault = vault
        self.settlement = settlement
        self.settledLog = loggingSettled ? Mutex([]) : nil
    }

    /// The originals settled past their first draw, in the order met (with `loggingSettled`).
    package var settledPastFirstDraw: [(entity: EntityType, canonical: String, attempt: Int)] {
        settledLog?.withLock { $0 } ?? []
    }

    private func fingerprint(_ entity: EntityType, _ value: String, role: UInt8) -> UInt64 {
        var hasher = Hasher()
        hasher.combine(seed.0)
        hasher.combine(seed.1)
        hasher.combine(role)
        hasher.combine(entity.rawValue)
        hasher.combine(value)
        return UInt64(bitPattern: Int64(hasher.finalize()))
    }

    /// Draws made for one original before the run gives up on a generator with no free surrogate.
    static let drawLimit = 1_000

    /// The surrogate for `canonical`, drawing one with `draw(attempt)` (which must be deterministic)
    /// until it finds one no other original has (at most ``drawLimit`` draws). `drawer` names the
    /// generator `draw` uses: two generators may draw for one original (a person's name in
    /// characters and in pinyin), and each gets its own draw of the original's attempt.
    package func surrogate(entity: EntityType, canonical: String, drawer: String, draw: (Int) -> String) throws -> String {
        try surrogateFromList(entity: entity, canonical: canonical, drawer: drawer, candidate: { $0 < Self.drawLimit ? draw($0) : nil })
    }

    /// The same for a generator with a finite list of candidates, tried in turn: `draw` gives nil
    /// past its last. A generator that can write nothing but the original gets it back (the
    /// rewrite then fails closed); one whose every candidate is taken fails the document.
    package func surrogateFromList(entity: EntityType, canonical: String, drawer: String, candidate draw: (Int) -> String?) throws -> String {
        if let vault { return try surrogate(entity: entity, canonical: canonical, in: vault, draw: draw) }
        let original = fingerprint(entity, canonical, role: 0)
        // The cache is by original and generator, so what a mention gets never depends on whether
        // the cache still holds what another generator drew (it is cleared when full).
        let cached = original ^ fingerprint(entity, drawer, role: 3)
        if let attempt = state.withLock({ $0.known.contains(original) ? $0.attempts[original] ?? 0 : nil }) {
            if let recent = state.withLock({ $0.recent[cached] }) { return recent }
            let surrogate = draw(attempt) ?? canonical
            remember(cached, surrogate)
            return surrogate
        }
        let settled = settlement?.attempt(entity: entity, canonical: canonical)
        var attempt = settled ?? 0
        var onlyTheOriginal = true
        while let candidate = draw(attempt) {
            onlyTheOriginal = onlyTheOriginal && candidate == canonical
            let claimed = fingerprint(entity, candidate, role: 1)
            let outcome: Int? = state.withLock { state in
                // Another thread may have settled this original meanwhile.
                if state.known.contains(original) { return state.attempts[original] ?? 0 }
                guard candidate != canonical && !state.taken.contains(claimed) else { return nil }
                state.known.insert(original)
                state.taken.insert(claimed)
                if attempt > 0 { state.attempts[original] = attempt }
                return attempt
            }
            if let outcome {
                let surrogate = outcome == attempt ? candidate : draw(outcome) ?? canonical
                remember(cached, surrogate)
                if outcome > 0 { settledLog?.withLock { $0.append((entity, canonical, outcome)) } }
                return surrogate
            }
            // A settled draw is free by construction; taken, the settlement is not this run's.
            if attempt == settled && candidate != canonical { throw SettlementMismatchError(entity: entity) }
            attempt += 1
        }
        if onlyTheOriginal { return canonical }
        throw NoFreePseudonymError(entity: entity, draws: attempt)
    }

    private func remember(_ cached: UInt64, _ surrogate: String) {
        state.withLock { state in
            if state.recent.count >= Self.recentLimit { state.recent.removeAll(keepingCapacity: true) }
            state.recent[cached] = surrogate
        }
    }

    private func surrogate(entity: EntityType, canonical: String, in vault: PseudonymVault, draw: (Int) -> String?) throws -> String {
        let original = fingerprint(entity, canonical, role: 0)
        if let cached = cache.withLock({ $0[original] }) { return cached }
        var settled = try vault.pseudonym(entity: entity, original: canonical)
        var attempt = 0
        var onlyTheOriginal = true
        while settled == nil, let candidate = draw(attempt) {
            onlyTheOriginal = onlyTheOriginal && candidate == canonical
            if candidate != canonical {
                settled = try vault.claim(entity: entity, original: canonical, pseudonym: candidate)
            }
            attempt += 1
        }
        guard let settled else {
            if onlyTheOriginal { return canonical }
            throw NoFreePseudonymError(entity: entity, draws: attempt)
        }
        cache.withLock { $0[original] = settled }
        return settled
    }

    /// The number of `canonical` among the originals of `entity` met so far (1, 2, …), for templates
    /// like `[PERSON_{n}]`.
    package func ordinal(entity: EntityType, canonical: String) -> Int {
        let key = fingerprint(entity, canonical, role: 2)
        return state.withLock { state in
            if let number = state.ordinals[key] { return number }
            let number = state.ordinalCounts[entity, default: 0] + 1
            state.ordinalCounts[entity] = number
            state.ordinals[key] = number
            return number
        }
    }

    /// How many originals have a surrogate.
    package var count: Int { state.withLock { $0.known.count } }
}

/// Every surrogate a generator could draw for a value is taken by another original: the run stops
/// rather than give two originals one pseudonym. Names the entity, never the value.
package struct NoFreePseudonymError: Error, Sendable, CustomStringConvertible {
    package let entity: EntityType
    package let draws: Int
    package var description: String {
        "no free pseudonym for a \(entity.rawValue) after \(draws) draws (every one is another original's); two originals never share one"
    }
}
