/// Settles what the recognizers reported into the findings of a document.
///
/// In order: drop findings below their entity's threshold; drop texts on the allow list; then of
/// overlapping findings keep the one with the higher score, then the longer span, then the plugin
/// with the higher `priority`, then the earlier start, then the smaller plugin id and rule name —
/// so the result never depends on the order recognizers ran in.
struct Resolution: Sendable {
    let thresholds: [EntityType: Double]
    let defaultThreshold: Double
    /// Allowed texts, lower-cased.
    let allow: Set<String>
    let priorities: [String: Int]

    func resolve(_ detections: [Detection], in bytes: [UInt8]) -> [Detection] {
        var candidates = detections.filter { detection in
            guard detection.score >= (thresholds[detection.entity] ?? defaultThreshold) else { return false }
            if allow.isEmpty { return true }
            let text = String(decoding: bytes[detection.range], as: UTF8.self).lowercased()
            return !allow.contains(text)
        }
        candidates.sort { a, b in
            if a.score != b.score { return a.score > b.score }
            if a.range.count != b.range.count { return a.range.count > b.range.count }
            let pa = priorities[a.pluginID] ?? 0, pb = priorities[b.pluginID] ?? 0
            if pa != pb { return pa > pb }
            if a.range.lowerBound != b.range.lowerBound { return a.range.lowerBound < b.range.lowerBound }
            if a.pluginID != b.pluginID { return a.pluginID < b.pluginID }
            if a.rule != b.rule { return a.rule < b.rule }
            return a.entity < b.entity
        }
        // Accepted spans kept sorted by start, so each overlap check is a binary search.
        var accepted: [Detection] = []
        for candidate in candidates {
            var low = 0, high = accepted.count
            while low < high {
                let mid = (low + high) / 2
                if accepted[mid].range.lowerBound < candidate.range.lowerBound { low = mid + 1 } else { high = mid }
            }
            if low > 0, accepted[low - 1].range.upperBound > candidate.range.lowerBound { continue }
            if low < accepted.count, accepted[low].range.lowerBound < candidate.range.upperBound { continue }
            accepted.insert(candidate, at: low)
        }
        return accepted
    }
}
