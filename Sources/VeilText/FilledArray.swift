extension Array {
    /// `count` copies of `value`: what `Array(repeating:count:)` makes, for the arrays made anew for
    /// every document, line or record.
    ///
    /// `Array(repeating:count:)` allocates through a function of the standard library that is not
    /// specialized for the element type, so each call looks the array's storage type up at run time:
    /// about 600 instructions, more than filling a short array costs (a short record makes a few
    /// dozen such arrays). Reserving and appending allocate through code specialized here; a long
    /// array is filled faster by `Array(repeating:count:)`, whose lookup it then hardly notices.
    @inlinable public init(filled value: Element, count: Int) {
        guard count <= 512 else {
            self.init(repeating: value, count: count)
            return
        }
        self.init()
        reserveCapacity(count)
        for _ in 0..<count { append(value) }
    }
}
