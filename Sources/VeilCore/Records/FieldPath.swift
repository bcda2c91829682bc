/// Which fields a rule is for: a CSV column or top-level JSON key by name (`author`), or a JSON path
/// (`$.author.name`, `$.replies[*].text`, `$.tags[0]`, `$['odd key']`, `$.*.name`).
package struct FieldPath: Sendable, Hashable, CustomStringConvertible {
    /// One step of a concrete path: a member name or an array index.
    package enum Step: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    /// One step of a pattern.
    package enum Pattern: Sendable, Hashable {
        case key(String)
        case index(Int)
        case anyKey
        case anyIndex
    }

    package let patterns: [Pattern]
    package let description: String

    /// The top-level member `name`, whatever characters it holds (a quote, a dot, a bracket).
    package init(member name: String) {
        patterns = [.key(name)]
        description = Self.render([.key(name)])
    }

    /// Parses `text`; the error says what is wrong and at which character.
    package init(_ text: String) throws(FieldPathError) {
        description = text
        guard text.hasPrefix("$") else {
            // A bare name: a column, or a key of the top-level object.
            guard !text.isEmpty else { throw FieldPathError(offset: 0, message: "a field name cannot be empty") }
            patterns = [.key(text)]
            return
        }
        var patterns: [Pattern] = []
        let characters = Array(text)
        var index = 1
        func fail(_ message: String) -> FieldPathError { FieldPathError(offset: index, message: message) }
        while index < characters.count {
            switch characters[index] {
            case ".":
                index += 1
                var name = ""
                while index < characters.count, characters[index] != ".", characters[index] != "[" { name.append(characters[index]); index += 1 }
                guard !name.isEmpty else { throw fail("expected a member name after '.'") }
                patterns.append(name == "*" ? .anyKey : .key(name))
            case "[":
                index += 1
                guard index < characters.count else { throw fail("unclosed '['") }
                if characters[index] == "'" || characters[index] == "\"" {
                    let quote = characters[index]
                    index += 1
                    var name = ""
                    while index < characters.count, characters[index] != quote { name.append(characters[index]); index += 1 }
                    guard index + 1 < characters.count, characters[index + 1] == "]" else { throw fail("expected \(quote)] to close the member name") }
                    index += 2
                    patterns.append(.key(name))
                } else {
                    let innerStart = index
                    var inner = ""
                    while index < characters.count, characters[index] != "]" { inner.append(characters[index]); index += 1 }
                    guard index < characters.count else { throw fail("unclosed '['") }
                    index += 1
                    if inner == "*" {
                        patterns.append(.anyIndex)
                    } else if let number = Int(inner), number >= 0 {
                        patterns.append(.index(number))
                    } else {
                        throw FieldPathError(offset: innerStart, message: "expected an index, * or a quoted name inside [ ], found '\(inner)'")
                    }
                }
            default:
                throw fail("expected '.' or '[' in the path")
            }
        }
        guard !patterns.isEmpty else { throw FieldPathError(offset: 1, message: "the path names no field ('$' alone is the whole record)") }
        self.patterns = patterns
    }

    /// How many steps of `path` this pattern matches from its start (it must match all of its own
    /// steps), or nil.
    package func matchedLength(of path: [Step]) -> Int? {
        guard patterns.count <= path.count else { return nil }
        for (pattern, step) in zip(patterns, path) {
            switch (pattern, step) {
            case (.key(let name), .key(let key)) where name == key: continue
            case (.index(let wanted), .index(let index)) where wanted == index: continue
            case (.anyKey, .key), (.anyIndex, .index): continue
            default: return nil
            }
        }
        return patterns.count
    }

    /// `$.replies[2].text` for a concrete path.
    package static func render(_ path: [Step]) -> String {
        "$"
            + path.map { step in
                switch step {
                case .key(let name):
                    return name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) ? ".\(name)" : "['\(name)']"
                case .index(let index): return "[\(index)]"
                }
            }.joined()
    }
}

/// A field path that cannot be parsed: what is wrong and at which character (0-based).
package struct FieldPathError: Error, Sendable {
    package let offset: Int
    package let message: String
}
