/// Recursive descent over the tokens of one rule. Precedence, tightest first: `not`, comparisons and `in`,
/// `and`, `or`; parentheses group.
///
///     rule       = or
///     or         = and ("or" and)*
///     and        = comparison ("and" comparison)*
///     comparison = unary [("<" | "<=" | ">" | ">=" | "==" | "!=" | "in" | "not" "in") unary]
///     unary      = "not" unary | postfix
///     postfix    = primary ["[" string "]"]
///     primary    = number [("day" | "days" | "week" | "weeks") "ago"] | string | date | "true" | "false"
///                | identifier | "(" or ")" | "[" [or ("," or)*] "]"
///
/// Because `not` binds tighter than a comparison, `not orders > 3` reads `(not orders) > 3`: write
/// `not (orders > 3)`. Comparisons do not chain (`1 < orders < 3` is an error: use `and`).
///
/// A rule may nest at most `maximumDepth` levels (parentheses, `not`s, list brackets, and each `and`/`or` of a
/// chain): the parser, the checker, the binding and the release of a tree all recurse once a level, and 50,000
/// `or`s or 20,000 parentheses overflowed the stack. A rule past the limit is an error at the token that crossed it.
struct RuleParser {
    static let maximumDepth = 256

    private let tokens: [RuleToken]
    private var position = 0
    /// Open parentheses, brackets and `not`s around the current token.
    private var nesting = 0

    init(tokens: [RuleToken]) { self.tokens = tokens }

    static func parse(_ text: String) -> Result<RuleSyntax, RuleError> {
        switch RuleLexer(text).tokens() {
        case .failure(let error): return .failure(error)
        case .success(let tokens):
            var parser = RuleParser(tokens: tokens)
            return Result { try parser.rule() }.mapError { $0 as! RuleError }
        }
    }

    private var current: RuleToken { tokens[position] }

