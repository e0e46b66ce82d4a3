/// What `EventAggregator.drain()` hands the workflow for one transaction.
public struct IngestBatch: Sendable {
    public var events: [AggregatedEvent]
    public var unsubscribes: [Suppression]
    public var optOuts: [Suppression]
}
