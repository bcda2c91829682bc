import VeilText

/// One value of a record — a CSV cell, a JSON string — and the rule that applies to it.
package struct RecordValue: Sendable, Hashable {
    package var text: String
    package var rule: FieldRule
    /// The field's name (a CSV column's header, a JSON path): context for the value, as a table
    /// column's header is for its cells ("QQ" names what 12345678 is).
    package var name: String?

    package init(_ text: String, rule: FieldRule, name: String? = nil) {
        self.text = text
        self.rule = rule
        self.name = name
    }
}

extension RecordValue {
    /// The words that name one side of an exchange: a field so named holds the same kind of value
    /// as its counterpart (`talker` and `to` in a chat export, `payer` and `payee` in a transfer).
    static let counterpartWords: Set<String> = [
        "from", "to", "sender", "receiver", "recipient", "talker", "peer", "caller",
        "callee", "payer", "payee", "src", "dst", "发送者", "接收者", "发送方", "接收方",
        "付款方", "收款方", "主叫", "被叫"
    ]

    /// Each value's label as context sees it: its field's name, and for a field named as one side
    /// of an exchange, the names of the other sides beside it (siblings in one JSON object, or
    /// columns of one CSV row), so that `"to": "lina_1990"` next to `"talker"` or
    /// `"sender_wechat"` reads as a WeChat ID as its counterpart does.
    ///
    /// A field named for free text (`text`, `body`, `message`) labels nothing: its name says what
    /// kind of field it is, not what its words are ("text" before a number in a post is a cue that
    /// the number is a phone's; a post's field named text is not).
    static func labels(of values: [RecordValue]) -> [String?] {
        let named = values.map { value in value.name.flatMap { isFreeText($0) ? nil : $0 } }
        let sides = values.map { value in value.name.flatMap { name in isCounterpart(name) ? parent(of: name) : nil } }
        guard sides.contains(where: { $0 != nil }) else { return named }
        return values.indices.map { index in
            guard let name = values[index].name, let parent = sides[index] else { return named[index] }
            let others = values.indices.filter { $0 != index && sides[$0] == parent }.compactMap { values[$0].name }
            return others.isEmpty ? name : ([name] + others).joined(separator: " ")
        }
    }

    /// The names of fields that hold free text: a post, a message, a comment.
    static let freeTextNames: Set<String> = [
        "text", "body", "content", "message", "msg", "comment", "comments", "description", "post",
        "note", "notes", "title", "summary", "review", "remarks", "transcript", "caption", "tweet",
        "reply", "answer", "question", "正文", "内容", "评论", "留言", "备注"
    ]

    /// Whether the last part of a field's name (`text`, `$.post.body`) names free text.
    private static func isFreeText(_ name: String) -> Bool {
        let last = name.split(whereSeparator: { ".[]$".contains($0) }).last.map(String.init) ?? name
        return freeTextNames.contains(last.lowercased())
    }

    /// Whether the last part of a field's name is, or is made of, a counterpart word
    /// (`to`, `sender_wechat`, `fromUser`, `接收者`).
    private static func isCounterpart(_ name: String) -> Bool {
        let last = name.split(whereSeparator: { ".[]$".contains($0) }).last.map(String.init) ?? name
        var words: [String] = []
        var word = ""
        for character in last {
            if character == "_" || character == "-" || character == " " || (character.isUppercase && !word.isEmpty && word.last?.isLowercase == true) {
                if !word.isEmpty { words.append(word.lowercased()) }
                word = character.isLetter || character.isNumber ? String(character) : ""
            } else {
                word.append(character)
            }
        }
        if !word.isEmpty { words.append(word.lowercased()) }
        // Chinese words stand inside a name without separators (付款方QQ).
        if words.contains(where: counterpartWords.contains) { return true }
        let bytes = Array(last.utf8)
        return bytes.contains { $0 >= 0x80 } && chineseCounterpartWords.contains { bytes.firstRange(of: $0) != nil }
    }

    /// The counterpart words in Chinese characters, as UTF-8 (searched for as bytes, in an array and
    /// only in a name that is not ASCII: a String search, or one in a String's UTF-8 view, at every
    /// record cost a twelfth of a dataset's run).
    private static let chineseCounterpartWords: [[UInt8]] = counterpartWords.filter { !$0.allSatisfy(\.isASCII) }.map { Array($0.utf8) }