    private mutating func advance() -> RuleToken {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    mutating func rule() throws(RuleError) -> RuleSyntax {
        if case .end = current.kind { throw RuleError("the rule is empty", at: current.start) }
        let expression = try or()
        guard case .end = current.kind else {
            throw RuleError("expected 'and', 'or' or the end of the rule, found \(current.spelling)", at: current.start)
        }
        return expression
    }

    private mutating func or() throws(RuleError) -> RuleSyntax {
        var lhs = try and()
        while current.isKeyword("or") {
            let op = advance()
            let rhs = try and()
            lhs = try limited(RuleSyntax(.or(lhs, rhs), at: op.start))
        }
        return lhs
    }

    private mutating func and() throws(RuleError) -> RuleSyntax {
        var lhs = try comparison()
        while current.isKeyword("and") {
            let op = advance()
            let rhs = try comparison()
            lhs = try limited(RuleSyntax(.and(lhs, rhs), at: op.start))
        }
        return lhs
    }

    private mutating func comparison() throws(RuleError) -> RuleSyntax {
        let lhs = try unary()
        let op = current
        let result: RuleSyntax
        if let comparison = Self.comparisonOperator(op.kind) {
            _ = advance()
            let rhs = try unary()
            result = RuleSyntax(.compare(comparison, lhs, rhs), at: op.start)
        } else if op.isKeyword("in") {
            _ = advance()
            let rhs = try unary()
            result = RuleSyntax(.membership(lhs, rhs, negated: false), at: op.start)
        } else if op.isKeyword("not"), position + 1 < tokens.count, tokens[position + 1].isKeyword("in") {
            _ = advance()
            _ = advance()
            let rhs = try unary()
            result = RuleSyntax(.membership(lhs, rhs, negated: true), at: op.start)
        } else {
            return lhs
        }
        if Self.comparisonOperator(current.kind) != nil || current.isKeyword("in") {
            throw RuleError("comparisons cannot be chained; join them with 'and'", at: current.start)
        }
        return result
    }

    private mutating func unary() throws(RuleError) -> RuleSyntax {
        if current.isKeyword("not") {
            let op = advance()
            try enter(op)
            let operand = try unary()
            nesting -= 1
            return try limited(RuleSyntax(.not(operand), at: op.start))
        }
        var expression = try primary()
        if case .leftBracket = current.kind {
            let bracket = advance()
            guard case .string(let key) = current.kind else {
                throw RuleError("expected a quoted name inside '[ ]', found \(current.spelling)", at: current.start)
            }
            _ = advance()
            try expect(.rightBracket, "']'", opened: bracket)
            expression = RuleSyntax(.index(expression, key: key), at: expression.offset)
        }
        return expression
    }

    private mutating func primary() throws(RuleError) -> RuleSyntax {
        let token = advance()
        switch token.kind {
        case .number(let value):
            if case .identifier(let unit) = current.kind, let days = Self.unitDays(unit) {
                _ = advance()
                guard current.isKeyword("ago") else {
                    throw RuleError(
                        "expected 'ago' after '\(unit)' (a duration is written like '180 days ago')",
                        at: current.start)
                }
                _ = advance()
                guard value >= 0, value == value.rounded(), value <= 1_000_000 else {
                    throw RuleError("a duration needs a whole number of \(unit)", at: token.start)
                }
                return RuleSyntax(.daysAgo(Int32(value) * days), at: token.start)
            }
            if case .identifier(let unit) = current.kind, position + 1 < tokens.count,
                tokens[position + 1].isKeyword("ago")
            {
                throw RuleError("unknown unit '\(unit)'; a duration counts 'days' or 'weeks'", at: current.start)
            }
            return RuleSyntax(.number(value), at: token.start)
        case .string(let value): return RuleSyntax(.string(value), at: token.start)
        case .date(let day): return RuleSyntax(.date(day), at: token.start)
        case .identifier(let name):
            switch name {
            case "true": return RuleSyntax(.boolean(true), at: token.start)
            case "false": return RuleSyntax(.boolean(false), at: token.start)
            case "and", "or", "in", "not", "ago":
                throw RuleError("expected a value, found '\(name)'", at: token.start)
            default: return RuleSyntax(.field(name), at: token.start)
            }
        case .leftParen:
            try enter(token)
            let inner = try or()
            try expect(.rightParen, "')'", opened: token)
            nesting -= 1
            return inner
        case .leftBracket:
            try enter(token)
            defer { nesting -= 1 }
            var elements: [RuleSyntax] = []
            if case .rightBracket = current.kind {
                _ = advance()
                return RuleSyntax(.list([]), at: token.start)
            }
            while true {
                elements.append(try or())
                if case .comma = current.kind {
                    _ = advance()
                    continue
                }
                try expect(.rightBracket, "']'", opened: token)
                return RuleSyntax(.list(elements), at: token.start)
            }
        default:
            throw RuleError("expected a value, found \(token.spelling)", at: token.start)
        }
    }

    /// One more level of parentheses, brackets or `not`s, refused past the limit.
    private mutating func enter(_ token: RuleToken) throws(RuleError) {
        nesting += 1
        if nesting > Self.maximumDepth { throw Self.tooDeep(at: token.start) }
    }

    /// The node, unless its tree is taller than the limit (a long chain of `and`s or `or`s).
    private func limited(_ node: RuleSyntax) throws(RuleError) -> RuleSyntax {
        if node.height > Self.maximumDepth { throw Self.tooDeep(at: node.offset) }
        return node
    }

    private static func tooDeep(at offset: Int) -> RuleError {
        RuleError(
            "the rule nests more than \(maximumDepth) levels deep (parentheses, 'not's and each 'and'/'or' of a chain); "
                + "use a list ('country in [\"DE\", \"AT\"]') or split it across segments",
            at: offset)
    }

    private mutating func expect(_ kind: RuleToken.Kind, _ spelling: String, opened: RuleToken) throws(RuleError) {
        guard current.kind == kind else {
            let open = opened.kind == .leftParen ? "'('" : "'['"
            throw RuleError(
                "expected \(spelling), found \(current.spelling)", at: current.start,
                notes: [RuleError.Note(message: "to match this \(open)", offset: opened.start)])
        }
        _ = advance()
    }

    private static func comparisonOperator(_ kind: RuleToken.Kind) -> ComparisonOperator? {
        switch kind {
        case .less: .less
        case .lessEqual: .lessEqual
        case .greater: .greater
        case .greaterEqual: .greaterEqual
        case .equal: .equal
        case .notEqual: .notEqual
        default: nil
        }
    }

    private static func unitDays(_ unit: String) -> Int32? {
        switch unit {
        case "day", "days": 1
        case "week", "weeks": 7
        default: nil
        }
    }
}
