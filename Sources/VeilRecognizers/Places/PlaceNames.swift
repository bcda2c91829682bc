import VeilCore
import VeilText

/// Every name a gazetteer recognizer looks for (full, short, romanized, county variants), flat:
/// the names' UTF-8 in one array, each name's form, and its places as numbers in the gazetteer's id
/// order. Read from an image as a few arrays, with no string or array per name (a gazetteer of the
/// world has 66,000 names); a name's text and places are made when a hit asks for them.
struct PlaceNames: Sendable {
    private let text: [UInt8]
    /// Name `i` is `text[starts[i]..<starts[i + 1]]`.
    private let starts: [Int32]
    /// Each name's ``Gazetteer/Form`` (``formNumber(_:)``).
    private let forms: [UInt8]
    /// Name `i`'s places are `placeNumbers[placeStarts[i]..<placeStarts[i + 1]]`, numbers into `ids`.
    private let placeStarts: [Int32]
    private let placeNumbers: [Int32]
    /// The gazetteer's place ids, in the order of their numbers.
    private let ids: [String]

    var count: Int { forms.count }

    /// `names` in order, each with its places' numbers into `ids`.
    init(_ names: [(text: String, form: Gazetteer.Form, places: [Int32])], ids: [String]) {
        var text: [UInt8] = [], starts: [Int32] = [0], placeStarts: [Int32] = [0], placeNumbers: [Int32] = []
        for name in names {
            text += name.text.utf8
            starts.append(Int32(text.count))
            placeNumbers += name.places
            placeStarts.append(Int32(placeNumbers.count))
        }
        self.text = text
        self.starts = starts
        self.forms = names.map { Self.formNumber($0.form) }
        self.placeStarts = placeStarts
        self.placeNumbers = placeNumbers
        self.ids = ids
    }

    func form(_ name: Int) -> Gazetteer.Form { Self.forms[Int(forms[name])] }

    func text(_ name: Int) -> String { String(decoding: text[Int(starts[name])..<Int(starts[name + 1])], as: UTF8.self) }

    /// The ids of the places the name names, in the order of their ids.
    func places(_ name: Int) -> [String] { placeNumbers[Int(placeStarts[name])..<Int(placeStarts[name + 1])].map { ids[Int($0)] } }

    func placeCount(_ name: Int) -> Int { Int(placeStarts[name + 1] - placeStarts[name]) }

    private static let forms: [Gazetteer.Form] = [.full, .short, .latin]
    private static func formNumber(_ form: Gazetteer.Form) -> UInt8 { UInt8(forms.firstIndex(of: form)!) }

    func write(to image: inout ImageWriter) {
        image.write(text)
        image.write(starts)
        image.write(forms)
        image.write(placeStarts)
        image.write(placeNumbers)
    }

    /// Reads the names written by ``write(to:)``, for a gazetteer whose places have `ids`; every
    /// number is checked to point inside the names or the gazetteer.
    init(image: inout ImageReader, ids: [String]) throws(ImageError) {
        text = try image.read()
        starts = try image.read()
        forms = try image.read()
        placeStarts = try image.read()
        placeNumbers = try image.read()
        self.ids = ids
        guard areRunStarts(starts, runs: forms.count, of: text.count), areRunStarts(placeStarts, runs: forms.count, of: placeNumbers.count),
            forms.allSatisfy({ Int($0) < Self.forms.count }),
            placeNumbers.allSatisfy({ $0 >= 0 && Int($0) < ids.count })
        else { throw ImageError("a gazetteer's names have the wrong shape") }
    }
}
