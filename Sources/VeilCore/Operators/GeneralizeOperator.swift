/// `generalize`: a place becomes the place containing it at the policy's level, written the way the
/// mention was written (赣州市 → 江西省, 赣州 → 江西, Ganzhou → Jiangxi). A finding that does not come
/// from a gazetteer is replaced by `[ENTITY]`, so nothing passes through ungeneralized.
struct GeneralizeOperator: Operator {
    let level: PlaceLevel

    func replacement(for mention: Mention, in context: OperatorContext) -> String {
        guard let gazetteer = context.engine.gazetteer(for: mention.detection.pluginID),
              let place = gazetteer.generalized(mention.detection.canonical, to: level) else {
            return "[\(mention.detection.entity.rawValue)]"
        }
        let form = Gazetteer.Form(rawValue: mention.detection.attributes["form"] ?? "")
            ?? gazetteer.form(of: mention.text, for: mention.detection.canonical)
        return gazetteer.name(of: place, in: form)
    }
}
