import Diagnostics
import Store

extension RuleExpression {
    /// Parses and type checks one rule. Every error goes to `diagnostics` at its line and column in the file the
    /// rule came from (`segments.json`); nil when there was any.
    public static func compile(_ rule: LocatedText, diagnostics: inout DiagnosticEngine) -> RuleExpression? {
        let (expression, errors) = compile(text: rule.text)
        for error in errors {
            diagnostics.error(
                error.message, at: rule.location(atUTF8Offset: error.offset),
                notes: error.notes.map { Diagnostic.Note($0.message, at: rule.location(atUTF8Offset: $0.offset)) })
        }
        return expression
    }

    /// The expression of a rule text, or its errors at byte offsets of the text.
    static func compile(text: String) -> (RuleExpression?, [RuleError]) {
        let syntax: RuleSyntax
        switch RuleParser.parse(text) {
        case .success(let parsed): syntax = parsed
        case .failure(let error): return (nil, [error])
        }
        var checker = RuleChecker()
        let expression = checker.check(rule: syntax)
        return (checker.errors.isEmpty ? expression : nil, checker.errors)
    }
}
