import Foundation

/// A value that can be written to a binary image and read back: what a recognizer builds from its
/// plugin's data at start-up (automata, tables, the name tagger), kept between runs so that the
/// next start-up copies it instead of building it again.
///
/// An image is a cache written and read by the same build of Veil on the same machine: values are
/// written in the machine's byte order, with no versioning of their own (the image's key names the
/// build). Reading checks every length against the bytes left, so a damaged image is an error,
/// never a crash; the caller then builds the value from its data as if there were no image.
public protocol ImageCodable {
    func write(to image: inout ImageWriter)
    init(image: inout ImageReader) throws(ImageError)
    /// Whether the value's encoding is its bytes (``PlainImageValue``), so that an array of them
    /// is one copy. A static answer, not a dynamic cast per array: images hold many small arrays.
    static var isPlainImageValue: Bool { get }
}

extension ImageCodable {
    @inlinable public static var isPlainImageValue: Bool { false }
}

/// Why an image could not be read (it is then built again from its data).
public struct ImageError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Writes values one after another into a byte buffer.
public struct ImageWriter {
    @usableFromInline var storage: [UInt8] = []
    /// What has been written.
    public var bytes: [UInt8] { storage }

    public init() {}

    /// A value whose bytes are the value: written as they are.
    @inlinable public mutating func writeRaw<T: BitwiseCopyable>(_ value: T) {
        withUnsafeBytes(of: value) { storage.append(contentsOf: $0) }
    }

    @inlinable public mutating func write(_ value: some ImageCodable) { value.write(to: &self) }

    /// Bytes as they are (the caller writes their count first).
    @inlinable public mutating func appendBytes(_ raw: UnsafeRawBufferPointer) { storage.append(contentsOf: raw) }
}

/// Reads the values an ``ImageWriter`` wrote, in the same order.
public struct ImageReader {
    @usableFromInline let bytes: UnsafeRawBufferPointer
    @usableFromInline var offset = 0

    /// Reads from `bytes`, which must outlive the reader.
    public init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// How many bytes are left to read.
    public var bytesLeft: Int { bytes.count - offset }

    /// Whether every byte has been read.
    public var isAtEnd: Bool { offset == bytes.count }

    @inlinable public mutating func readRaw<T: BitwiseCopyable>(_ type: T.Type = T.self) throws(ImageError) -> T {
        let size = MemoryLayout<T>.size
        guard size <= bytes.count - offset else { throw ImageError("the image ends inside a value") }
        defer { offset += size }
        return bytes.loadUnaligned(fromByteOffset: offset, as: T.self)
    }

    @inlinable public mutating func read<T: ImageCodable>(_ type: T.Type = T.self) throws(ImageError) -> T { try T(image: &self) }

    /// The next `count` bytes, without copying (valid while the image's bytes are).
    @inlinable mutating func readBytes(_ count: Int) throws(ImageError) -> UnsafeRawBufferPointer {
        guard count >= 0, count <= bytes.count - offset else { throw ImageError("a length exceeds the image") }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count])
    }
}

/// A value whose encoding is its bytes, any bit pattern of which is a valid value: an array of
/// them is written and read in one copy.
public protocol PlainImageValue: ImageCodable, BitwiseCopyable {}

extension PlainImageValue {
    @inlinable public static var isPlainImageValue: Bool { true }
    @inlinable public func write(to image: inout ImageWriter) { image.writeRaw(self) }
    @inlinable public init(image: inout ImageReader) throws(ImageError) { self = try image.readRaw() }
}

extension Int: PlainImageValue {}
extension Int32: PlainImageValue {}
extension UInt8: PlainImageValue {}
extension UInt16: PlainImageValue {}
extension UInt32: PlainImageValue {}
extension UInt64: PlainImageValue {}
extension Float: PlainImageValue {}
extension Double: PlainImageValue {}
extension Bool: ImageCodable {
    @inlinable public func write(to image: inout ImageWriter) { image.writeRaw(self ? UInt8(1) : 0) }
    @inlinable public init(image: inout ImageReader) throws(ImageError) {
        switch try image.readRaw(UInt8.self) {
        case 0: self = false
        case 1: self = true
        default: throw ImageError("a truth value is neither 0 nor 1")
        }
    }
}
extension Unicode.Scalar: ImageCodable {
    @inlinable public func write(to image: inout ImageWriter) { image.writeRaw(value) }
    @inlinable public init(image: inout ImageReader) throws(ImageError) {
        guard let scalar = Unicode.Scalar(try image.readRaw(UInt32.self)) else { throw ImageError("a scalar is out of range") }
        self = scalar
    }
}
extension SIMD8: PlainImageValue, ImageCodable where Scalar == Float {}

