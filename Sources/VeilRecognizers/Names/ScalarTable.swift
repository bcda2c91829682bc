import VeilCore
import VeilText

/// A value for each of some Unicode scalars, looked up without hashing: the recognizers' inner
/// loops ask for a character's surname or given-name chance at nearly every character, and a
/// dictionary lookup (hash and probe) cost more than the rest of the check.
///
/// The CJK ideographs (U+3400–U+9FFF), where nearly every key lies, are a flat array; other
/// scalars are kept in a dictionary.
struct ScalarTable: Sendable {
    private static let first: UInt32 = 0x3400
    private static let last: UInt32 = 0x9FFF
    private var dense: [Double]
    private var beyond: [UInt32: Double] = [:]

    init() {
        dense = Array(repeating: .nan, count: Int(Self.last - Self.first + 1))
    }

    init(_ values: [UInt32: Double]) {
        self.init()
        for (scalar, value) in values { self[scalar] = value }
    }

    /// The value for the scalar `value`, nil where it has none.
    subscript(value: UInt32) -> Double? {
        get {
            let offset = value &- Self.first
            guard offset <= Self.last - Self.first else { return beyond[value] }
            let found = dense[Int(offset)]
            return found.isNaN ? nil : found
        }
        set {
            let offset = value &- Self.first
            if offset <= Self.last - Self.first {
                dense[Int(offset)] = newValue ?? .nan
            } else {
                beyond[value] = newValue
            }
        }
    }
}

/// A string for each of some Unicode scalars (a character's pinyin reading), looked up as
/// ``ScalarTable`` looks up its values: a flat array over the CJK ideographs, a dictionary beyond.
struct ScalarStrings: Sendable {
    private static let first: UInt32 = 0x3400
    private static let last: UInt32 = 0x9FFF
    private var dense = [String?](repeating: nil, count: Int(last - first + 1))
    private var beyond: [UInt32: String] = [:]

    /// The values of `strings` whose keys are one scalar long.
    init(singleScalarKeysOf strings: [String: String]) {
        for (key, value) in strings {
            let scalars = key.unicodeScalars
            guard let scalar = scalars.first, scalars.count == 1 else { continue }
            let offset = scalar.value &- Self.first
            if offset <= Self.last - Self.first { dense[Int(offset)] = value } else { beyond[scalar.value] = value }
        }
    }

    subscript(scalar: Unicode.Scalar) -> String? {
        let offset = scalar.value &- Self.first
        return offset <= Self.last - Self.first ? dense[Int(offset)] : beyond[scalar.value]
    }
}

extension ScalarTable: ImageCodable {
    func write(to image: inout ImageWriter) {
        image.write(dense)
        image.write(beyond)
    }

    init(image: inout ImageReader) throws(ImageError) {
        dense = try image.read()
        beyond = try image.read()
        guard dense.count == Int(Self.last - Self.first + 1) else { throw ImageError("a table of scalars has the wrong size") }
    }
}

extension ScalarStrings: ImageCodable {
    func write(to image: inout ImageWriter) {
        image.write(dense)
        image.write(beyond)
    }

    init(image: inout ImageReader) throws(ImageError) {
        dense = try image.read()
        beyond = try image.read()
        guard dense.count == Int(Self.last - Self.first + 1) else { throw ImageError("a table of scalars has the wrong size") }
    }
}
