import Store

/// What rules are evaluated against: the metrics columns and the customers' own fields, both indexed by customer.
public struct RuleContext: Sendable {
    public let metrics: CustomerMetrics
    public let customers: [Customer]

    public init(metrics: CustomerMetrics, customers: [Customer]) {
        precondition(metrics.customerCount == customers.count, "metrics and customers must describe the same people")
        self.metrics = metrics
        self.customers = customers
    }
}
