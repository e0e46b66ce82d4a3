/// A type-checked rule: every field known, every operand of the right type, literals resolved (dates to day
/// numbers, durations to days). Immutable and `Sendable`; `RuleExpression+Binding` turns it into a closure tree over
/// the metrics columns.
public indirect enum RuleExpression: Sendable, Hashable {
    case constant(Bool)
    /// A boolean field (`consent_email`).
    case flag(RuleField)
    case not(RuleExpression)
    case and(RuleExpression, RuleExpression)
    case or(RuleExpression, RuleExpression)
    /// Numbers, or dates as day numbers. A missing value (no orders, never clicked) is NaN, so every comparison with
    /// it is false except `!=`.
    case compareNumbers(ComparisonOperator, NumberOperand, NumberOperand)
    case compareStrings(equal: Bool, StringOperand, StringOperand)
    case compareConditions(equal: Bool, RuleExpression, RuleExpression)
    case stringInList(StringOperand, [String], negated: Bool)
    /// `"b2b" in tags`.
    case stringInField(StringOperand, RuleField, negated: Bool)
    case numberInList(NumberOperand, [Double], negated: Bool)
}

/// A number (or a date as days since 1970) in a rule.
public enum NumberOperand: Sendable, Hashable {
    case field(RuleField)
    /// `affinity["Tea"]`: the customer's share of spend in a top-level category (0 when none).
    case affinity(String)
    case constant(Double)
    /// `180 days ago`: the as-of day minus so many days.
    case daysAgo(Int32)
}

/// A string in a rule.
public enum StringOperand: Sendable, Hashable {
    case field(RuleField)
    case constant(String)
}
