import Crypto

/// A deterministic stream of random choices for one original value: HMAC-SHA256 of the value under
/// a per-entity key, extended block by block. The same key and value always give the same choices.
package struct SurrogateRandom {
    /// HMAC keyed once; each block is a copy of it fed the seed and the block number.
    private let keyed: HMAC<SHA256>
    private let seed: [UInt8]
    /// Which draw for the value this is (0 first): a generator of a small domain walks through it
    /// once chance draws keep meeting taken values.
    package let attempt: Int
    private var block: UInt32 = 0
    private var buffer: [UInt8] = []
    private var index = 0

    package init(key: DerivedKey, value: String, attempt: Int = 0) {
        self.keyed = HMAC<SHA256>(key: SymmetricKey(data: key.bytes))
        self.seed = Array(value.utf8) + [0] + Array(String(attempt).utf8)
        self.attempt = attempt
    }

    package mutating func nextByte() -> UInt8 {
        if index == buffer.count {
            var code = keyed
            code.update(data: seed)
            code.update(data: withUnsafeBytes(of: block.bigEndian) { Array($0) })
            buffer = Array(code.finalize())
            block &+= 1
            index = 0
        }
        defer { index += 1 }
        return buffer[index]
    }

    /// A uniform integer in `0..<bound` (rejection sampling, no modulo bias).
    package mutating func next(below bound: Int) -> Int {
        precondition(bound > 0 && bound <= 65_536)
        let limit = 65_536 - 65_536 % bound
        while true {
            let value = Int(nextByte()) << 8 | Int(nextByte())
            if value < limit { return value % bound }
        }
    }

    package mutating func digit() -> Int { next(below: 10) }

    package mutating func pick<T>(_ choices: [T]) -> T { choices[next(below: choices.count)] }
}
