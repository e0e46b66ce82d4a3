/// One lexeme of a segment rule, with the byte range it covers in the rule text (offsets, not lines: the location
/// in `segments.json` is computed only when a diagnostic is made).
struct RuleToken: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case identifier(String)
        case number(Double)
        case string(String)
        /// A date literal `2026-01-01`, as days since 1970.
        case date(Int32)
        case leftParen, rightParen, leftBracket, rightBracket, comma
        case less, lessEqual, greater, greaterEqual, equal, notEqual
        case end
    }

    var kind: Kind
    var start: Int
    var end: Int

    /// How the token reads in an error message.
    var spelling: String {
        switch kind {
        case .identifier(let name): "'\(name)'"
        case .number: "a number"
        case .string: "a string"
        case .date: "a date"
        case .leftParen: "'('"
        case .rightParen: "')'"
        case .leftBracket: "'['"
        case .rightBracket: "']'"
        case .comma: "','"
        case .less: "'<'"
        case .lessEqual: "'<='"
        case .greater: "'>'"
        case .greaterEqual: "'>='"
        case .equal: "'=='"
        case .notEqual: "'!='"
        case .end: "the end of the rule"
        }
    }

    func isKeyword(_ word: String) -> Bool {
        if case .identifier(let name) = kind { return name == word }
        return false
    }
}
