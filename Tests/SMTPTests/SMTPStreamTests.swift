import SMTP
import TestSupport
import Testing

/// Messages streamed over one session (RFC 2920 §3.1: a message's body, its final `.` and the next transaction's
/// commands in one group), against aiosmtpd through `Fixtures/smtp_peer.py`.
@Suite("SMTP streaming with aiosmtpd", .serialized)
struct SMTPStreamTests {
    /// Streams `messages` to their recipients the way a sender does: each exchange answers the message in flight
    /// and opens the next transaction. Returns each message's delivery (nil for one that never went out) and what
    /// each transaction's opening was.
    static func stream(
        _ messages: [(recipients: [String], bytes: [UInt8])], over connection: SMTPConnection
    ) throws -> (deliveries: [SMTPDelivery?], openings: [SMTPConnection.Opening]) {
        var deliveries = [SMTPDelivery?](repeating: nil, count: messages.count)
        var openings: [SMTPConnection.Opening] = []
        var inFlight: Int?
        var opening: Int? = 0
        try connection.queueTransaction(
            from: "shop@example.test", to: messages[0].recipients, message: messages[0].bytes)
        while opening != nil || inFlight != nil {
            let exchange = try connection.exchange()
            if let index = inFlight { deliveries[index] = exchange.finished }
            #expect((exchange.finished != nil) == (inFlight != nil))
            inFlight = nil
            if let index = opening, let opened = exchange.opened {
                openings.append(opened)
                switch opened {
                case .ready:
                    connection.queueMessage()
                    inFlight = index
                case .senderRefused: break
                case .refused(let delivery): deliveries[index] = delivery
                case .broken(let error): throw error
                }
            }
            let next = (opening ?? messages.count) + 1
            opening = nil
            if next < messages.count {
                try connection.queueTransaction(
                    from: "shop@example.test", to: messages[next].recipients, message: messages[next].bytes)
                opening = next
            }
        }
        return (deliveries, openings)
    }

    @Test func fortyMessagesArriveByteExactAndInOrder() throws {
        let peer = try SMTPPeer(saving: true)
        let connection = try SMTPConnectionTests.connect(peer)
        let messages = (1...40).map {
            (["customer\($0)@example.test"], SMTPConnectionTests.message($0, size: 300 + $0 * 500))
        }
        let (deliveries, openings) = try Self.stream(messages, over: connection)
        connection.quit()
        #expect(openings.count == 40)
        for (index, delivery) in deliveries.enumerated() {
            #expect(delivery?.isDelivered == true, "message \(index + 1)")
            #expect(delivery?.dataReply?.lines == ["2.0.0 OK queued as \(index + 1)"])
        }
        let saved = try peer.saved()
        try #require(saved.count == 40)
        for (index, message) in messages.enumerated() {
            #expect(saved[index].content == SMTPConnectionTests.expectedContent(message.1), "message \(index + 1)")
            #expect(saved[index].to == message.0)
        }
    }

    @Test func refusalsInTheMiddleOfAStreamLeaveTheOthersIntact() throws {
        let peer = try SMTPPeer(
            ["--reject", "gone@example.test", "--defer", "busy@example.test", "--defer-count", "5"], saving: true)
        let connection = try SMTPConnectionTests.connect(peer)
        let recipients = [
            "a@example.test", "gone@example.test", "b@example.test", "busy@example.test", "gone@example.test",
            "c@example.test",
        ]
        let messages = recipients.enumerated().map { ([$0.element], SMTPConnectionTests.message($0.offset + 1)) }
        let (deliveries, _) = try Self.stream(messages, over: connection)
        connection.quit()
        #expect(deliveries.map { $0?.isDelivered } == [true, false, true, false, false, true])
        #expect(deliveries[1]?.rejected.first?.reply.code == 550)
        #expect(deliveries[1]?.rejected.first?.reply.enhanced == "5.1.1")
        #expect(deliveries[3]?.deferred.first?.reply.code == 451)
        #expect(deliveries[4]?.rejected.count == 1)
        let saved = try peer.saved()
        #expect(saved.map(\.to) == [["a@example.test"], ["b@example.test"], ["c@example.test"]])
        #expect(saved.map(\.content) == [0, 2, 5].map { SMTPConnectionTests.expectedContent(messages[$0].1) })
    }

    @Test func aRefusedSenderEndsOnlyItsTransaction() throws {
        let peer = try SMTPPeer(["--reject-sender", "shop@example.test"], saving: true)
        let connection = try SMTPConnectionTests.connect(peer)
        let (deliveries, openings) = try Self.stream(
            [
                (["a@example.test"], SMTPConnectionTests.message(1)),
                (["b@example.test"], SMTPConnectionTests.message(2)),
            ],
            over: connection)
        #expect(deliveries == [nil, nil])
        #expect(openings.map { if case .senderRefused(let reply) = $0 { reply.code } else { 0 } } == [550, 550])
        // The session is still usable: a plain send afterwards gets the same refusal, not a broken connection.
        #expect(throws: SMTPError.self) {
            try connection.send(
                from: "shop@example.test", to: ["c@example.test"], message: SMTPConnectionTests.message(3))
        }
        connection.quit()
        #expect(try peer.saved().isEmpty)
    }

    @Test func aServerWithoutPipeliningIsNotStreamed() throws {
        let peer = try SMTPPeer(["--no-pipelining"])
        let connection = try SMTPConnectionTests.connect(peer)
        #expect(throws: SMTPError.self) {
            try connection.queueTransaction(
                from: "shop@example.test", to: ["a@example.test"], message: SMTPConnectionTests.message(1))
        }
        connection.quit()
    }

    @Test func aSecondTransactionCannotBeQueuedBeforeTheFirstIsAnswered() throws {
        let peer = try SMTPPeer()
        let connection = try SMTPConnectionTests.connect(peer)
        try connection.queueTransaction(
            from: "shop@example.test", to: ["a@example.test"], message: SMTPConnectionTests.message(1))
        #expect(throws: SMTPError.self) {
            try connection.queueTransaction(
                from: "shop@example.test", to: ["b@example.test"], message: SMTPConnectionTests.message(2))
        }
        let exchange = try connection.exchange()
        guard case .ready = exchange.opened else {
            Issue.record("expected the first transaction ready, got \(String(describing: exchange.opened))")
            return
        }
        connection.queueMessage()
        #expect(try connection.exchange().finished?.isDelivered == true)
        connection.quit()
    }

    @Test func aSessionThatBreaksAfterAnAnswerKeepsThatAnswer() throws {
        let peer = try SMTPPeer(["--close-after-each"], saving: true)
        let connection = try SMTPConnectionTests.connect(peer)
        try connection.queueTransaction(
            from: "shop@example.test", to: ["a@example.test"], message: SMTPConnectionTests.message(1))
        guard case .ready = try connection.exchange().opened else {
            Issue.record("the first transaction should be ready")
            return
        }
        connection.queueMessage()
        try connection.queueTransaction(
            from: "shop@example.test", to: ["b@example.test"], message: SMTPConnectionTests.message(2))
        // The server answers the first message, then closes at the second one's MAIL: the answer is kept and the
        // second transaction reported broken, not thrown away together.
        let exchange = try connection.exchange()
        #expect(exchange.finished?.isDelivered == true)
        #expect(exchange.finished?.dataReply?.lines == ["2.0.0 OK queued as 1"])
        guard case .broken = exchange.opened else {
            Issue.record("expected the second transaction broken, got \(String(describing: exchange.opened))")
            return
        }
        connection.quit()
        #expect(try peer.saved().map(\.to) == [["a@example.test"]])
    }
}
