/// A set of scalars that answers `contains` with one bit test for the Basic Multilingual Plane (no
/// hashing): for the checks the recognizers make at every character of a text.
public struct ScalarSet: Sendable {
    @usableFromInline var bits = [UInt64](repeating: 0, count: 1024)
    @usableFromInline var beyond: Set<UInt32> = []

    @inlinable public init(_ scalars: some Sequence<Unicode.Scalar> = [Unicode.Scalar]()) {
        for scalar in scalars { insert(scalar.value) }
    }

    @inlinable public mutating func insert(_ value: UInt32) {
        if value < 0x10000 { bits[Int(value >> 6)] |= 1 << UInt64(value & 63) } else { beyond.insert(value) }
    }

    @inlinable public func contains(_ scalar: Unicode.Scalar) -> Bool { contains(scalar.value) }

    @inlinable public func contains(_ value: UInt32) -> Bool {
        value < 0x10000 ? bits[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0 : beyond.contains(value)
    }
}

extension ScalarSet: ImageCodable {
    public func write(to image: inout ImageWriter) {
        image.write(bits)
        image.write(beyond)
    }

    public init(image: inout ImageReader) throws(ImageError) {
        bits = try image.read()
        beyond = try image.read()
        guard bits.count == 1024 else { throw ImageError("a set of scalars has the wrong size") }
    }
}
