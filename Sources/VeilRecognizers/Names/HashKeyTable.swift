import VeilCore

/// An open-addressing hash table from keys that are already well-mixed hashes (FNV-1a of a feature
/// or a word) to non-negative values: the taggers look up some thirty keys per character or token,
/// and a standard dictionary hashes each key again.
struct HashKeyTable: Sendable {
    /// One slot: a key and its row (-1: empty). Key and row share a cache line, so a lookup that
    /// misses the cache misses it once.
    private struct Slot {
        var key: UInt64 = 0
        var value: Int32 = -1
    }
    private let slots: [Slot]
    private let mask: Int

    init(_ rows: [UInt64: Int32]) {
        var capacity = 16
        while capacity < rows.count * 2 { capacity *= 2 }
        var slots = [Slot](repeating: Slot(), count: capacity)
        for (key, value) in rows {
            var slot = Int(truncatingIfNeeded: key) & (capacity - 1)
            while slots[slot].value >= 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = Slot(key: key, value: value)
        }
        self.slots = slots
        self.mask = capacity - 1
    }

    /// The row for `key`, or -1.
    @inline(__always)
    subscript(key: UInt64) -> Int32 {
        slots.withUnsafeBufferPointer { slots in
            var slot = Int(truncatingIfNeeded: key) & mask
            while true {
                let entry = slots[slot]
                if entry.value < 0 || entry.key == key { return entry.value }
                slot = (slot + 1) & mask
            }
        }
    }
}
