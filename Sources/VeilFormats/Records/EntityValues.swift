package import VeilCore

/// The distinct values of a run's entity fields (every `author`), as the first pass collects them:
/// the same set however the inputs were read or split.
package struct EntityValues {
    private var seen = Set<String>()
    /// Each distinct value and its entity, in the order first met.
    package private(set) var all: [(text: String, entity: EntityType)] = []

    package init() {}

    /// Adds a value (a second of the same text and entity is not kept).
    package mutating func insert(_ text: String, entity: EntityType) {
        guard seen.insert(entity.rawValue + "\u{0}" + text).inserted else { return }
        all.append((text, entity))
    }
}
