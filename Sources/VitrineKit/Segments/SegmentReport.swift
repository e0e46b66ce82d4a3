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

    /// A customer's metrics and the rules tried for them, nil when no customer has that id.
    public func explain(customerID: String) -> CustomerExplanation? {
        guard let index = context.customers.firstIndex(where: { $0.id == customerID }) else { return nil }
        let tried = segments.trace(customer: index, context).map { trial in
            CustomerExplanation.Trial(
                segmentID: segments.segments[trial.segment].id, rule: segments.segments[trial.segment].ruleText,
                matched: trial.matched)
        }
        let metrics = RuleField.allCases.map { ($0.rawValue, context.value(of: $0, customer: index)) }
        return CustomerExplanation(
            customerID: customerID, segmentID: segments.segments[Int(assignment.segmentOfCustomer[index])].id,
            asOf: asOf, metrics: metrics, tried: tried)
    }
}
