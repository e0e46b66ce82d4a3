import Diagnostics
import Dispatch
import Parallelism
import Store

/// The segments of a store with their rules compiled: immutable, `Sendable`, built once per run and then
/// evaluated for every customer. A customer belongs to the first segment whose rule matches; the last segment has
/// no rule and takes everyone else.
public struct CompiledSegments: Sendable {
    public struct Segment: Sendable {
        public let id: String
        public let name: String
        /// Nil for the fallback.
        public let rule: RuleExpression?
        public let ruleText: String?
    }

    public let segments: [Segment]

    /// Compiles every rule of `definitions` and checks the list's shape (every segment but the last has a rule, the
    /// last has none). All errors of all rules are reported in one run; nil when there was any.
    public static func compile(
        _ definitions: [SegmentDefinition], diagnostics: inout DiagnosticEngine
    ) -> CompiledSegments? {
        var failed = false
        if definitions.isEmpty {
            diagnostics.error("segments.json needs at least one segment: the fallback, without a rule", at: nil)
            return nil
        }
        var segments: [Segment] = []
        for (index, definition) in definitions.enumerated() {
            let isLast = index == definitions.count - 1
            guard let rule = definition.rule else {
                if !isLast {
                    diagnostics.error(
                        "segment '\(definition.id)' has no rule; only the last segment (the fallback) may omit it",
                        at: definition.location)
                    failed = true
                }
                segments.append(Segment(id: definition.id, name: definition.name, rule: nil, ruleText: nil))
                continue
            }
            if isLast {
                diagnostics.error(
                    "the last segment '\(definition.id)' is the fallback and must not have a rule; add a segment "
                        + "without a rule after it",
                    at: definition.location ?? rule.location(atUTF8Offset: 0))
                failed = true
            }
            guard let expression = RuleExpression.compile(rule, diagnostics: &diagnostics) else {
                failed = true
                continue
            }
            segments.append(Segment(id: definition.id, name: definition.name, rule: expression, ruleText: rule.text))
        }
        return failed ? nil : CompiledSegments(segments: segments)
    }

    /// The bound rule of each segment (nil for the fallback).
    public func predicates(_ context: RuleContext) -> [CustomerPredicate?] {
        segments.map { $0.rule?.bind(to: context) }
    }

    /// Every customer's segment, first match wins. Runs on all cores: each worker fills its own slice of the result.
    public func assign(_ context: RuleContext) -> SegmentAssignment {
        let predicates = predicates(context)
        let fallback = Int32(segments.count - 1)
        let count = context.customers.count
        let chunk = 8192
        let chunks = (count + chunk - 1) / chunk
        let segmentOfCustomer = [Int32](unsafeUninitializedCapacity: count) { buffer, initialized in
            let slots = DisjointSlots(buffer)
            DispatchQueue.concurrentPerform(iterations: chunks) { part in
                // Disjoint ranges: no two workers write the same element.
                for customer in (part * chunk)..<min(count, (part + 1) * chunk) {
                    var segment = fallback
                    for (index, predicate) in predicates.enumerated() {
                        if let predicate, predicate(customer) {
                            segment = Int32(index)
                            break
                        }
                    }
                    slots.write(segment, at: customer)
                }
            }
            initialized = count
        }
        return SegmentAssignment(segmentOfCustomer: segmentOfCustomer, segmentCount: segments.count)
    }

    /// Which rules were tried for one customer, in order, and whether each matched; the trial stops at the first
    /// match (the fallback always matches).
    public func trace(customer: Int, _ context: RuleContext) -> [(segment: Int, matched: Bool)] {
        var tried: [(segment: Int, matched: Bool)] = []
        for (index, predicate) in predicates(context).enumerated() {
            let matched = predicate?(customer) ?? true
            tried.append((index, matched))
            if matched { break }
        }
        return tried
    }
}
