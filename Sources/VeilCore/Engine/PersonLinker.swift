/// Links the mentions of one person inside a document, so they share a pseudonym: 卢先生, 老卢 and
/// 小卢 take the canonical value of the full name 卢立兵 written in the same document (the nearest
/// one before, else the first after), and a given name alone (立兵) takes it too.
///
/// Mentions whose surname matches no full name keep their own canonical value (the surname), so
/// they get a consistent surname pseudonym of their own.
enum PersonLinker {
    static func link(_ detections: [Detection]) -> [Detection] {
        let fullNames = detections.enumerated().filter { $0.element.entity == .person && $0.element.attributes["form"] == "full" }
        guard !fullNames.isEmpty else { return detections }
        var linked = detections
        for (index, detection) in detections.enumerated() where detection.entity == .person {
            let form = detection.attributes["form"] ?? ""
            let candidates: [(offset: Int, element: Detection)]
            switch form {
            case "title", "lao", "xiao":
                guard let surname = detection.attributes["surname"] else { continue }
                candidates = fullNames.filter { $0.element.attributes["surname"] == surname }
            case "nickname":
                continue
            case "full", "foreign":
                // A two-character "name" that is the given name of a longer one (立兵 of 卢立兵).
                candidates = fullNames.filter { other in
                    other.element.canonical.count > detection.canonical.count && other.element.canonical.hasSuffix(detection.canonical)
                        && other.element.canonical.count - detection.canonical.count <= 2 && detection.canonical.count >= 2
                        && other.element.attributes["surname"].map { !detection.canonical.hasPrefix($0) } ?? false
                }
            default:
                continue
            }
            guard let target = candidates.last(where: { $0.offset < index }) ?? candidates.first else { continue }
            linked[index].canonical = target.element.canonical
            linked[index].attributes["linked"] = "yes"
        }
        return linked
    }
}
