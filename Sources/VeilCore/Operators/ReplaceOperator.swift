import Foundation

/// `replace`: a template such as `[{entity}]` or `<{entity}_{n}>`, where `{n}` numbers the linked
/// originals of each entity in the order the run meets them (the same original, the same number).
struct ReplaceOperator: Operator {
    let template: String

    func replacement(for mention: Mention, in context: OperatorContext) -> String {
        var text = template.replacingOccurrences(of: "{entity}", with: mention.detection.entity.rawValue)
        if text.contains("{n}") {
            let number = context.table.ordinal(entity: mention.detection.entity, canonical: mention.detection.canonical)
            text = text.replacingOccurrences(of: "{n}", with: String(number))
        }
        return text
    }
}
