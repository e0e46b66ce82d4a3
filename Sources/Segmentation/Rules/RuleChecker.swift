/// Type checks a parsed rule and builds its `RuleExpression`. It keeps going after an error (an ill-typed operand
/// becomes `invalid`, which raises no further error), so one run reports every independent mistake of a rule.
struct RuleChecker {
    private(set) var errors: [RuleError] = []

    /// What a sub-expression turned out to be.
    private enum Checked {
        case condition(RuleExpression)
        case number(NumberOperand)
        case date(NumberOperand)
        case string(StringOperand)
        case stringListField(RuleField)
        case stringList([String])
        case numberList([Double])
        case dateList([Double])
        case categoryMap
        case invalid

        var type: RuleType? {
            switch self {
            case .condition: .boolean
            case .number: .number
            case .date: .date
            case .string: .string
            case .stringListField, .stringList: .stringList
            case .numberList: .numberList
            case .dateList: .dateList
            case .categoryMap: .categoryMap
            case .invalid: nil
            }
        }
    }

    /// The expression of a whole rule, nil when any error was found.
    mutating func check(rule syntax: RuleSyntax) -> RuleExpression? {
        let result = check(syntax)
        switch result {
        case .condition(let expression): return errors.isEmpty ? expression : nil
        case .invalid: return nil
        default:
            fail("a rule must be a condition (true or false), found \(result.type!.spelling)", at: syntax.offset)
            return nil
        }
    }

    private mutating func fail(_ message: String, at offset: Int) {
        errors.append(RuleError(message, at: offset))
    }

    private mutating func check(_ syntax: RuleSyntax) -> Checked {
        switch syntax.kind {
        case .field(let name):
            guard let field = RuleField(rawValue: name) else {
                let hint = RuleField.suggestion(for: name).map { "; did you mean '\($0.rawValue)'?" } ?? ""
                fail("unknown field '\(name)'\(hint)", at: syntax.offset)
                return .invalid
            }
            switch field.type {
            case .number: return .number(.field(field))
            case .date: return .date(.field(field))
            case .string: return .string(.field(field))
            case .boolean: return .condition(.flag(field))
            case .stringList: return .stringListField(field)
            case .categoryMap: return .categoryMap
            case .numberList, .dateList: return .invalid
            }
        case .index(let base, let key):
            let checked = check(base)
            switch checked {
            case .categoryMap: return .number(.affinity(key))
            case .invalid: return .invalid
            default:
                fail("only 'affinity' takes a category in '[ ]'; this is \(checked.type!.spelling)", at: base.offset)
                return .invalid
            }
        case .number(let value): return .number(.constant(value))
        case .string(let value): return .string(.constant(value))
        case .boolean(let value): return .condition(.constant(value))
        case .date(let day): return .date(.constant(Double(day)))
        case .daysAgo(let days): return .date(.daysAgo(days))
        case .list(let elements): return list(elements, at: syntax.offset)
        case .not(let operand):
            let checked = check(operand)
            switch checked {
            case .condition(let expression): return .condition(.not(expression))
            case .invalid: return .invalid
            default:
                fail(
                    "'not' needs a condition, found \(checked.type!.spelling) ('not' applies before comparisons: "
                        + "write 'not (a > b)')", at: syntax.offset)
                return .invalid
            }
        case .and(let lhs, let rhs), .or(let lhs, let rhs):
            let isAnd = if case .and = syntax.kind { true } else { false }
            let word = isAnd ? "and" : "or"
            let left = condition(check(lhs), side: "left", of: word, at: lhs.offset)
            let right = condition(check(rhs), side: "right", of: word, at: rhs.offset)
            guard let left, let right else { return .invalid }
            return .condition(isAnd ? .and(left, right) : .or(left, right))
        case .compare(let op, let lhs, let rhs):
            return compare(op, check(lhs), check(rhs), syntax: syntax, lhs: lhs, rhs: rhs)
        case .membership(let lhs, let rhs, let negated):
            return membership(check(lhs), check(rhs), negated: negated, syntax: syntax, lhs: lhs)
        }
    }

    private mutating func condition(_ checked: Checked, side: String, of word: String, at offset: Int)
        -> RuleExpression?
    {
        switch checked {
        case .condition(let expression): return expression
        case .invalid: return nil
        default:
            fail("'\(word)' needs a condition on its \(side), found \(checked.type!.spelling)", at: offset)
            return nil
        }
    }

