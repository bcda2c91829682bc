import Foundation
package import VeilText

/// How high a place sits: a policy generalizes a place to one of these levels.
package enum PlaceLevel: String, Sendable, Hashable, CaseIterable, Comparable {
    case region, country, province, prefecture, county

    var rank: Int { PlaceLevel.allCases.firstIndex(of: self)! }
    package static func < (lhs: PlaceLevel, rhs: PlaceLevel) -> Bool { lhs.rank < rhs.rank }
}

/// A list of places with their level, parent and the ways they are written: the data behind
/// `location-cn` and `location-world`, and what `generalize` and place pseudonyms work from.
package struct Gazetteer: Sendable {
    /// One place.
    package struct Place: Sendable, Hashable {
        package let id: String
        package let level: PlaceLevel
        package let parent: String?
        /// The full official name (江西省, 赣州市).
        package let full: String
        /// Short forms people write (江西, 赣州).
        package let short: [String]
        /// Romanized or English forms (Jiangxi, Ganzhou).
        package let latin: [String]
        /// A county written on its own often enough (海淀, 浦东) that its short form needs no evidence.
        package var isWellKnown: Bool = false
    }

    /// How a mention writes its place, so a replacement can be written the same way.
    package enum Form: String, Sendable { case full, short, latin }

    /// The places, flat: looked up by id, and made into ``Place`` values when asked for.
    private let table: PlaceTable

    /// `places` as listed; a place listed twice is its later entry.
    package init(places: [Place]) {
        table = PlaceTable(places)
    }

    /// Reads a places TSV: `id, level, parent, full name, short forms (|), romanized forms (|)` and
    /// optionally `known`; `#` lines are comments. Errors name the file and line.
    package init(contentsOf path: String) throws(ConfigurationError) {
        var places: [Place] = []
        var problems: [Diagnostic] = []
        try WordList.forEachRow(path, what: "the places file") { line, columns in
            guard columns.count == 6 || columns.count == 7, let level = PlaceLevel(rawValue: columns[1]), !columns[0].isEmpty, !columns[3].isEmpty else {
                problems.append(
                    Diagnostic(
                        file: path, line: line,
                        message:
                            "expected 6 tab-separated columns: id, level (\(PlaceLevel.allCases.map(\.rawValue).joined(separator: "|"))), parent, full name, short forms, romanized forms"
                    ))
                return
            }
            let list = { (column: String) in column.utf8.split(separator: UInt8(ascii: "|")).map { String(decoding: $0, as: UTF8.self) } }
            places.append(
                Place(
                    id: columns[0], level: level, parent: columns[2].isEmpty ? nil : columns[2], full: columns[3],
                    short: list(columns[4]), latin: list(columns[5]), isWellKnown: columns.count == 7 && columns[6] == "known"))
        }
        let levels = Dictionary(places.map { ($0.id, $0.level) }, uniquingKeysWith: { _, later in later })
        for (index, place) in places.enumerated() {
            guard let parent = place.parent else { continue }
            guard let level = levels[parent] else {
                problems.append(Diagnostic(file: path, message: "place \(place.id) (entry \(index + 1)) names a parent that is not in the file"))
                continue
            }
            // A parent above its child: no place is its own ancestor.
            if level >= place.level {
                problems.append(
                    Diagnostic(file: path, message: "place \(place.id) (entry \(index + 1)) has a parent at its own level or below (\(level.rawValue))"))
            }
        }
        if !problems.isEmpty { throw ConfigurationError(problems) }
        self.init(places: places)
    }

    package subscript(id: String) -> Place? { table.index(of: id).map(table.place) }

    /// Every place once, in the order of their ids' bytes (each made anew: for building and
    /// writing, not for every finding).
    package var placesInIDOrder: [Place] { (0..<table.count).map(table.place) }

    /// The places' ids in the same order (without making their places).
    package var idsInOrder: [String] { (0..<table.count).map(table.id) }

    /// The place and its ancestors, nearest first.
    package func lineage(of id: String) -> [Place] { chain(from: id).map(table.place) }

    /// The numbers of place `id` and its ancestors in the table, nearest first.
    private func chain(from id: String) -> [Int] {
        var chain: [Int] = []
        var current = table.index(of: id)
        while let index = current {
            chain.append(index)
            current = table.parentIndex(index)
        }
        return chain
    }

    /// The place's ancestors and itself as ids and levels, nearest first: ``lineage(of:)`` without
    /// making each place's names (what a finding asks of its place's relatives).
    package func ancestry(of id: String) -> [(id: String, level: PlaceLevel)] { chain(from: id).map { (table.id($0), table.level($0)) } }

    /// The level of place `id`, without making the place.
    package func level(of id: String) -> PlaceLevel? { table.index(of: id).map(table.level) }

    /// Whether place `id` is written on its own often enough to need no evidence.
    package func isWellKnown(_ id: String) -> Bool { table.index(of: id).map(table.isWellKnown) ?? false }

    /// The id of the parent of place `id`, as listed.
    package func parent(of id: String) -> String? { table.index(of: id).flatMap(table.parentID) }

    /// The place's ancestor at `level` (or the place itself when it is at or above that level).
    package func generalized(_ id: String, to level: PlaceLevel) -> Place? {
        let chain = lineage(of: id)
        guard let place = chain.first else { return nil }
        if place.level <= level { return place }
        return chain.first { $0.level == level } ?? chain.last
    }

    /// Places of the same level under `parent` (or, for top-level places, the other top-level ones).
    package func siblings(level: PlaceLevel, under parent: String?) -> [String] {
        (parent.flatMap { table.children(of: $0) } ?? table.roots(level) ?? []).filter { self.level(of: $0) == level }
    }

    /// How `text` writes place `id`.
    package func form(of text: String, for id: String) -> Form {
        guard let place = self[id] else { return .full }
        if text == place.full { return .full }
        if place.short.contains(text) { return .short }
        if place.latin.contains(where: { $0.caseInsensitiveCompare(text) == .orderedSame }) { return .latin }
        return text.unicodeScalars.allSatisfy(\.isASCII) ? .latin : .full
    }

    /// `place` written in `form` (falling back to the full name).
    package func name(of place: Place, in form: Form) -> String {
        switch form {
        case .full: return place.full
        case .short: return place.short.first ?? place.full
        case .latin: return place.latin.first ?? place.full
        }
    }
}

extension Gazetteer: ImageCodable {
    package func write(to image: inout ImageWriter) { image.write(table) }

    package init(image: inout ImageReader) throws(ImageError) { table = try image.read() }
}

extension Gazetteer.Form: ImageCodable {
    package func write(to image: inout ImageWriter) {
        switch self {
        case .full: image.write(UInt8(0))
        case .short: image.write(UInt8(1))
        case .latin: image.write(UInt8(2))
        }
    }

    package init(image: inout ImageReader) throws(ImageError) {
        switch try image.read(UInt8.self) {
        case 0: self = .full
        case 1: self = .short
        case 2: self = .latin
        default: throw ImageError("a place name's form is unknown")
        }
    }
}

/// A recognizer backed by a gazetteer; its findings' canonical values are place ids.
package protocol PlaceRecognizer: Recognizer {
    var gazetteer: Gazetteer { get }
}
