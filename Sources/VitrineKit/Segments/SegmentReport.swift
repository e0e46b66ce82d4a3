import Recommendation
import Segmentation
import Store
import TextFormats

/// The outcome of `vitrine segments`: every customer's segment and metrics, the segments table and the 80/20 line.
/// Rendered as a text table (`table`), as JSON (`json`), or for one customer (`explain`).
public struct SegmentReport: Sendable {
    public let segments: CompiledSegments
    public let context: RuleContext
    public let assignment: SegmentAssignment
    public let rows: [SegmentStatistics]
    public let pareto: ParetoShare

    public init(segments: CompiledSegments, context: RuleContext) {
        self.segments = segments
        self.context = context
        self.assignment = segments.assign(context)
        self.rows = SegmentStatistics.compute(segments: segments, assignment: assignment, metrics: context.metrics)
        self.pareto = ParetoShare(metrics: context.metrics)
    }

    public var asOf: Timestamp { context.metrics.asOf }
    public var customerCount: Int { context.customers.count }

    /// A customer's metrics and the rules tried for them, and, given `picks` (which makes a customer's picks with
    /// their reasons, by index into `products`), their picks; nil when no customer has that id.
    public func explain(
        customerID: String, products: [Product] = [],
        picks: ((Int) -> [(product: Int32, reason: PickReason)])? = nil
    ) -> CustomerExplanation? {
        guard let index = context.customers.firstIndex(where: { $0.id == customerID }) else { return nil }
        let tried = segments.trace(customer: index, context).map { trial in
            CustomerExplanation.Trial(
                segmentID: segments.segments[trial.segment].id, rule: segments.segments[trial.segment].ruleText,
                matched: trial.matched)
        }
        let metrics = RuleField.allCases.map { ($0.rawValue, context.value(of: $0, customer: index)) }
        let explainedPicks = picks.map { makePicks in
            makePicks(index).map { pick in
                let product = products[Int(pick.product)]
                let reason: CustomerExplanation.Pick.Reason =
                    switch pick.reason {
                    case .nearPurchase(let source): .near(products[Int(source)].id, "bought")
                    case .nearSignal(let source, .wishlist): .near(products[Int(source)].id, "wish list")
                    case .nearSignal(let source, .click): .near(products[Int(source)].id, "clicked")
                    case .popular: .popular
                    }
                return CustomerExplanation.Pick(productID: product.id, name: product.name, reason: reason)
            }
        }
        return CustomerExplanation(
            customerID: customerID, segmentID: segments.segments[Int(assignment.segmentOfCustomer[index])].id,
            asOf: asOf, metrics: metrics, tried: tried, picks: explainedPicks)
    }
}