    /// The object a JSON path's value sits in (`$.msg.to` → `$.msg`); one CSV row for a column.
    private static func parent(of name: String) -> String {
        guard name.hasPrefix("$"), let cut = name.lastIndex(where: { $0 == "." || $0 == "[" }) else { return "" }
        return String(name[..<cut])
    }
}

extension Anonymizer {
    /// A record's values after anonymizing: each value's new text (nil for a dropped one) and what
    /// was found in it (offsets in code points into that value).
    package struct RecordResult: Sendable {
        package let texts: [String?]
        package let findings: [[Finding]]
        /// Each value's rewrites (UTF-8 ranges into the value's text), nil for a dropped value:
        /// what a writer splices into the value as it was written, and what reveal may undo.
        package let rewrites: [[Rewrite]?]
    }

    /// Anonymizes the values of one record together, so that a person named in one field and
    /// mentioned in another (an `author` column and 回复王芳 in the `body`) is linked and gets one
    /// pseudonym, as within a document.
    ///
    /// Values to `scan` and `entity` values are analyzed as one document, a blank line between
    /// values (nothing found may cross it). An `entity` value is one mention of its entity whatever
    /// the recognizers made of it, and the same text where the record's free text mentions it is
    /// that mention too. `keep` values are returned unchanged, `drop` values as nil, `hash` values
    /// as a keyed hash of the whole value.
    ///
    /// With `known` values (every entity field of the dataset, ``knownValues(_:)``), a value is
    /// also found where another record's entity field holds it.
    package func anonymize(record values: [RecordValue], known: KnownValues = .empty) throws -> RecordResult {
        var context = DocumentContext()
        return try anonymize(try recognize(record: values), known: known, context: &context)
    }

    /// Anonymizes a recognized record (``recognize(record:)``) in its place in a run: `context`
    /// brings the people named in the records before it (linked here as within one record) and
    /// takes this record's. Records settled in the order they come get the same result however
    /// they were recognized (in parallel, in batches of any size).
    package func anonymize(_ record: RecognizedRecord, known: KnownValues = .empty, context: inout DocumentContext) throws -> RecordResult {
        let values = record.values
        let analysis = analyze(record, known: known, context: &context)
        let (bytes, ranges) = (analysis.bytes, analysis.ranges)
        let byValue = Self.grouped(analysis.detections, by: ranges)
        var texts: [String?] = []
        var findings: [[Finding]] = []
        var rewrites: [[Rewrite]?] = []
        for (index, (value, range)) in zip(values, ranges).enumerated() {
            switch value.rule {
            case .keep:
                texts.append(value.text)
                findings.append([])
                rewrites.append([])
            case .drop:
                texts.append(nil)
                findings.append([])
                rewrites.append(nil)
            case .hash(let length):
                let hashed = value.text.isEmpty ? value.text : hash(value.text, length: length)
                texts.append(hashed)
                findings.append([])
                rewrites.append(hashed == value.text ? [] : [Rewrite(range: 0..<value.text.utf8.count, replacement: hashed, isReversible: false)])
            case .scan, .entity:
                guard let range else { continue }
                let changes = try self.rewrites(bytes[range], byValue[index])
                texts.append(String(decoding: OutputPiece.splicing(bytes[range], changes).bytes, as: UTF8.self))
                findings.append(Finding.from(Self.local(byValue[index], in: range), in: Array(bytes[range])))
                rewrites.append(changes)
            }
        }
        return RecordResult(texts: texts, findings: findings, rewrites: rewrites)
    }

    /// Anonymizes a record as ``anonymize(record:known:)`` does and returns, for each value that is
    /// scanned, its changes (byte ranges into the value), for the review page; nil for the others.
    package func review(record values: [RecordValue], known: KnownValues = .empty) throws -> [[Change]?] {
        var context = DocumentContext()
        return try review(try recognize(record: values), known: known, context: &context)
    }

