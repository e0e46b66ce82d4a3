import EventStore
import Testing

@Suite("ingest batches, events and reports")
struct IngestTests {
    static func file(offset: Int64, lines: Int64, updated: Int64, identity: String = "a1b2") -> Checkpoint {
        Checkpoint(
            identity: identity, identityLength: 4096, device: 2049, inode: 77, path: "logs/access.log",
            offset: offset, lines: lines, updated: updated)
    }

    static func event(
        _ kind: EventKind, _ traffic: TrafficClass = .human, campaign: String = "spring", segment: String = "vip",
        recipient: Int64, target: String = "", day: Int64, count: Int64 = 1, at: Int64
    ) -> EventCount {
        EventCount(
            kind: kind, traffic: traffic, campaign: campaign, segment: segment, recipient: recipient, target: target,
            day: day, count: count, firstAt: at, lastAt: at)
    }

    @Test func batchesAddToTheirKeysAndMoveTheCheckpoint() throws {
        let folder = try StateFolder()
        defer { folder.remove() }
        let store = try EventStore(path: folder.state)
        #expect(try store.newestIngest() == nil)
        #expect(try store.checkpoint(identity: "a1b2") == nil)
        try store.commitIngestBatch(
            file: Self.file(offset: 500, lines: 5, updated: 1000),
            events: [
                Self.event(.click, recipient: 7, target: "linen-shirt", day: 20_000, count: 2, at: 50),
                Self.event(.open, .machineOpen, recipient: 7, day: 20_000, at: 40),
            ],
            counters: ["lines": 5, "bots": 1],
            suppressions: [Suppression(customer: "C9", reason: .unsubscribed, at: 45, source: "log")],
            optOuts: [TrackingOptOut(customer: "C8", at: 46)])
        try store.commitIngestBatch(
            file: Self.file(offset: 900, lines: 9, updated: 2000),
            events: [
                Self.event(.click, recipient: 7, target: "linen-shirt", day: 20_000, count: 3, at: 30),
                Self.event(.click, recipient: 7, target: "linen-shirt", day: 20_001, at: 90),
            ],
            counters: ["lines": 4, "malformed": 1],
            suppressions: [Suppression(customer: "C9", reason: .complained, at: 99, source: "log")])
        #expect(try store.checkpoint(identity: "a1b2") == Self.file(offset: 900, lines: 9, updated: 2000))
        #expect(try store.checkpoints().count == 1)
        #expect(try store.newestIngest() == 2000)
        #expect(try store.ingestCounters() == ["lines": 9, "bots": 1, "malformed": 1])
        #expect(try store.suppressions()["C9"]?.reason == .unsubscribed)
        #expect(try store.trackingOptOuts() == ["C8"])
        var exported: [EventCount] = []
        try store.exportEvents { exported.append($0) }
        #expect(
            exported == [
                EventCount(
                    kind: .click, traffic: .human, campaign: "spring", segment: "vip", recipient: 7,
                    target: "linen-shirt", day: 20_000, count: 5, firstAt: 30, lastAt: 50),
                Self.event(.click, recipient: 7, target: "linen-shirt", day: 20_001, at: 90),
                Self.event(.open, .machineOpen, recipient: 7, day: 20_000, at: 40),
            ])
        #expect(try store.integrityCheck() == ["ok"])
    }

    @Test func aFailingBatchLeavesNothingBehind() throws {
        let folder = try StateFolder()
        defer { folder.remove() }
        let store = try EventStore(path: folder.state)
        try store.commitIngestBatch(
            file: Self.file(offset: 100, lines: 1, updated: 10),
            events: [Self.event(.view, recipient: 1, day: 1, at: 1)],
            counters: ["lines": 1])
        // A negative offset breaks the file row's CHECK, the last write of the batch: everything before it is undone.
        let error = #expect(throws: EventStoreError.self) {
            try store.commitIngestBatch(
                file: Self.file(offset: -1, lines: 2, updated: 20),
                events: [
                    Self.event(.view, recipient: 1, day: 1, at: 2), Self.event(.view, recipient: 2, day: 1, at: 2),
                ],
                counters: ["lines": 1, "errors": 1],
                suppressions: [Suppression(customer: "C1", reason: .bounced, at: 2, source: "log")],
                optOuts: [TrackingOptOut(customer: "C2", at: 2)])
        }
        guard case .database(let cause) = error?.reason else {
            Issue.record("expected a database error, got \(String(describing: error))")
            return
        }
        #expect(cause.reason == .constraint)
        #expect(cause.message == "CHECK constraint failed: offset >= 0")
        #expect(try store.checkpoint(identity: "a1b2") == Self.file(offset: 100, lines: 1, updated: 10))
        #expect(try store.ingestCounters() == ["lines": 1])
        #expect(try store.suppressions() == [:])
        #expect(try store.trackingOptOuts() == [])
        var exported: [EventCount] = []
        try store.exportEvents { exported.append($0) }
        #expect(exported == [Self.event(.view, recipient: 1, day: 1, at: 1)])
        #expect(try store.integrityCheck() == ["ok"])
    }

    @Test func aGrownIdentityReplacesTheOldRow() throws {
        let folder = try StateFolder()
        defer { folder.remove() }
        let store = try EventStore(path: folder.state)
        var short = Self.file(offset: 10, lines: 1, updated: 1, identity: "short")
        short.identityLength = 10
        try store.commitIngestBatch(file: short, events: [], counters: [:])
        try store.commitIngestBatch(
            file: Self.file(offset: 50, lines: 5, updated: 2, identity: "long"), previousIdentity: "short", events: [],
            counters: [:])
        #expect(try store.checkpoints() == [Self.file(offset: 50, lines: 5, updated: 2, identity: "long")])
        #expect(try store.integrityCheck() == ["ok"])
    }

    @Test func totalsCountEventsAndDistinctRecipients() throws {
        let folder = try StateFolder()
        defer { folder.remove() }
        let store = try EventStore(path: folder.state)
        try store.commitIngestBatch(
            file: Self.file(offset: 1, lines: 1, updated: 1),
            events: [
                Self.event(.click, recipient: 1, target: "a", day: 10, count: 3, at: 1),
                Self.event(.click, recipient: 1, target: "b", day: 11, count: 1, at: 1),
                Self.event(.click, recipient: 2, target: "a", day: 10, count: 1, at: 1),
                Self.event(.click, .scanner, recipient: 3, target: "a", day: 10, count: 9, at: 1),
                Self.event(.open, recipient: 1, day: 10, at: 1),
                Self.event(.view, campaign: "", segment: "", recipient: 0, target: "oak-table", day: 10, at: 1),
                Self.event(.click, campaign: "autumn", segment: "new", recipient: 4, target: "a", day: 10, at: 1),
            ], counters: [:])
        #expect(
            try store.eventTotals(campaign: "spring") == [
                EventTotal(campaign: "spring", segment: "vip", kind: .click, traffic: .human, count: 5, recipients: 2),
                EventTotal(
                    campaign: "spring", segment: "vip", kind: .click, traffic: .scanner, count: 9, recipients: 1),
                EventTotal(campaign: "spring", segment: "vip", kind: .open, traffic: .human, count: 1, recipients: 1),
            ])
        #expect(
            try store.eventTotals().map { "\($0.campaign)/\($0.segment)/\($0.kind)/\($0.count)" } == [
                "//view/1", "autumn/new/click/1", "spring/vip/click/5", "spring/vip/click/9", "spring/vip/open/1",
            ])
        #expect(try store.integrityCheck() == ["ok"])
    }

    @Test func engagementCountsHumanOpensAndClicksUpToTheDay() throws {
        let folder = try StateFolder()
        defer { folder.remove() }
        let store = try EventStore(path: folder.state)
        let asOf: Int64 = 20_100
        try store.commitIngestBatch(
            file: Self.file(offset: 1, lines: 1, updated: 1),
            events: [
                Self.event(.open, recipient: 1, day: asOf - 40, at: 1),
                Self.event(.open, .machineOpen, recipient: 1, day: asOf - 1, at: 1),
                Self.event(.click, recipient: 1, target: "old", day: asOf - 30, count: 4, at: 1),
                Self.event(.click, recipient: 1, target: "new", day: asOf - 29, count: 2, at: 1),
                Self.event(.click, recipient: 1, target: "today", day: asOf, count: 1, at: 1),
                Self.event(.click, recipient: 1, target: "future", day: asOf + 1, count: 8, at: 1),
                Self.event(.click, .scanner, recipient: 1, target: "scanned", day: asOf, count: 8, at: 1),
                Self.event(.open, recipient: 2, day: asOf - 3, at: 1),
                Self.event(.click, .bot, recipient: 3, target: "x", day: asOf, at: 1),
                Self.event(.view, recipient: 4, target: "y", day: asOf, at: 1),
            ], counters: [:])
        #expect(
            try store.engagement(asOf: asOf) == [
                1: Engagement(
                    lastOpenDay: asOf - 40, lastClickDay: asOf, recentClicks: 3,
                    clickedTargets: ["old", "new", "today"]),
                2: Engagement(lastOpenDay: asOf - 3),
            ])
        #expect(try store.integrityCheck() == ["ok"])
    }
}
