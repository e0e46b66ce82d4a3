import Store

/// A rule bound to one set of metrics: true when customer `index` matches.
public typealias CustomerPredicate = @Sendable (Int) -> Bool

extension RuleExpression {
    /// Compiles the tree once into closures that read the metrics columns directly (no per-customer lookup of
    /// field names, no dictionary): the per-customer cost is a few indirect calls and array reads.
    public func bind(to context: RuleContext) -> CustomerPredicate {
        switch self {
        case .constant(let value): return { _ in value }
        case .flag(let field): return Self.flag(field, context)
        case .not(let operand):
            let operand = operand.bind(to: context)
            return { !operand($0) }
        case .and(let lhs, let rhs):
            let lhs = lhs.bind(to: context)
            let rhs = rhs.bind(to: context)
            return { lhs($0) && rhs($0) }
        case .or(let lhs, let rhs):
            let lhs = lhs.bind(to: context)
            let rhs = rhs.bind(to: context)
            return { lhs($0) || rhs($0) }
        case .compareNumbers(let op, let lhs, let rhs):
            return Self.compare(op, lhs.bind(to: context), rhs, context)
        case .compareStrings(let equal, let lhs, let rhs):
            let lhs = lhs.bind(to: context)
            if case .constant(let constant) = rhs {
                if equal { return { lhs($0) == constant } }
                return { lhs($0) != constant }
            }
            let rhs = rhs.bind(to: context)
            if equal { return { lhs($0) == rhs($0) } }
            return { lhs($0) != rhs($0) }
        case .compareConditions(let equal, let lhs, let rhs):
            let lhs = lhs.bind(to: context)
            let rhs = rhs.bind(to: context)
            if equal { return { lhs($0) == rhs($0) } }
            return { lhs($0) != rhs($0) }
        case .stringInList(let value, let list, let negated):
            let value = value.bind(to: context)
            return { list.contains(value($0)) != negated }
        case .stringInField(let value, let field, let negated):
            let value = value.bind(to: context)
            switch field {
            case .clickedCategories:
                let clicked = context.metrics.engagement.clickedCategories
                return { clicked[$0].contains(value($0)) != negated }
            default:
                let customers = context.customers
                return { customers[$0].tags.contains(value($0)) != negated }
            }
        case .numberInList(let value, let list, let negated):
            let value = value.bind(to: context)
            return { list.contains(value($0)) != negated }
        }
    }

    private static func flag(_ field: RuleField, _ context: RuleContext) -> CustomerPredicate {
        switch field {
        case .consentEmail:
            let customers = context.customers
            return { customers[$0].consentEmail }
        case .consentTracking:
            let customers = context.customers
            return { customers[$0].consentTracking }
        default:
            let unsubscribed = context.metrics.engagement.unsubscribed
            return { unsubscribed[$0] }
        }
    }

    /// Specialised on the operator, and on a constant right-hand side (the common `orders >= 3`).
    private static func compare(
        _ op: ComparisonOperator, _ lhs: @escaping @Sendable (Int) -> Double, _ rhs: NumberOperand,
        _ context: RuleContext
    ) -> CustomerPredicate {
        if let constant = rhs.constantValue(context) {
            switch op {
            case .less: return { lhs($0) < constant }
            case .lessEqual: return { lhs($0) <= constant }
            case .greater: return { lhs($0) > constant }
            case .greaterEqual: return { lhs($0) >= constant }
            case .equal: return { lhs($0) == constant }
            case .notEqual: return { lhs($0) != constant }
            }
        }
        let rhs = rhs.bind(to: context)
        return { op.holds(lhs($0), rhs($0)) }
    }
}

extension NumberOperand {
    /// The value when it does not depend on the customer.
    func constantValue(_ context: RuleContext) -> Double? {
        switch self {
        case .constant(let value): value
        case .daysAgo(let days): Double(context.metrics.asOfDay - days)
        default: nil
        }
    }

    /// A column reader; missing values (no orders, never opened) read as NaN.
    func bind(to context: RuleContext) -> @Sendable (Int) -> Double {
        if let constant = constantValue(context) { return { _ in constant } }
        let metrics = context.metrics
        switch self {
        case .affinity(let category):
            guard let index = metrics.affinity.categoryIndex(named: category) else { return { _ in 0 } }
            let affinity = metrics.affinity
            return { affinity.share(customer: $0, category: index) }
        case .field(let field):
            return Self.column(field, context)
        case .constant, .daysAgo:
            return { _ in .nan }
        }
    }

    private static func column(_ field: RuleField, _ context: RuleContext) -> @Sendable (Int) -> Double {
        let metrics = context.metrics
        let asOfDay = metrics.asOfDay
        switch field {
        case .monetaryRank:
            let column = metrics.monetaryRank
            return { column[$0] }
        case .orders:
            let column = metrics.orders
            return { Double(column[$0]) }
        case .monetary, .ltv:
            let column = metrics.monetary
            return { Double(column[$0]) / 100 }
        case .projectedLTV:
            let column = metrics.projectedLTV
            return { Double(column[$0]) / 100 }
        case .aov:
            let orders = metrics.orders
            let monetary = metrics.monetary
            return { orders[$0] > 0 ? Double(monetary[$0]) / Double(orders[$0]) / 100 : .nan }
        case .daysSinceLastOrder:
            let column = metrics.lastOrderDay
            return { Self.days(from: column[$0], to: asOfDay) }
        case .tenureDays:
            let column = metrics.firstOrderDay
            return { Self.days(from: column[$0], to: asOfDay) }
        case .firstOrder: return Self.day(metrics.firstOrderDay)
        case .lastOrder: return Self.day(metrics.lastOrderDay)
        case .lastOpen: return Self.day(metrics.engagement.lastOpenDay)
        case .lastClick: return Self.day(metrics.engagement.lastClickDay)
        case .created:
            let created = context.customers.map { Double($0.created.day) }
            return { created[$0] }
        case .rScore: return Self.score(metrics.recencyScore)
        case .fScore: return Self.score(metrics.frequencyScore)
        case .mScore: return Self.score(metrics.monetaryScore)
        case .clicks30Days:
            let column = metrics.engagement.clicks30Days
            return { Double(column[$0]) }
        default:
            return { _ in .nan }
        }
    }

    @inline(__always)
    private static func days(from day: Int32, to asOfDay: Int32) -> Double {
        day == CustomerMetrics.noDay ? .nan : Double(asOfDay - day)
    }

    private static func day(_ column: [Int32]) -> @Sendable (Int) -> Double {
        { column[$0] == CustomerMetrics.noDay ? .nan : Double(column[$0]) }
    }

    private static func score(_ column: [UInt8]) -> @Sendable (Int) -> Double {
        // A score of 0 means "no orders": missing, like the dates.
        { column[$0] == 0 ? .nan : Double(column[$0]) }
    }
}

extension StringOperand {
    func bind(to context: RuleContext) -> @Sendable (Int) -> String {
        switch self {
        case .constant(let value): return { _ in value }
        case .field(.lifecycle):
            let lifecycle = context.metrics.lifecycle
            return { lifecycle[$0].name }
        case .field(.country):
            let customers = context.customers
            return { customers[$0].country ?? "" }
        case .field:
            let customers = context.customers
            return { customers[$0].locale }
        }
    }
}
