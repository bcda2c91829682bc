import VeilText

/// A gazetteer's places laid out flat: every name's UTF-8 in one array, and each place's fields as
/// numbers into it, in the order of the places' ids. Read from a recognizer image as a few arrays
/// (no string, array or dictionary per place: a place is made when it is asked for), so a
/// gazetteer of 28,000 places costs start-up almost nothing.
struct PlaceTable: Sendable {
    /// Every string's UTF-8, one after another.
    private let text: [UInt8]
    /// String `i` is `text[stringStarts[i]..<stringStarts[i + 1]]`.
    private let stringStarts: [Int32]
    /// Per place, in the order of their ids' bytes: its id, full name and parent id (string
    /// numbers; -1: no parent), its parent's place number (-1: none, or not a place here), its
    /// level (``PlaceLevel/number``) with 8 added when it is well known.
    private let ids: [Int32]
    private let fulls: [Int32]
    private let parents: [Int32]
    private let parentPlaces: [Int32]
    private let kinds: [UInt8]
    /// Place `p`'s short forms are the `shortCounts[p]` strings from `nameStarts[p]` on, its
    /// romanized forms the `latinCounts[p]` strings after them.
    private let nameStarts: [Int32]
    private let shortCounts: [Int32]
    private let latinCounts: [Int32]
    /// The places under each place (`childList[childStarts[p]..<childStarts[p + 1]]`), and the
    /// places without a parent by level (`rootList[rootStarts[l]..<rootStarts[l + 1]]`), each list
    /// in the order of the ids as strings; a place listed twice in the data is listed twice here.
    private let childStarts: [Int32]
    private let childList: [Int32]
    private let rootStarts: [Int32]
    private let rootList: [Int32]
    /// Places listed under a parent the table does not hold, by that parent's id (none in a
    /// checked places file).
    private let strayChildren: [String: [Int32]]

    var count: Int { ids.count }

    /// `entries` as listed (a place listed twice is its later entry, as in a places file).
    init(_ entries: [Gazetteer.Place]) {
        let packed = PackedWords(entries.map(\.id))
        let order = packed.sortedIndices()
        let places = order.indices.filter { $0 + 1 == order.count || packed[order[$0 + 1]] != packed[order[$0]] }.map { entries[order[$0]] }
        var number: [String: Int32] = [:]
        number.reserveCapacity(places.count)
        for (index, place) in places.enumerated() { number[place.id] = Int32(index) }

        var text: [UInt8] = []
        var stringStarts: [Int32] = [0]
        func add(_ string: String) -> Int32 {
            text += string.utf8
            stringStarts.append(Int32(text.count))
            return Int32(stringStarts.count - 2)
        }
        var ids: [Int32] = [], fulls: [Int32] = [], parents: [Int32] = [], parentPlaces: [Int32] = [], kinds: [UInt8] = []
        var nameStarts: [Int32] = [], shortCounts: [Int32] = [], latinCounts: [Int32] = []
        for place in places {
            ids.append(add(place.id))
            fulls.append(add(place.full))
            parents.append(place.parent.map(add) ?? -1)
            parentPlaces.append(place.parent.flatMap { number[$0] } ?? -1)
            kinds.append(place.level.number | (place.isWellKnown ? 8 : 0))
            nameStarts.append(Int32(stringStarts.count - 1))
            shortCounts.append(Int32(place.short.count))
            latinCounts.append(Int32(place.latin.count))
            for name in place.short + place.latin { _ = add(name) }
        }

        // Children and roots from the entries as listed, sorted as strings.
        var children: [String: [String]] = [:]
        var roots: [PlaceLevel: [String]] = [:]
        for entry in entries {
            if let parent = entry.parent { children[parent, default: []].append(entry.id) } else { roots[entry.level, default: []].append(entry.id) }
        }
        var childStarts: [Int32] = [0], childList: [Int32] = []
        for place in places {
            childList += (children.removeValue(forKey: place.id) ?? []).sorted().map { number[$0]! }
            childStarts.append(Int32(childList.count))
        }
        var rootStarts: [Int32] = [0], rootList: [Int32] = []
        for level in PlaceLevel.allCases {
            rootList += (roots[level] ?? []).sorted().map { number[$0]! }
            rootStarts.append(Int32(rootList.count))
        }
        self.text = text
        self.stringStarts = stringStarts
        self.ids = ids
        self.fulls = fulls
        self.parents = parents
        self.parentPlaces = parentPlaces
        self.kinds = kinds
        self.nameStarts = nameStarts
        self.shortCounts = shortCounts
        self.latinCounts = latinCounts
        self.childStarts = childStarts
        self.childList = childList
        self.rootStarts = rootStarts
        self.rootList = rootList
        self.strayChildren = children.mapValues { $0.sorted().map { number[$0]! } }
    }

    private func string(_ number: Int32) -> String {
        String(decoding: text[Int(stringStarts[Int(number)])..<Int(stringStarts[Int(number) + 1])], as: UTF8.self)
    }

    /// The number of the place whose id is `id` (its bytes), found by halving.
    func index(of id: String) -> Int? {
        var id = id
        return id.withUTF8 { key in
            text.withUnsafeBufferPointer { text in
                var low = 0, high = ids.count
                while low < high {
                    let middle = (low + high) / 2
                    let start = Int(stringStarts[Int(ids[middle])]), end = Int(stringStarts[Int(ids[middle]) + 1])
                    let stored = UnsafeBufferPointer(rebasing: text[start..<end])
                    if stored.elementsEqual(key) { return middle }
                    if stored.lexicographicallyPrecedes(key) { low = middle + 1 } else { high = middle }
                }
                return nil
            }
        }
    }

