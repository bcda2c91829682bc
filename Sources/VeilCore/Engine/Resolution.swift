import VeilText

/// Settles what the recognizers reported into the findings of a document.
///
/// In order: drop findings below their entity's threshold; drop texts on the allow list; drop a
/// finding that lies wholly inside a longer one (leaks first: the longer span hides more — a QQ
/// number inside its mail address, a "name" read off the numerals of a phone number); then of
/// findings that cross keep the longer span in characters (leaks first again: what is left in clear is the part of
/// the other outside it — 车苏 read as a name must not unmask the plate 苏Y37830), then the higher
/// score, then the plugin with the higher `priority`, then the earlier start, then the smaller
/// plugin id and rule name — so the result never depends on the order recognizers ran in.
struct Resolution: Sendable {
    let thresholds: [EntityType: Double]
    let defaultThreshold: Double
    /// Allowed texts, lower-cased.
    let allow: Set<String>
    let priorities: [String: Int]

    func resolve(_ detections: [Detection], in bytes: [UInt8]) -> [Detection] {
        let allowed = detections.filter { detection in
            guard detection.score >= (thresholds[detection.entity] ?? defaultThreshold) else { return false }
            if allow.isEmpty { return true }
            let text = String(decoding: bytes[detection.range], as: UTF8.self).lowercased()
            return !allow.contains(text)
        }
        let candidates = Self.droppingContained(allowed)
        // Indices are sorted, not the detections (large values), each with its plugin's priority.
        let priority = candidates.map { priorities[$0.pluginID] ?? 0 }
        // Length in characters, not bytes: a name in Chinese is not "longer" than the phone number it crosses.
        let length = candidates.map { candidate in candidate.range.reduce(0) { $0 + (bytes[$1] & 0xC0 == 0x80 ? 0 : 1) } }
        let order = candidates.indices.sorted { i, j in
            let a = candidates[i], b = candidates[j]
            if length[i] != length[j] { return length[i] > length[j] }
            if a.score != b.score { return a.score > b.score }
            if priority[i] != priority[j] { return priority[i] > priority[j] }
            if a.range.lowerBound != b.range.lowerBound { return a.range.lowerBound < b.range.lowerBound }
            if a.pluginID != b.pluginID { return a.pluginID < b.pluginID }
            if a.rule != b.rule { return a.rule < b.rule }
            return a.entity < b.entity
        }
        // A bit per byte of the document marks what accepted findings cover, so each overlap check
        // costs the length of the candidate, not the number of findings.
        var covered = [UInt64](filled: 0, count: bytes.count / 64 + 1)
        var accepted: [Detection] = []
        for candidate in order.lazy.map({ candidates[$0] }) where !candidate.range.isEmpty {
            guard !candidate.range.contains(where: { covered[$0 >> 6] & (1 << UInt64($0 & 63)) != 0 }) else { continue }
            for offset in candidate.range { covered[offset >> 6] |= 1 << UInt64(offset & 63) }
            accepted.append(candidate)
        }
        accepted.sort { $0.range.lowerBound < $1.range.lowerBound }
        return Self.withNameFacts(accepted, from: candidates)
    }

    /// The detections that no other detection's longer range wholly contains.
    static func droppingContained(_ detections: [Detection]) -> [Detection] {
        guard detections.count > 1 else { return detections }
        // By start, longest first: a range is inside another exactly when an earlier, different range
        // reaches at least as far.
        let order = detections.indices.sorted { i, j in
            let a = detections[i].range, b = detections[j].range
            return a.lowerBound != b.lowerBound ? a.lowerBound < b.lowerBound : a.upperBound > b.upperBound
        }
        var keep = [Bool](filled: true, count: detections.count)
        var result = detections
        var reach = Int.min, reacher = 0, index = 0
        while index < order.count {
            let range = detections[order[index]].range
            var end = index
            while end < order.count && detections[order[end]].range == range { end += 1 }
            if reach >= range.upperBound {
                for k in index..<end {
                    keep[order[k]] = false
                    // An address remembers the places inside it, so `generalize` can keep them.
                    let inner = detections[order[k]]
                    if inner.entity == .location && result[reacher].entity == .address {
                        result[reacher].facts.places.append(PlaceReference(pluginID: inner.pluginID, placeID: inner.canonical))
                    }
                }
            } else if range.upperBound > reach {
                reach = range.upperBound
                reacher = order[index]
            }
            index = end
        }
        return result.indices.filter { keep[$0] }.map { result[$0] }
    }

    /// A person found by a plugin that knows nothing of the name's form (a process or Swift plugin)
    /// takes what a name plugin found out about the same span — its form, surname, pinyin and key —
    /// so its mentions are linked and its pseudonym agrees with the name's in other scripts.
    static func withNameFacts(_ accepted: [Detection], from candidates: [Detection]) -> [Detection] {
        guard accepted.contains(where: { $0.entity == .person && $0.facts.personForm == nil }) else { return accepted }
        var facts: [Range<Int>: Detection] = [:]
        for candidate in candidates where candidate.entity == .person && candidate.facts.personForm != nil {
            if let known = facts[candidate.range], known.score >= candidate.score { continue }
            facts[candidate.range] = candidate
        }
        return accepted.map { detection in
            guard detection.entity == .person, detection.facts.personForm == nil, let named = facts[detection.range] else { return detection }
            var merged = detection
            merged.facts = detection.facts.filled(from: named.facts)
            merged.canonical = named.canonical
            return merged
        }
    }
}
