/// `generalize`: a place becomes the place containing it at the policy's level, written the way the
/// mention was written (赣州市 → 江西省, 赣州 → 江西, Ganzhou → Jiangxi). A street address keeps only
/// the most specific place a gazetteer found inside it, at the policy's level (武汉市江汉区花园路224号
/// → 湖北省), and drops the rest. Anything else — a finding not from a gazetteer, an address naming
/// no known place — is replaced by `[ENTITY]`, so nothing passes through ungeneralized.
struct GeneralizeOperator: Operator {
    let level: PlaceLevel

    func replacement(for mention: Mention, in context: OperatorContext) -> String {
        let detection = mention.detection
        if !detection.facts.places.isEmpty {
            return addressReplacement(detection.facts.places, mention: mention, in: context) ?? "[\(detection.entity.rawValue)]"
        }
        guard let gazetteer = context.surrogates.gazetteer(for: detection.pluginID),
            let place = gazetteer.generalized(detection.canonical, to: level)
        else {
            return "[\(detection.entity.rawValue)]"
        }
        let form = detection.facts.placeForm ?? gazetteer.form(of: mention.text, for: detection.canonical)
        return gazetteer.name(of: place, in: form)
    }

    /// The most specific known place among an address's `places`, generalized to the policy's level
    /// and written in the address's script.
    private func addressReplacement(_ places: [PlaceReference], mention: Mention, in context: OperatorContext) -> String? {
        var best: (Gazetteer, Gazetteer.Place)?
        for reference in places {
            guard let gazetteer = context.surrogates.gazetteer(for: reference.pluginID), let place = gazetteer[reference.placeID] else { continue }
            if best == nil || place.level > best!.1.level { best = (gazetteer, place) }
        }
        guard let (gazetteer, place) = best, let general = gazetteer.generalized(place.id, to: level) else { return nil }
        let latin = mention.text.unicodeScalars.allSatisfy { $0.isASCII }
        return gazetteer.name(of: general, in: latin ? .latin : .full)
    }
}