extension String: ImageCodable {
    @inlinable public func write(to image: inout ImageWriter) {
        var copy = self
        copy.withUTF8 { utf8 in
            image.writeRaw(utf8.count)
            image.appendBytes(UnsafeRawBufferPointer(utf8))
        }
    }

    @inlinable public init(image: inout ImageReader) throws(ImageError) {
        let count: Int = try image.readRaw()
        let bytes = try image.readBytes(count)
        self = String(decoding: bytes, as: UTF8.self)
    }
}

extension Character: ImageCodable {
    @inlinable public func write(to image: inout ImageWriter) { String(self).write(to: &image) }
    @inlinable public init(image: inout ImageReader) throws(ImageError) {
        let string = try String(image: &image)
        guard string.count == 1, let character = string.first else { throw ImageError("a character is not one character") }
        self = character
    }
}

extension Array: ImageCodable where Element: ImageCodable {
    @inlinable public func write(to image: inout ImageWriter) {
        if Element.isPlainImageValue {
            image.writeRaw(count)
            withUnsafeBytes { image.appendBytes($0) }
            return
        }
        image.writeRaw(count)
        for element in self { element.write(to: &image) }
    }

    @inlinable public init(image: inout ImageReader) throws(ImageError) {
        let count: Int = try image.readRaw()
        if Element.isPlainImageValue {
            let stride = MemoryLayout<Element>.stride
            let source = try image.readBytes(count.multipliedReportingOverflow(by: stride).overflow ? -1 : count * stride)
            self = [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
                UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(from: source.baseAddress!, byteCount: count * stride)
                initialized = count
            }
            return
        }
        // Each element takes a byte at least: a count beyond the bytes left is damage.
        guard count >= 0, count <= image.bytes.count - image.offset else { throw ImageError("an array's length exceeds the image") }
        var elements: [Element] = []
        elements.reserveCapacity(count)
        for _ in 0..<count { elements.append(try Element(image: &image)) }
        self = elements
    }
}

extension Optional: ImageCodable where Wrapped: ImageCodable {
    @inlinable public func write(to image: inout ImageWriter) {
        image.write(self != nil)
        if let self { self.write(to: &image) }
    }

    @inlinable public init(image: inout ImageReader) throws(ImageError) {
        self = try image.read(Bool.self) ? try Wrapped(image: &image) : nil
    }
}

extension Set: ImageCodable where Element: ImageCodable {
    @inlinable public func write(to image: inout ImageWriter) { Array(self).write(to: &image) }
    @inlinable public init(image: inout ImageReader) throws(ImageError) { self = Set(try [Element](image: &image)) }
}

extension Dictionary: ImageCodable where Key: ImageCodable, Value: ImageCodable {
    @inlinable public func write(to image: inout ImageWriter) {
        Array(keys).write(to: &image)
        Array(values).write(to: &image)
    }

    @inlinable public init(image: inout ImageReader) throws(ImageError) {
        let keys = try [Key](image: &image), values = try [Value](image: &image)
        guard keys.count == values.count else { throw ImageError("a table has more keys than values") }
        var table: [Key: Value] = [:]
        table.reserveCapacity(keys.count)
        for (key, value) in zip(keys, values) { table[key] = value }
        self = table
    }
}

/// Whether `starts` (read from an image) cuts `bound` items into `count` runs: `count + 1` offsets
/// from 0 to `bound`, none before the one before it — what a flat table's "item `i` is
/// `items[starts[i]..<starts[i + 1]]`" needs to read inside its items.
@inlinable public func areRunStarts(_ starts: [Int32], runs count: Int, of bound: Int) -> Bool {
    starts.count == count + 1 && starts.first == 0 && Int(starts.last!) == bound && zip(starts, starts.dropFirst()).allSatisfy { $0 <= $1 }
}