    /// Reviews a recognized record in its place in a run, as ``anonymize(_:known:context:)`` does.
    package func review(_ record: RecognizedRecord, known: KnownValues = .empty, context: inout DocumentContext) throws -> [[Change]?] {
        let values = record.values
        let analysis = analyze(record, known: known, context: &context)
        let byValue = Self.grouped(analysis.detections, by: analysis.ranges)
        return try zip(values, analysis.ranges).enumerated().map { index, pair in
            let (value, range) = pair
            guard let range else { return nil }
            switch value.rule {
            case .scan, .entity: break
            case .keep, .drop, .hash: return nil
            }
            var changes: [Change] = []
            _ = try rewrites(analysis.bytes[range], byValue[index]) { changes.append(change($0, $1, from: range.lowerBound)) }
            return changes
        }
    }

    /// What was found in each value of a record (code point offsets into the value), analyzed
    /// together as ``anonymize(record:)`` does, without rewriting anything.
    package func scan(record values: [RecordValue], known: KnownValues = .empty) throws -> [[Finding]] {
        var context = DocumentContext()
        return scan(try recognize(record: values), known: known, context: &context)
    }

    /// What was found in a recognized record, settled in its place in a run as
    /// ``anonymize(_:known:context:)`` does.
    package func scan(_ record: RecognizedRecord, known: KnownValues = .empty, context: inout DocumentContext) -> [[Finding]] {
        let analysis = analyze(record, known: known, context: &context)
        let byValue = Self.grouped(analysis.detections, by: analysis.ranges)
        return analysis.ranges.indices.map { index in
            guard let range = analysis.ranges[index] else { return [] }
            return Finding.from(Self.local(byValue[index], in: range), in: Array(analysis.bytes[range]))
        }
    }
}

/// A record whose recognizers have run (``Anonymizer/recognize(record:)``), waiting to be settled
/// in its place in the run. It may be handed from the thread that recognized it to the one that
/// settles it, but used by one at a time.
package struct RecognizedRecord: Sendable {
    let values: [RecordValue]
    /// Where each value lies in the record's document (nil: not analyzed).
    let ranges: [Range<Int>?]
    /// Nil when no value is analyzed.
    let recognized: RecognizedDocument?
}

extension Anonymizer {
    fileprivate struct RecordAnalysis {
        let bytes: [UInt8]
        let ranges: [Range<Int>?]
        let detections: [Detection]
    }

    /// The first step of anonymizing a record: its values to analyze laid out as one document (a
    /// blank line between values, which nothing found may cross) and what the recognizers report in
    /// it. It needs nothing from other records, so records are recognized on every core and then
    /// settled in order (``anonymize(_:known:context:)``).
    package func recognize(record values: [RecordValue]) throws -> RecognizedRecord {
        var bytes: [UInt8] = []
        var ranges: [Range<Int>?] = []
        var labels: [DocumentText.FieldLabel] = []
        let names = self.labels(of: values)
        for (value, name) in zip(values, names) {
            switch value.rule {
            case .scan, .entity:
                if !bytes.isEmpty { bytes += [0x0A, 0x0A] }
                let start = bytes.count
                bytes += value.text.utf8
                ranges.append(start..<bytes.count)
                if let name { labels.append(.init(range: start..<bytes.count, name: Array(name.utf8))) }
            case .keep, .drop, .hash:
                ranges.append(nil)
            }
        }
        let document = DocumentText(String(decoding: bytes, as: UTF8.self))
        document.fieldLabels = labels
        return RecognizedRecord(values: values, ranges: ranges, recognized: bytes.isEmpty ? nil : try engine.recognize(document))
    }

