/// `redact`: the text is removed.
struct RedactOperator: Operator {
    func replacement(for mention: Mention, in context: OperatorContext) -> String { "" }
}
