/// What the documents of a run hand on to the next — the sections of a file too long to hold at
/// once, the files of one run, the records of a dataset, the elements of a stream: the people they
/// have named in full, so that a later document finds their names again and links 卢先生 to the
/// 卢立兵 of an earlier one, as it would within one document.
///
/// It keeps the most recently named people (at least `capacity`), so neither its memory nor the
/// work it adds to each document grows with the length of the run: linking looks people up by
/// surname and given name, and their names are searched for with one automaton (`MentionIndex`).
public struct DocumentContext: Sendable {
    /// How many people are kept at least; a person first named further back than this many other
    /// people is no longer linked from a bare mention.
    package static let capacity = 5_000

    /// The records of a dataset link to the records before them in the same block of this many
    /// bytes of their file (4 MiB, some eight thousand forum posts), and to no others: what a record
    /// becomes depends on its file's bytes from the block's start, so a file cut at block
    /// boundaries (the partitions of a Spark job, whose split size is a multiple of this) gives the
    /// output of the whole file, part by part.
    package static let recordBlockSize = 1 << 22

    /// One detection per distinct full name, oldest first, its range emptied (it lies in an earlier
    /// document).
    private(set) var people: [Detection] = []
    /// Each person's place in `people`, by ``key(of:)``.
    private var position: [[UInt8]: Int] = [:]
    /// The people as the linker looks them up.
    private(set) var known = KnownPeople()
    /// Per plugin, the repeatable mentions of `people[..<indexed]` (``Engine`` brings it up to date).
    var mentions: [String: MentionIndex] = [:]
    var indexed = 0

    public init() {}

    /// Keeps the full names among a document's detections (in order: the last named of a surname is
    /// the one a later 卢先生 links to).
    mutating func remember(_ detections: [Detection]) {
        // Each person once, in the order of their last mention: what a later document links to
        // is the same as if every mention were noted in turn, at a fraction of the work.
        var last: [[UInt8]: (index: Int, person: Detection)] = [:]
        for (index, detection) in detections.enumerated() where detection.entity == .person {
            guard detection.facts.personForm?.namesWholePerson == true else { continue }
            var person = detection
            person.range = -1 ..< -1
            let key = Self.key(of: person)
            last[key] = (index, last[key]?.person ?? person)
        }
        for (key, entry) in last.sorted(by: { $0.value.index < $1.value.index }) {
            if let index = position[key] {
                known.note(people[index])
                continue
            }
            position[key] = people.count
            people.append(entry.person)
            known.note(entry.person)
        }
        if people.count > 2 * Self.capacity { forgetOldest() }
    }

    private mutating func forgetOldest() {
        people.removeFirst(people.count - Self.capacity)
        position = Dictionary(uniqueKeysWithValues: people.enumerated().map { (Self.key(of: $1), $0) })
        known = KnownPeople()
        for person in people { known.note(person) }
        mentions = [:]
        indexed = 0
    }

    /// A person's plugin, form and canonical value, as UTF-8 (hashed without normalizing).
    private static func key(of person: Detection) -> [UInt8] {
        var key = Array(person.pluginID.utf8)
        key.append(0)
        key += (person.facts.personForm?.rawValue ?? "").utf8
        key.append(0)
        key += person.canonical.utf8
        return key
    }
}

/// A document whose recognizers have run (``Engine/recognize(_:parallel:)``), waiting to be
/// settled (``Engine/settle(_:context:)``). It may be handed from the thread that recognized it to
/// the one that settles it, but used by one at a time.
package struct RecognizedDocument: @unchecked Sendable {
    package let document: DocumentText
    let detections: [Detection]
    /// Further mentions of what was found, where the document writes it again.
    let repeats: [Detection]
}
