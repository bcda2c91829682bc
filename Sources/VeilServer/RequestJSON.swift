import VeilCore
import VeilFormats

/// A request's JSON object, read with Veil's own parser so that every problem is answered 400 with
/// its place: the byte of invalid UTF-8, the line and column of a syntax error, the member (and
/// element) of a value of the wrong type.
struct RequestJSON {
    let document: JSONDocument

    /// Parses `body`, which must be one JSON object whose members are all in `members`.
    init(body: [UInt8], members: Set<String>, shape: String) throws(APIError) {
        if let offset = DocumentText.firstInvalidUTF8Offset(in: body) { throw .badRequest("the body is not valid UTF-8 at byte \(offset)") }
        do { document = try JSONDocument(body) } catch {
            var positions = TextPositions(body)
            let place = positions.position(ofByte: error.offset)
            throw .badJSON("line \(place.line), column \(place.column): \(error.message)")
        }
        guard document.isObject else { throw .badRequest("the body must be a JSON object with \(shape)") }
        if let unknown = document.fields.keys.filter({ !members.contains($0) }).sorted().first {
            throw .badRequest("unknown member \"\(unknown)\": the body holds \(shape)")
        }
    }

    func has(_ key: String) -> Bool { document.fields[key] != nil }

    /// A string member, nil when absent (or null).
    func string(_ key: String) throws(APIError) -> String? {
        guard let field = document.fields[key], !isNull(field.range) else { return nil }
        guard field.isString, let text = try? document.string(key) else { throw .badRequest("\"\(key)\" must be a string") }
        return text
    }

    /// A number member, nil when absent (or null).
    func number(_ key: String) throws(APIError) -> Double? {
        guard let field = document.fields[key], !isNull(field.range) else { return nil }
        guard !field.isString, let value = Double(String(decoding: document.bytes[field.range], as: UTF8.self)) else {
            throw .badRequest("\"\(key)\" must be a number")
        }
        return value
    }

    /// Refuses a member that is there and neither an object nor null (one read, not followed).
    func requireObject(_ key: String) throws(APIError) {
        guard let field = document.fields[key], !isNull(field.range) else { return }
        guard document.bytes[field.range].first == UInt8(ascii: "{") else { throw .badRequest("\"\(key)\" must be an object") }
    }

    /// A whole number member, nil when absent (or null).
    func integer(_ key: String) throws(APIError) -> Int? {
        guard let field = document.fields[key], !isNull(field.range) else { return nil }
        guard !field.isString, let value = Int(String(decoding: document.bytes[field.range], as: UTF8.self)) else {
            throw .badRequest("\"\(key)\" must be a whole number")
        }
        return value
    }

    /// A true-or-false member, nil when absent (or null).
    func boolean(_ key: String) throws(APIError) -> Bool? {
        guard let field = document.fields[key], !isNull(field.range) else { return nil }
        switch String(decoding: document.bytes[field.range], as: UTF8.self) {
        case "true": return true
        case "false": return false
        default: throw .badRequest("\"\(key)\" must be true or false")
        }
    }

    /// An array of strings, nil when absent (or null).
    func strings(_ key: String) throws(APIError) -> [String]? {
        guard let elements = try elements(key, nested: false) else { return nil }
        var strings: [String] = []
        for (index, element) in elements.enumerated() {
            guard element.count == 1, let leaf = element[nil], leaf.isString, let text = try? document.text(of: leaf) else {
                throw .badRequest("\"\(key)\" must be an array of strings (element \(index) is not one)")
            }
            strings.append(text)
        }
        return strings
    }

    /// An array of objects, each as its plain members' leaves by key (members that are arrays or
    /// objects are passed over); nil when absent (or null).
    func objects(_ key: String) throws(APIError) -> [[String: JSONDocument.Leaf]]? {
        guard let elements = try elements(key, nested: true) else { return nil }
        var objects: [[String: JSONDocument.Leaf]] = []
        for (index, element) in elements.enumerated() {
            var members: [String: JSONDocument.Leaf] = [:]
            for (name, leaf) in element {
                guard let name else { throw .badRequest("\"\(key)\" must be an array of objects (element \(index) is not one)") }
                members[name] = leaf
            }
            objects.append(members)
        }
        return objects
    }

    /// The text of a leaf that must be a string.
    func text(_ leaf: JSONDocument.Leaf?, _ what: String) throws(APIError) -> String {
        guard let leaf, leaf.isString, let text = try? document.text(of: leaf) else { throw .badRequest("\(what) must be a string") }
        return text
    }

    /// The value of a leaf that must be a number.
    func number(_ leaf: JSONDocument.Leaf?, _ what: String) throws(APIError) -> Double {
        guard let leaf, !leaf.isString, let value = Double(String(decoding: document.bytes[leaf.range], as: UTF8.self)) else {
            throw .badRequest("\(what) must be a number")
        }
        return value
    }

    /// Each element of the array `key`: its leaves by member name (nil for an element that is a
    /// plain value; none for an empty array or object). Values deeper than an element's members are
    /// passed over when `nested`, refused otherwise.
    private func elements(_ key: String, nested: Bool) throws(APIError) -> [[String?: JSONDocument.Leaf]]? {
        guard let field = document.fields[key], !isNull(field.range) else { return nil }
        guard document.bytes[field.range].first == UInt8(ascii: "[") else { throw .badRequest("\"\(key)\" must be an array") }
        let count = document.members.filter { $0.path.count == 2 && $0.path.first == .key(key) }.count
        var elements = [[String?: JSONDocument.Leaf]](repeating: [:], count: count)
        for leaf in document.leaves where leaf.path.first == .key(key) {
            guard leaf.path.count >= 2, case .index(let index) = leaf.path[1], index < count else { continue }
            switch leaf.path.count {
            case 2: elements[index][nil] = leaf
            case 3:
                guard case .key(let name) = leaf.path[2] else { throw .badRequest("\"\(key)\": element \(index) holds an array") }
                elements[index][name] = leaf
            default: if !nested { throw .badRequest("\"\(key)\": element \(index) is nested too deep") }
            }
        }
        return elements
    }

    private func isNull(_ range: Range<Int>) -> Bool { document.bytes[range].elementsEqual("null".utf8) }
}
