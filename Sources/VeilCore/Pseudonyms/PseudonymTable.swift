import Synchronization

/// The pseudonyms a run has handed out, shared by every thread of the run: the same original (by
/// entity and canonical value) always gets the same surrogate, and two originals never share one.
///
/// When a surrogate drawn for a new original is already taken (or equals the original), the next
/// attempt is drawn; with a fixed key the result depends only on the key and the values, except in
/// that rare case, where it can depend on which value was seen first.
public final class PseudonymTable: Sendable {
    private struct Key: Hashable { let entity: EntityType; let value: String }
    private struct State {
        var forward: [Key: String] = [:]
        var taken: Set<Key> = []
        var ordinals: [Key: Int] = [:]
        var ordinalCounts: [EntityType: Int] = [:]
    }
    private let state = Mutex(State())

    public init() {}

    /// The surrogate for `canonical`, drawing one with `draw(attempt)` the first time it is seen.
    public func surrogate(entity: EntityType, canonical: String, draw: (Int) -> String) -> String {
        state.withLock { state in
            let key = Key(entity: entity, value: canonical)
            if let existing = state.forward[key] { return existing }
            var attempt = 0
            var candidate = draw(attempt)
            while (candidate == canonical || state.taken.contains(Key(entity: entity, value: candidate))) && attempt < 64 {
                attempt += 1
                candidate = draw(attempt)
            }
            state.forward[key] = candidate
            state.taken.insert(Key(entity: entity, value: candidate))
            return candidate
        }
    }

    /// The number of `canonical` among the originals of `entity` met so far (1, 2, …), for templates
    /// like `[PERSON_{n}]`.
    public func ordinal(entity: EntityType, canonical: String) -> Int {
        state.withLock { state in
            let key = Key(entity: entity, value: canonical)
            if let number = state.ordinals[key] { return number }
            let number = state.ordinalCounts[entity, default: 0] + 1
            state.ordinalCounts[entity] = number
            state.ordinals[key] = number
            return number
        }
    }

    /// How many originals have a surrogate.
    public var count: Int { state.withLock { $0.forward.count } }
}
