import EventStore
import Testing

@Suite("send journal")
struct JournalTests {
    @Test func messagesMoveThroughTheirStates() throws {
        let folder = try StateFolder()
        defer { folder.remove() }
        let store = try EventStore(path: folder.state)
        let messages = [("C1", "<1@shop>"), ("C2", "<2@shop>"), ("C3", "<3@shop>"), ("C4", "<4@shop>")]
        try store.enqueue(campaign: "spring", messages: messages.map { (customer: $0.0, messageID: $0.1) }, at: 10)
        #expect(try store.journalCounts(campaign: "spring") == [.queued: 4])
        #expect(try store.pending(campaign: "spring", now: 10).map(\.customer) == ["C1", "C2", "C3", "C4"])

        try store.markHanding(campaign: "spring", customer: "C1", at: 11)
        try store.markSent(campaign: "spring", customer: "C1", code: 250, enhancedCode: "2.0.0", at: 12)
        try store.markHanding(campaign: "spring", customer: "C2", at: 13)
        try store.markDeferred(
            campaign: "spring", customer: "C2", code: 451, enhancedCode: "4.7.1", nextAttempt: 100, at: 14)
        try store.markHanding(campaign: "spring", customer: "C3", at: 15)
        try store.markBounced(campaign: "spring", customer: "C3", code: 550, enhancedCode: "5.1.1", at: 16)
        try store.markSuppressed(campaign: "spring", customer: "C4", at: 17)

        #expect(try store.journalCounts(campaign: "spring") == [.sent: 1, .deferred: 1, .bounced: 1, .suppressed: 1])
        #expect(
            try store.journal(campaign: "spring") == [
                JournalEntry(
                    campaign: "spring", customer: "C1", messageID: "<1@shop>", state: .sent, attempts: 1,
                    lastCode: 250, lastEnhancedCode: "2.0.0", updated: 12),
                JournalEntry(
                    campaign: "spring", customer: "C2", messageID: "<2@shop>", state: .deferred, attempts: 1,
                    lastCode: 451, lastEnhancedCode: "4.7.1", updated: 14, nextAttempt: 100),
                JournalEntry(
                    campaign: "spring", customer: "C3", messageID: "<3@shop>", state: .bounced, attempts: 1,
                    lastCode: 550, lastEnhancedCode: "5.1.1", updated: 16),
                JournalEntry(
                    campaign: "spring", customer: "C4", messageID: "<4@shop>", state: .suppressed, attempts: 0,
                    updated: 17),
            ])
        // The deferred message is pending only once its time has come.
        #expect(try store.pending(campaign: "spring", now: 99) == [])
        #expect(try store.pending(campaign: "spring", now: 100).map(\.customer) == ["C2"])
        try store.markHanding(campaign: "spring", customer: "C2", at: 101)
        try store.markSent(campaign: "spring", customer: "C2", at: 102)
        let second = try store.journal(campaign: "spring")[1]
        #expect(second.attempts == 2)
        #expect(second.state == .sent)
        #expect(second.lastCode == 250)
        #expect(second.lastEnhancedCode == nil)
        #expect(second.nextAttempt == nil)
        #expect(try store.integrityCheck() == ["ok"])
    }

    @Test func enqueueingAgainKeepsWhatWasDone() throws {
        let folder = try StateFolder()
        defer { folder.remove() }
        let store = try EventStore(path: folder.state)
        try store.enqueue(campaign: "spring", messages: [("C1", "<1@shop>"), ("C2", "<2@shop>")], at: 1)
        try store.markHanding(campaign: "spring", customer: "C1", at: 2)
        try store.markSent(campaign: "spring", customer: "C1", at: 3)
        // A second run composes new Message-IDs; the journal keeps the first ones and the states.
        try store.enqueue(
            campaign: "spring", messages: [("C1", "<1b@shop>"), ("C2", "<2b@shop>"), ("C3", "<3@shop>")], at: 4)
        try store.enqueue(campaign: "autumn", messages: [("C1", "<a1@shop>")], at: 4)
        #expect(try store.journal(campaign: "spring").map(\.messageID) == ["<1@shop>", "<2@shop>", "<3@shop>"])
        #expect(try store.journalCounts(campaign: "spring") == [.sent: 1, .queued: 2])
        #expect(try store.journalCounts(campaign: "autumn") == [.queued: 1])
        #expect(try store.integrityCheck() == ["ok"])
    }

    @Test func aMessageLeftHandingByACrashIsPendingWithItsMessageID() throws {
        let folder = try StateFolder()
        defer { folder.remove() }
        do {
            let store = try EventStore(path: folder.state)
            try store.enqueue(campaign: "spring", messages: [("C1", "<1@shop>"), ("C2", "<2@shop>")], at: 1)
            try store.markHanding(campaign: "spring", customer: "C1", at: 2)
            // The process dies here: the store is dropped without marking C1 sent.
        }
        let store = try EventStore(path: folder.state)
        let pending = try store.pending(campaign: "spring", now: 3)
        #expect(
            pending == [
                JournalEntry(
                    campaign: "spring", customer: "C1", messageID: "<1@shop>", state: .handing, attempts: 1,
                    updated: 2),
                JournalEntry(
                    campaign: "spring", customer: "C2", messageID: "<2@shop>", state: .queued, attempts: 0, updated: 1),
            ])
        #expect(try store.integrityCheck() == ["ok"])
    }

    @Test func aTransitionOfAnUnknownMessageFails() throws {
        let folder = try StateFolder()
        defer { folder.remove() }
        let store = try EventStore(path: folder.state)
        try store.enqueue(campaign: "spring", messages: [("C1", "<1@shop>")], at: 1)
        let error = #expect(throws: EventStoreError.self) {
            try store.markSent(campaign: "spring", customer: "someone@example.com", at: 2)
        }
        #expect(error == EventStoreError(.notInJournal(campaign: "spring"), path: folder.state))
        #expect(error?.description.contains("someone") == false)
        #expect(throws: EventStoreError.self) { try store.markHanding(campaign: "autumn", customer: "C1", at: 2) }
        #expect(try store.integrityCheck() == ["ok"])
    }
}

