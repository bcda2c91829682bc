import Testing
import VeilText

@testable import VeilCore

/// The gazetteer keeps its places flat (``PlaceTable``) and makes a place when asked: what it
/// answers must be what the places it was given say, read back from an image or not.
@Suite struct GazetteerTests {
    static let places: [Gazetteer.Place] = [
        .init(id: "cn", level: .country, parent: nil, full: "中国", short: ["中國"], latin: ["China", "PRC"]),
        .init(id: "jx", level: .province, parent: "cn", full: "江西省", short: ["江西"], latin: ["Jiangxi"]),
        .init(id: "gz", level: .prefecture, parent: "jx", full: "赣州市", short: ["赣州"], latin: ["Ganzhou"]),
        .init(id: "yd", level: .county, parent: "gz", full: "于都县", short: [], latin: ["Yudu"], isWellKnown: true),
        .init(id: "rj", level: .county, parent: "gz", full: "瑞金市", short: ["瑞金"], latin: []),
        .init(id: "gd", level: .province, parent: "cn", full: "广东省", short: ["广东"], latin: ["Guangdong"]),
        // Listed twice: the later entry is the place (and both are listed under the parent).
        .init(id: "rj", level: .county, parent: "gz", full: "瑞金市", short: ["瑞金"], latin: ["Ruijin"]),
        // A parent the list does not hold.
        .init(id: "xx", level: .county, parent: "nowhere", full: "某县", short: [], latin: [])
    ]

    static func readBack(_ gazetteer: Gazetteer) throws -> Gazetteer {
        var writer = ImageWriter()
        gazetteer.write(to: &writer)
        return try writer.bytes.withUnsafeBytes { raw throws -> Gazetteer in
            var reader = ImageReader(raw)
            return try Gazetteer(image: &reader)
        }
    }

    @Test(arguments: [false, true])
    func answersWhatItsPlacesSay(fromImage: Bool) throws {
        let built = Gazetteer(places: Self.places)
        let gazetteer = fromImage ? try Self.readBack(built) : built
        #expect(gazetteer.placesInIDOrder.map(\.id) == ["cn", "gd", "gz", "jx", "rj", "xx", "yd"])
        #expect(gazetteer.idsInOrder == gazetteer.placesInIDOrder.map(\.id))
        for place in Self.places where place.id != "rj" { #expect(gazetteer[place.id] == place) }
        #expect(gazetteer["rj"]?.latin == ["Ruijin"], "the later entry")
        #expect(gazetteer["r"] == nil && gazetteer["zz"] == nil && gazetteer[""] == nil)
        #expect(gazetteer.lineage(of: "yd").map(\.id) == ["yd", "gz", "jx", "cn"])
        #expect(gazetteer.lineage(of: "xx").map(\.id) == ["xx"])
        #expect(gazetteer.ancestry(of: "yd").map(\.id) == ["yd", "gz", "jx", "cn"])
        #expect(gazetteer.ancestry(of: "yd").map(\.level) == [.county, .prefecture, .province, .country])
        #expect(gazetteer.level(of: "gz") == .prefecture && gazetteer.level(of: "zz") == nil)
        #expect(gazetteer.isWellKnown("yd") && !gazetteer.isWellKnown("rj") && !gazetteer.isWellKnown("zz"))
        #expect(gazetteer.parent(of: "xx") == "nowhere" && gazetteer.parent(of: "cn") == nil)
        #expect(gazetteer.generalized("yd", to: .province)?.full == "江西省")
        #expect(gazetteer.siblings(level: .county, under: "gz") == ["rj", "rj", "yd"])
        #expect(gazetteer.siblings(level: .province, under: "cn") == ["gd", "jx"])
        #expect(gazetteer.siblings(level: .county, under: "nowhere") == ["xx"])
        #expect(gazetteer.siblings(level: .country, under: nil) == ["cn"])
        #expect(gazetteer.form(of: "赣州", for: "gz") == .short)
        #expect(gazetteer.form(of: "ganzhou", for: "gz") == .latin)
    }

    /// A table whose parent sits at its child's level (an image damaged past its checksum) is
    /// refused rather than read: a walk up its lineage could go round for ever.
    @Test func aParentNotAboveItsChildIsRefused() throws {
        var writer = ImageWriter()
        Gazetteer(places: Self.places).write(to: &writer)
        let valid = writer.bytes
        // Each place's kind byte lies in the image as written: the level numbers in id order.
        let kinds: [UInt8] = [1, 2, 3, 2, 4, 4, 4 | 8]
        let at = try #require(valid.indices.first { valid[$0..<min(valid.count, $0 + kinds.count)].elementsEqual(kinds) })
        var damaged = valid
        damaged[at + 2] = 2 // gz (prefecture) becomes a province, as its parent jx is
        #expect(throws: ImageError.self) {
            try damaged.withUnsafeBytes { raw in
                var reader = ImageReader(raw)
                _ = try Gazetteer(image: &reader)
            }
        }
    }
}