    fileprivate func analyze(_ record: RecognizedRecord, known: KnownValues, context: inout DocumentContext) -> RecordAnalysis {
        let (values, ranges) = (record.values, record.ranges)
        let bytes = record.recognized?.document.bytes ?? []
        var detections = record.recognized.map { engine.settle($0, knowing: &context) } ?? []
        detections = Self.clipped(detections, to: ranges.compactMap { $0 })

        // Entity values: one mention each, and their text where the free text repeats it.
        var named: [Detection] = []
        var parts: [(text: [UInt8], whole: Detection)] = []
        for (value, range) in zip(values, ranges) {
            guard case .entity(let entity) = value.rule, let range else { continue }
            let trimmed = Self.trimmed(range, in: bytes)
            guard !trimmed.isEmpty else { continue }
            let text = String(decoding: bytes[trimmed], as: UTF8.self)
            let whole =
                known.template(for: text).flatMap { $0.entity == entity ? $0 : nil }.map { template in
                    var whole = template
                    whole.range = trimmed
                    return whole
                } ?? detections.first { $0.entity == entity && $0.range == trimmed }
                ?? Detection(
                    range: trimmed, entity: entity, score: 1, pluginID: "field", rule: "field",
                    canonical: String(decoding: bytes[trimmed], as: UTF8.self), facts: MentionFacts())
            // A name inside a screen name (阿花 of 阿花不是花) is that person where the record's
            // text writes it alone.
            for part in detections where Self.isNamePart(part, of: trimmed, entity: entity, in: bytes) {
                parts.append((Array(bytes[part.range]), whole))
            }
            detections.removeAll { $0.range.overlaps(range) }
            detections.append(whole)
            named.append(whole)
        }
        // The whole values first, then the names inside them where the text is not the whole.
        let wholes = named.filter { $0.range.count >= 2 }.map { (Array(bytes[$0.range]), $0, "field-repeated") }
        for (needle, mention, rule) in wholes + parts.map({ ($0.text, $0.whole, "field-part") }) {
            for (value, range) in zip(values, ranges) {
                guard value.rule == .scan, let range else { continue }
                for start in Self.occurrences(of: needle, in: bytes, within: range) {
                    let found = start..<start + needle.count
                    guard Self.givesWay(&detections, to: found, in: bytes) else { continue }
                    var repeated = mention
                    repeated.range = found
                    repeated.rule = rule
                    detections.append(repeated)
                }
            }
        }
        // Values of other records' entity fields, where this record's free text names them.
        if !known.isEmpty {
            for (value, range) in zip(values, ranges) {
                guard value.rule == .scan, let range else { continue }
                let slice = Array(bytes[range])
                for occurrence in known.automaton.occurrences(in: slice) {
                    let found = (range.lowerBound + occurrence.range.lowerBound)..<(range.lowerBound + occurrence.range.upperBound)
                    let word = known.words[occurrence.word]
                    guard bytes[found].elementsEqual(word), !Self.cutsAWord(found, in: bytes, range: range),
                        Self.givesWay(&detections, to: found, in: bytes)
                    else { continue }
                    var mention = known.templates[occurrence.word]
                    mention.range = found
                    mention.rule = "field-known"
                    detections.append(mention)
                }
            }
        }
        detections.sort { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
        context.remember(detections)
        return RecordAnalysis(bytes: bytes, ranges: ranges, detections: detections)
    }

    /// Whether `part` is a name inside an entity value at `whole` that stands for the value's
    /// holder where a text writes it alone: 阿花 in the screen name 阿花不是花. A full name is not
    /// (王小明 in 王小明的爸爸 is someone else), nor a place written in full, nor a single character.
    static func isNamePart(_ part: Detection, of whole: Range<Int>, entity: EntityType, in bytes: [UInt8]) -> Bool {
        part.entity == entity && whole.lowerBound <= part.range.lowerBound && part.range.upperBound <= whole.upperBound && part.range != whole
            && part.facts.personForm?.isLinkedTo != true && part.facts.placeForm != .full
            && String(decoding: bytes[part.range], as: UTF8.self).unicodeScalars.count >= 2
    }

    /// Makes room for an entity field's value where a text repeats it: what was found inside it
    /// (深圳 in 深圳打工仔, 关某 in 关某某) gives way, so the text's mention is the field's — one
    /// person, one pseudonym. So does a finding that runs on from a screen name's start (a handle
    /// pattern reads @小猫咪2019是我表哥 as one handle; the field says where it ends), and a handle
    /// that is the value with its @ (@深圳打工仔 where the author is 深圳打工仔: the @ stays, the name
    /// is the field's). False when anything else runs across its edge: that stays.
    static func givesWay(_ detections: inout [Detection], to found: Range<Int>, in bytes: [UInt8]) -> Bool {
        let inside = { (detection: Detection) in found.lowerBound <= detection.range.lowerBound && detection.range.upperBound <= found.upperBound }
        let screenName = bytes[found].contains { $0 == UInt8(ascii: "@") || ASCIIByte.isAlphanumeric($0) }
        let mentioned = found.lowerBound > 0 && bytes[found.lowerBound - 1] == UInt8(ascii: "@")
        let runsOn = { (detection: Detection) in
            (screenName && detection.range.lowerBound == found.lowerBound)
                || (mentioned && detection.range.lowerBound == found.lowerBound - 1 && detection.range.upperBound >= found.upperBound)
        }
        if detections.contains(where: { $0.range.overlaps(found) && !inside($0) && !runsOn($0) }) { return false }
        detections.removeAll { $0.range.overlaps(found) }
        return true
    }

    /// The first `length` hex digits of a keyed hash of a whole field value (the same value, the
    /// same hash, in every file of runs that share a key).
    func hash(_ text: String, length: Int) -> String {
        let code = engine.key.derived(for: "hash:field").authenticationCode(for: Array(text.utf8))
        let digits = Array("0123456789abcdef")
        return String(code.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0F)]] }.prefix(length))
    }

    /// Detections cut to the values they lie in: one that runs across the blank line between two
    /// values (it never should) becomes one detection per value it touches, so nothing is left
    /// unrewritten.
    static func clipped(_ detections: [Detection], to ranges: [Range<Int>]) -> [Detection] {
        var result: [Detection] = []
        for detection in detections {
            var index = SortedRanges.firstEnding(after: detection.range.lowerBound, in: ranges) { $0 }
            while index < ranges.endIndex, ranges[index].lowerBound < detection.range.upperBound {
                let range = ranges[index]
                if range.overlaps(detection.range) {
                    var part = detection
                    part.range = max(range.lowerBound, detection.range.lowerBound)..<min(range.upperBound, detection.range.upperBound)
                    result.append(part)
                }
                index += 1
            }
        }
        return result
    }

    /// The detections starting in each of `ranges` (sorted, apart from the nil ones), in order.
    static func grouped(_ detections: [Detection], by ranges: [Range<Int>?]) -> [[Detection]] {
        let present = ranges.indices.filter { ranges[$0] != nil }
        var groups = [[Detection]](filled: [], count: ranges.count)
        for detection in detections {
            if let slot = SortedRanges.index(holding: detection.range.lowerBound, in: present, { ranges[$0]! }) {
                groups[present[slot]].append(detection)
            }
        }
        return groups
    }

    /// The detections of one value (those inside `range`), with offsets from its start.
    static func local(_ detections: [Detection], in range: Range<Int>) -> [Detection] {
        detections.filter { range.contains($0.range.lowerBound) }.map { detection in
            var local = detection
            local.range = (detection.range.lowerBound - range.lowerBound)..<(detection.range.upperBound - range.lowerBound)
            return local
        }
    }

    static func trimmed(_ range: Range<Int>, in bytes: [UInt8]) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        while lower < upper, isSpace(bytes[lower]) { lower += 1 }
        while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    /// Whether `found` starts or ends inside a Latin word ("Li" in "Lisa").
    static func cutsAWord(_ found: Range<Int>, in bytes: [UInt8], range: Range<Int>) -> Bool {
        let isWordByte = { (index: Int) in
            range.contains(index) && ASCIIByte.isAlphanumeric(bytes[index])
        }
        return (isWordByte(found.lowerBound) && isWordByte(found.lowerBound - 1)) || (isWordByte(found.upperBound - 1) && isWordByte(found.upperBound))
    }

    static func occurrences(of needle: [UInt8], in bytes: [UInt8], within range: Range<Int>) -> [Int] {
        guard !needle.isEmpty, range.count >= needle.count else { return [] }
        var starts: [Int] = []
        var index = range.lowerBound
        while index + needle.count <= range.upperBound {
            let found = index..<index + needle.count
            if bytes[index] == needle[0], bytes[found].elementsEqual(needle), !cutsAWord(found, in: bytes, range: range) {
                starts.append(index)
                index += needle.count
            } else {
                index += 1
            }
        }
        return starts
    }
}