    /// The id of the place numbered `index`.
    func id(_ index: Int) -> String { string(ids[index]) }

    /// The place numbered `index`.
    func place(_ index: Int) -> Gazetteer.Place {
        let shortStart = Int(nameStarts[index]), latinStart = shortStart + Int(shortCounts[index])
        return Gazetteer.Place(
            id: string(ids[index]), level: level(index), parent: parents[index] < 0 ? nil : string(parents[index]),
            full: string(fulls[index]), short: (shortStart..<latinStart).map { string(Int32($0)) },
            latin: (latinStart..<latinStart + Int(latinCounts[index])).map { string(Int32($0)) }, isWellKnown: kinds[index] & 8 != 0)
    }

    func level(_ index: Int) -> PlaceLevel { PlaceLevel(number: kinds[index] & 7)! }

    func isWellKnown(_ index: Int) -> Bool { kinds[index] & 8 != 0 }

    /// The id of the place's parent, as listed (nil: it has none).
    func parentID(_ index: Int) -> String? { parents[index] < 0 ? nil : string(parents[index]) }

    /// The number of the place's parent, if the table holds it.
    func parentIndex(_ index: Int) -> Int? { parentPlaces[index] < 0 ? nil : Int(parentPlaces[index]) }

    /// The ids of the places listed under the place `parent` (nil: none is), in order.
    func children(of parent: String) -> [String]? {
        let list: ArraySlice<Int32>
        if let index = index(of: parent) {
            list = childList[Int(childStarts[index])..<Int(childStarts[index + 1])]
        } else if let stray = strayChildren[parent] {
            list = stray[...]
        } else {
            return nil
        }
        return list.isEmpty ? nil : list.map { string(ids[Int($0)]) }
    }

    /// The ids of the places without a parent at `level` (nil: none), in order.
    func roots(_ level: PlaceLevel) -> [String]? {
        let number = Int(level.number)
        let list = rootList[Int(rootStarts[number])..<Int(rootStarts[number + 1])]
        return list.isEmpty ? nil : list.map { string(ids[Int($0)]) }
    }
}

extension PlaceTable: ImageCodable {
    func write(to image: inout ImageWriter) {
        image.write(text)
        image.write(stringStarts)
        image.write(ids)
        image.write(fulls)
        image.write(parents)
        image.write(parentPlaces)
        image.write(kinds)
        image.write(nameStarts)
        image.write(shortCounts)
        image.write(latinCounts)
        image.write(childStarts)
        image.write(childList)
        image.write(rootStarts)
        image.write(rootList)
        image.write(strayChildren)
    }

    /// Every number is checked to point inside the table (a damaged image is an error, never a
    /// read out of bounds), and every parent to sit above its child (no place is its own ancestor).
    init(image: inout ImageReader) throws(ImageError) {
        text = try image.read()
        stringStarts = try image.read()
        ids = try image.read()
        fulls = try image.read()
        parents = try image.read()
        parentPlaces = try image.read()
        kinds = try image.read()
        nameStarts = try image.read()
        shortCounts = try image.read()
        latinCounts = try image.read()
        childStarts = try image.read()
        childList = try image.read()
        rootStarts = try image.read()
        rootList = try image.read()
        strayChildren = try image.read()
        let count = ids.count, strings = stringStarts.count - 1
        func areStrings(_ numbers: [Int32], orNone: Bool = false) -> Bool {
            numbers.allSatisfy { ($0 >= 0 || (orNone && $0 == -1)) && Int($0) < strings }
        }
        func arePlaces(_ numbers: some Collection<Int32>) -> Bool { numbers.allSatisfy { $0 >= 0 && Int($0) < count } }
        guard strings >= 0, areRunStarts(stringStarts, runs: strings, of: text.count),
            fulls.count == count, parents.count == count, parentPlaces.count == count, kinds.count == count, nameStarts.count == count,
            shortCounts.count == count, latinCounts.count == count,
            areStrings(ids), areStrings(fulls), areStrings(parents, orNone: true),
            (0..<count).allSatisfy({
                nameStarts[$0] >= 0 && shortCounts[$0] >= 0 && latinCounts[$0] >= 0
                    && Int(nameStarts[$0]) + Int(shortCounts[$0]) + Int(latinCounts[$0]) <= strings
            }),
            areRunStarts(childStarts, runs: count, of: childList.count), arePlaces(childList),
            areRunStarts(rootStarts, runs: PlaceLevel.allCases.count, of: rootList.count), arePlaces(rootList),
            strayChildren.values.allSatisfy({ arePlaces($0) }), kinds.allSatisfy({ PlaceLevel(number: $0 & 7) != nil && $0 < 16 })
        else { throw ImageError("a place table has the wrong shape") }
        for index in 0..<count where parentPlaces[index] != -1 {
            guard parentPlaces[index] >= 0, Int(parentPlaces[index]) < count, kinds[Int(parentPlaces[index])] & 7 < kinds[index] & 7 else {
                throw ImageError("a place's parent is missing or not above it")
            }
        }
    }
}

extension PlaceLevel {
    /// The level's number in a place table (its rank, region 0 to county 4).
    var number: UInt8 { UInt8(rank) }

    init?(number: UInt8) {
        guard Int(number) < Self.allCases.count else { return nil }
        self = Self.allCases[Int(number)]
    }
}
