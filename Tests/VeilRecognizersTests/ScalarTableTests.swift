import Testing

@testable import VeilRecognizers

/// The name recognizers' character table answers as the dictionary it replaced would.
@Suite struct ScalarTableTests {
    @Test func valuesAreFoundInAndBeyondTheIdeographsAndAbsentOnesAreNil() {
        let values: [UInt32: Double] = [0x738B: 0.9, 0x3400: 0.1, 0x9FFF: 0.2, 0x41: 0.3, 0x20000: 0.4, 0x33FF: 0.5, 0xA000: 0]
        let table = ScalarTable(values)
        for (scalar, value) in values { #expect(table[scalar] == value, "U+\(String(scalar, radix: 16))") }
        for absent: UInt32 in [0x674E, 0x42, 0x20001, 0x33FE, 0xA001, 0] { #expect(table[absent] == nil) }
    }

    @Test func aValueCanBeRemovedAndReplaced() {
        var table = ScalarTable([0x5F20: 0.7])
        table[0x5F20] = nil
        #expect(table[0x5F20] == nil)
        table[0x5F20] = 0.25
        table[0x10000] = 1
        #expect(table[0x5F20] == 0.25 && table[0x10000] == 1)
    }
}
