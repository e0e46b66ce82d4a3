/// The value of one rule field for one customer, for `explain` and reports (never on the per-customer rule path).
public enum RuleValue: Sendable, Hashable {
    /// Nil when missing (no orders).
    case number(Double?)
    /// Days since 1970, nil when missing.
    case date(Int32?)
    case string(String)
    case boolean(Bool)
    case strings([String])
    /// Category shares, largest first.
    case shares([CategoryShare])

    public struct CategoryShare: Sendable, Hashable {
        public var category: String
        public var share: Double
    }
}

extension RuleContext {
    /// What a rule reading `field` sees for `customer`.
    public func value(of field: RuleField, customer: Int) -> RuleValue {
        switch field.type {
        case .number:
            let value = NumberOperand.field(field).bind(to: self)(customer)
            return .number(value.isNaN ? nil : value)
        case .date:
            let value = NumberOperand.field(field).bind(to: self)(customer)
            return .date(value.isNaN ? nil : Int32(value))
        case .string:
            return .string(StringOperand.field(field).bind(to: self)(customer))
        case .boolean:
            return .boolean(RuleExpression.flag(field).bind(to: self)(customer))
        case .stringList:
            return .strings(
                field == .tags ? customers[customer].tags : metrics.engagement.clickedCategories[customer])
        case .categoryMap:
            return .shares(
                metrics.affinity.entries(customer: customer).map {
                    RuleValue.CategoryShare(category: $0.category, share: $0.share)
                })
        case .numberList, .dateList:
            return .strings([])
        }
    }
}
