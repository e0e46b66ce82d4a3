import EventStore
import Testing

@Suite("suppressions and tracking opt-outs")
struct SuppressionTests {
    @Test func theFirstReasonWinsAndSuppressingAgainChangesNothing() throws {
        let folder = try StateFolder()
        defer { folder.remove() }
        let store = try EventStore(path: folder.state)
        #expect(try !store.isSuppressed(customer: "C1"))
        try store.suppress(customer: "C1", reason: .unsubscribed, at: 100, source: "log")
        try store.suppress(customer: "C1", reason: .complained, at: 200, source: "feedback")
        try store.suppress(customer: "C1", reason: .unsubscribed, at: 100, source: "log")
        try store.suppress(customer: "Ψ-7", reason: .bounced, at: 300, source: "bounce")
        #expect(try store.isSuppressed(customer: "C1"))
        #expect(try store.isSuppressed(customer: "Ψ-7"))
        #expect(try !store.isSuppressed(customer: "C2"))
        #expect(try !store.isSuppressed(customer: "c1"))
        #expect(
            try store.suppressions() == [
                "C1": Suppression(customer: "C1", reason: .unsubscribed, at: 100, source: "log"),
                "Ψ-7": Suppression(customer: "Ψ-7", reason: .bounced, at: 300, source: "bounce"),
            ])
        #expect(try store.integrityCheck() == ["ok"])
    }

    @Test func optOutsAreASet() throws {
        let folder = try StateFolder()
        defer { folder.remove() }
        let store = try EventStore(path: folder.state)
        #expect(try store.trackingOptOuts() == [])
        try store.optOutOfTracking(customer: "C3", at: 5)
        try store.optOutOfTracking(customer: "C3", at: 6)
        try store.optOutOfTracking(customer: "C4", at: 7)
        #expect(try store.trackingOptOuts() == ["C3", "C4"])
        #expect(try store.integrityCheck() == ["ok"])
    }
}
