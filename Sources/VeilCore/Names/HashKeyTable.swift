/// An open-addressing hash table from keys that are already well-mixed hashes (FNV-1a of a feature
/// or a word) to non-negative values: the taggers look up some thirty keys per character or token,
/// and a standard dictionary hashes each key again.
struct HashKeyTable: Sendable {
    private let keys: [UInt64]
    private let values: [Int32]
    private let mask: Int

    init(_ rows: [UInt64: Int32]) {
        var capacity = 16
        while capacity < rows.count * 2 { capacity *= 2 }
        var keys = [UInt64](repeating: 0, count: capacity)
        var values = [Int32](repeating: -1, count: capacity)
        for (key, value) in rows {
            var slot = Int(truncatingIfNeeded: key) & (capacity - 1)
            while values[slot] >= 0 { slot = (slot + 1) & (capacity - 1) }
            keys[slot] = key
            values[slot] = value
        }
        self.keys = keys
        self.values = values
        self.mask = capacity - 1
    }

    /// The row for `key`, or -1.
    @inline(__always)
    subscript(key: UInt64) -> Int32 {
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            let value = values[slot]
            if value < 0 || keys[slot] == key { return value }
            slot = (slot + 1) & mask
        }
    }
}