    private mutating func list(_ elements: [RuleSyntax], at offset: Int) -> Checked {
        var strings: [String] = []
        var numbers: [Double] = []
        var first: RuleType?
        var valid = true
        for element in elements {
            let checked = check(element)
            let type: RuleType
            switch checked {
            case .string(.constant(let value)):
                strings.append(value)
                type = .string
            case .number(.constant(let value)):
                numbers.append(value)
                type = .number
            case .date(.constant(let value)):
                numbers.append(value)
                type = .date
            case .invalid:
                valid = false
                continue
            default:
                fail(
                    "a list holds literal strings, numbers or dates, not \(checked.type!.spelling)", at: element.offset)
                valid = false
                continue
            }
            if let first, first != type {
                fail(
                    "a list holds values of one type: found \(type.spelling) after \(first.spelling)",
                    at: element.offset)
                valid = false
            }
            first = first ?? type
        }
        guard valid else { return .invalid }
        switch first {
        case .number: return .numberList(numbers)
        case .date: return .dateList(numbers)
        default: return .stringList(strings)
        }
    }

    private mutating func compare(
        _ op: ComparisonOperator, _ left: Checked, _ right: Checked, syntax: RuleSyntax, lhs: RuleSyntax,
        rhs: RuleSyntax
    ) -> Checked {
        switch (left, right) {
        case (.invalid, _), (_, .invalid): return .invalid
        case (.categoryMap, _):
            fail("'affinity' needs a category: write affinity[\"Category\"]", at: lhs.offset)
            return .invalid
        case (_, .categoryMap):
            fail("'affinity' needs a category: write affinity[\"Category\"]", at: rhs.offset)
            return .invalid
        case (.number(let a), .number(let b)), (.date(let a), .date(let b)):
            return .condition(.compareNumbers(op, a, b))
        case (.string(let a), .string(let b)):
            guard !op.isOrdering else {
                fail(
                    "'\(op.rawValue)' orders numbers or dates; strings compare only with '==' or '!='",
                    at: syntax.offset)
                return .invalid
            }
            checkLifecycle(a, b, at: rhs.offset)
            checkLifecycle(b, a, at: lhs.offset)
            return .condition(.compareStrings(equal: op == .equal, a, b))
        case (.condition(let a), .condition(let b)):
            guard !op.isOrdering else {
                fail(
                    "'\(op.rawValue)' orders numbers or dates; conditions compare only with '==' or '!='",
                    at: syntax.offset)
                return .invalid
            }
            return .condition(.compareConditions(equal: op == .equal, a, b))
        default:
            let hint =
                if case .date = left, case .number = right { " (a relative date is written like '30 days ago')" } else {
                    ""
                }
            fail(
                "cannot compare \(left.type!.spelling) with \(right.type!.spelling)\(hint)", at: syntax.offset)
            return .invalid
        }
    }

    /// `lifecycle == "atrisk"` can never match: say so.
    private mutating func checkLifecycle(_ field: StringOperand, _ other: StringOperand, at offset: Int) {
        guard case .field(.lifecycle) = field, case .constant(let value) = other else { return }
        checkLifecycleName(value, at: offset)
    }

    private mutating func checkLifecycleName(_ value: String, at offset: Int) {
        guard !Lifecycle.allCases.contains(where: { $0.name == value }) else { return }
        fail("'\(value)' is not a lifecycle stage; use new, active, at_risk or lapsed", at: offset)
    }

    private mutating func membership(
        _ left: Checked, _ right: Checked, negated: Bool, syntax: RuleSyntax, lhs: RuleSyntax
    ) -> Checked {
        switch (left, right) {
        case (.invalid, _), (_, .invalid): return .invalid
        case (.string(let value), .stringList(let list)):
            if case .field(.lifecycle) = value {
                for name in list { checkLifecycleName(name, at: syntax.offset) }
            }
            return .condition(.stringInList(value, list, negated: negated))
        case (.string(let value), .stringListField(let field)):
            return .condition(.stringInField(value, field, negated: negated))
        case (.number(let value), .numberList(let list)), (.date(let value), .dateList(let list)):
            return .condition(.numberInList(value, list, negated: negated))
        case (_, .stringList), (_, .stringListField), (_, .numberList), (_, .dateList):
            if case .categoryMap = left {
                fail("'affinity' needs a category: write affinity[\"Category\"]", at: lhs.offset)
                return .invalid
            }
            // An empty literal list is typed as strings; it matches nothing whatever the left side is.
            if case .stringList(let list) = right, list.isEmpty {
                return .condition(.constant(negated))
            }
            fail("cannot look for \(left.type!.spelling) in \(right.type!.spelling)", at: syntax.offset)
            return .invalid
        default:
            fail("'in' needs a list on its right, found \(right.type!.spelling)", at: syntax.offset)
            return .invalid
        }
    }
}
