/// `keep`: the text stays as written.
struct KeepOperator: Operator {
    func replacement(for mention: Mention, in context: OperatorContext) -> String { mention.text }
}
