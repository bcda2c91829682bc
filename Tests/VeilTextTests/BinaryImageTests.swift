import Testing
import VeilText

/// The encoding recognizers' binary images are written in: what is written reads back the same, and
/// a damaged image is an error, never a crash or a wrong value of the right shape.
@Suite struct BinaryImageTests {
    private struct Sample: ImageCodable, Equatable {
        var names: [String]
        var counts: [Int32]
        var table: [String: [UInt64]]
        var set: Set<Character>
        var maybe: String?
        var nothing: Double?
        var flags: [Bool]
        var scalars: [Unicode.Scalar]
        var rows: [SIMD8<Float>]

        func write(to image: inout ImageWriter) {
            image.write(names)
            image.write(counts)
            image.write(table)
            image.write(set)
            image.write(maybe)
            image.write(nothing)
            image.write(flags)
            image.write(scalars)
            image.write(rows)
        }

        init(
            names: [String], counts: [Int32], table: [String: [UInt64]], set: Set<Character>, maybe: String?, nothing: Double?, flags: [Bool], scalars: [Unicode.Scalar],
            rows: [SIMD8<Float>]
        ) {
            (self.names, self.counts, self.table, self.set, self.maybe, self.nothing) = (names, counts, table, set, maybe, nothing)
            (self.flags, self.scalars, self.rows) = (flags, scalars, rows)
        }

        init(image: inout ImageReader) throws(ImageError) {
            names = try image.read()
            counts = try image.read()
            table = try image.read()
            set = try image.read()
            maybe = try image.read()
            nothing = try image.read()
            flags = try image.read()
            scalars = try image.read()
            rows = try image.read()
        }
    }

    private let sample = Sample(
        names: ["赣州市", "", "Zürich", "a much longer string than fits in a small string's sixteen bytes"],
        counts: [0, -1, .max, .min], table: ["江西": [1, 2, 3], "": []], set: ["王", "é", "👩‍👩‍👧"], maybe: "卢立兵", nothing: nil,
        flags: [true, false, true], scalars: ["a", "赣", "\u{1F600}"], rows: [SIMD8(repeating: 1.5), .zero])

    private func encoded(_ value: some ImageCodable) -> [UInt8] {
        var writer = ImageWriter()
        value.write(to: &writer)
        return writer.bytes
    }

    private func decoded(_ bytes: [UInt8]) throws -> Sample {
        try bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) throws -> Sample in
            var reader = ImageReader(raw)
            let value = try Sample(image: &reader)
            guard reader.isAtEnd else { throw ImageError("bytes left over") }
            return value
        }
    }

    @Test func valuesReadBackAsWritten() throws {
        #expect(try decoded(encoded(sample)) == sample)
    }

    @Test func aTruncatedImageIsAnErrorAtEveryLength() {
        let bytes = encoded(sample)
        for length in 0..<bytes.count {
            #expect(throws: ImageError.self, "cut at \(length) of \(bytes.count)") { try decoded(Array(bytes[..<length])) }
        }
    }

    @Test func aCountBeyondTheImageIsAnErrorNotAnAllocation() {
        // An array of strings whose count says a trillion.
        var writer = ImageWriter()
        writer.write(1_000_000_000_000)
        let bytes = writer.bytes
        #expect(throws: ImageError.self) {
            try bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) throws in
                var reader = ImageReader(raw)
                _ = try [String](image: &reader)
            }
        }
        #expect(throws: ImageError.self) {
            try bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) throws in
                var reader = ImageReader(raw)
                _ = try [UInt64](image: &reader)
            }
        }
    }

    @Test func valuesOutsideTheirTypeAreErrors() {
        // A truth value of 2, a scalar in the surrogate range.
        for (bytes, what) in [([UInt8](arrayLiteral: 1, 0, 0, 0, 0, 0, 0, 0, 2), "Bool"), ([1, 0, 0, 0, 0, 0, 0, 0, 0x00, 0xD8, 0, 0], "scalar")] {
            #expect(throws: ImageError.self, "\(what)") {
                try bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) throws in
                    var reader = ImageReader(raw)
                    if what == "Bool" { _ = try [Bool](image: &reader) } else { _ = try [Unicode.Scalar](image: &reader) }
                }
            }
        }
    }
}
