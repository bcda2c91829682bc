import VeilCore
import VeilText

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

extension HashKeyTable: ImageCodable {
    /// Whether every value held (not the empty slots' -1) satisfies `condition`: what a table read
    /// from an image is checked for.
    func valuesAllSatisfy(_ condition: (Int32) -> Bool) -> Bool { slots.allSatisfy { $0.value < 0 || condition($0.value) } }

    func write(to image: inout ImageWriter) {
        image.write(slots.map(\.key))
        image.write(slots.map(\.value))
    }

    init(image: inout ImageReader) throws(ImageError) {
        let keys = try image.read([UInt64].self), values = try image.read([Int32].self)
        // Probing wraps with the mask: the size must be a power of two, with an empty slot.
        guard keys.count == values.count, keys.count >= 16, keys.count & (keys.count - 1) == 0, values.contains(-1) else {
            throw ImageError("a hash table has the wrong shape")
        }
        slots = zip(keys, values).map { Slot(key: $0, value: $1) }
        mask = keys.count - 1
    }
}