@Suite("send journal transitions the protocol forbids")
struct ForbiddenJournalTransitionTests {
    @Test func aFinishedMessageCannotBeHandedAgainNorSentWithoutHanding() throws {
        let folder = try StateFolder()
        defer { folder.remove() }
        let store = try EventStore(path: folder.state)
        try store.enqueue(campaign: "spring", messages: [("C1", "<1@shop>"), ("C2", "<2@shop>")], at: 1)
        let unsent = #expect(throws: EventStoreError.self) {
            try store.markSent(campaign: "spring", customer: "C1", at: 2)
        }
        #expect(unsent?.reason == .invalidTransition(campaign: "spring", from: .queued, to: .sent))
        try store.markHanding(campaign: "spring", customer: "C1", at: 2)
        try store.markSent(campaign: "spring", customer: "C1", at: 3)
        let twice = #expect(throws: EventStoreError.self) {
            try store.markHanding(campaign: "spring", customer: "C1", at: 4)
        }
        #expect(twice?.reason == .invalidTransition(campaign: "spring", from: .sent, to: .handing))
        #expect(
            twice?.description == "a message of campaign spring cannot go from sent to handing (\(folder.state))")
        try store.markSuppressed(campaign: "spring", customer: "C2", at: 4)
        #expect(throws: EventStoreError.self) { try store.markHanding(campaign: "spring", customer: "C2", at: 5) }
        // Refused transitions changed nothing.
        #expect(try store.journal(campaign: "spring").map(\.state) == [.sent, .suppressed])
        #expect(try store.journal(campaign: "spring").map(\.updated) == [3, 4])
        #expect(try store.integrityCheck() == ["ok"])
    }
}
