import Foundation
import SMTP
import Synchronization
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Sessions with a real server: aiosmtpd, through `Fixtures/smtp_peer.py`, on 127.0.0.1.
@Suite("SMTP sessions with aiosmtpd", .serialized)
struct SMTPConnectionTests {
    static let timeouts = SMTPTimeouts(all: .seconds(10))

    static func connect(_ peer: SMTPPeer, timeouts: SMTPTimeouts = timeouts) throws -> SMTPConnection {
        try SMTPConnection(
            endpoint: SMTPEndpoint(host: "127.0.0.1", port: peer.port), clientName: "client.vitrine.test",
            timeouts: timeouts)
    }

    /// A message shaped like a newsletter, varied by `number`: header lines, quoted-printable-like body lines, some
    /// lines that start with '.', and every few messages no final CRLF.
    static func message(_ number: Int, size: Int = 3000) -> [UInt8] {
        var text = "From: shop@example.test\r\nTo: customer\(number)@example.test\r\nSubject: offer \(number)\r\n"
        text += "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n"
        var line = 0
        while text.utf8.count < size {
            line += 1
            switch (line + number) % 7 {
            case 0: text += ".a line that starts with a period\r\n"
            case 1: text += "..two periods\r\n"
            case 2: text += ".\r\n"
            case 3: text += "\r\n"
            default: text += "Line \(line) of message \(number): the quick brown fox jumps over the lazy dog=20\r\n"
            }
        }
        if number % 5 == 0 { text += "no final CRLF on this one" }
        return Array(text.utf8)
    }

    static func expectedContent(_ message: [UInt8]) -> [UInt8] {
        message.last == UInt8(ascii: "\n") || message.isEmpty ? message : message + [0x0D, 0x0A]
    }

    @Test(arguments: [true, false])
    func manyMessagesArriveByteExactOverOneConnection(pipelining: Bool) throws {
        let peer = try SMTPPeer(pipelining ? [] : ["--no-pipelining"], saving: true)
        let connection = try Self.connect(peer)
        #expect(connection.capabilities.pipelining == pipelining)
        #expect(connection.capabilities.eightBitMIME)
        #expect(connection.capabilities.sizeLimit == 64 * 1024 * 1024)
        #expect(connection.greeting.code == 220)
        let messages = (1...40).map { Self.message($0, size: 200 + $0 * 700) }
        for (index, message) in messages.enumerated() {
            let delivery = try connection.send(
                from: "shop@example.test", to: ["customer\(index)@example.test", "copy@example.test"],
                message: message)
            #expect(delivery.accepted == ["customer\(index)@example.test", "copy@example.test"])
            #expect(delivery.deferred.isEmpty && delivery.rejected.isEmpty)
            #expect(delivery.isDelivered)
            #expect(delivery.dataReply?.lines == ["2.0.0 OK queued as \(index + 1)"])
            #expect(delivery.dataReply?.enhanced == "2.0.0")
        }
        connection.quit()
        let saved = try peer.saved()
        try #require(saved.count == messages.count)
        for (index, message) in messages.enumerated() {
            #expect(saved[index].content == Self.expectedContent(message), "message \(index + 1)")
            #expect(saved[index].from == "shop@example.test")
            #expect(saved[index].to == ["customer\(index)@example.test", "copy@example.test"])
            #expect(saved[index].mailOptions == ["SIZE=\(Self.expectedContent(message).count)"])
        }
    }

    @Test func anEightBitMessageGoesWithBody8BitMIME() throws {
        let peer = try SMTPPeer(saving: true)
        let connection = try Self.connect(peer)
        let message = Array("Subject: Grüße\r\n\r\nΚαλημέρα, سلام\r\n.ελληνικά\r\n".utf8)
        let delivery = try connection.send(from: "", to: ["a@example.test"], message: message)
        #expect(delivery.isDelivered)
        connection.quit()
        let saved = try peer.saved()
        try #require(saved.count == 1)
        #expect(saved[0].content == message)
        #expect(saved[0].from == "<>")  // aiosmtpd's record of the null reverse-path
        #expect(saved[0].mailOptions == ["SIZE=\(message.count)", "BODY=8BITMIME"])
    }

    @Test func anEightBitMessageIsRefusedLocallyWithout8BitMIME() throws {
        let peer = try SMTPPeer(["--no-8bitmime"], saving: true)
        let connection = try Self.connect(peer)
        #expect(!connection.capabilities.eightBitMIME)
        #expect(throws: SMTPError(.needs8BitMIME)) {
            try connection.send(from: "s@example.test", to: ["a@example.test"], message: Array("é\r\n".utf8))
        }
        // Nothing was sent: the session goes on.
        let delivery = try connection.send(from: "s@example.test", to: ["a@example.test"], message: Self.message(1))
        #expect(delivery.isDelivered)
        connection.quit()
        #expect(try peer.saved().map(\.content) == [Self.message(1)])
    }

    @Test func aMessageOverTheSizeLimitIsRefusedLocally() throws {
        let peer = try SMTPPeer(["--size", "2000"], saving: true)
        let connection = try Self.connect(peer)
        #expect(connection.capabilities.sizeLimit == 2000)
        let exact = Self.message(1, size: 1000) + Array(repeating: UInt8(ascii: "x"), count: 0)
        let large = Array(repeating: UInt8(ascii: "y"), count: 1999)  // 2001 bytes with the CRLF added
        #expect(throws: SMTPError(.messageTooLarge(limit: 2000))) {
            try connection.send(from: "s@example.test", to: ["a@example.test"], message: large)
        }
        let delivery = try connection.send(from: "s@example.test", to: ["a@example.test"], message: exact)
        #expect(delivery.isDelivered)
        connection.quit()
        #expect(try peer.saved().count == 1)
    }

    @Test(arguments: [true, false])
    func aDeferredRecipientIsReportedThenAcceptedOnTheNextAttempt(pipelining: Bool) throws {
        let peer = try SMTPPeer(
            ["--defer", "later@example.test"] + (pipelining ? [] : ["--no-pipelining"]), saving: true)
        let connection = try Self.connect(peer)
        let first = try connection.send(from: "s@example.test", to: ["later@example.test"], message: Self.message(1))
        #expect(first.accepted.isEmpty)
        #expect(first.rejected.isEmpty)
        #expect(first.deferred.map(\.recipient) == ["later@example.test"])
        #expect(
            first.deferred.first?.reply == SMTPReply(code: 451, enhanced: "4.2.0", lines: ["4.2.0 try again later"]))
        #expect(first.dataReply == nil && !first.isDelivered)
        let second = try connection.send(from: "s@example.test", to: ["later@example.test"], message: Self.message(2))
        #expect(second.accepted == ["later@example.test"])
        #expect(second.deferred.isEmpty)
        #expect(second.isDelivered)
        connection.quit()
        let saved = try peer.saved()
        #expect(saved.map(\.content) == [Self.message(2)])
    }

    @Test(arguments: [true, false])
    func aRejectedRecipientDoesNotStopTheOthers(pipelining: Bool) throws {
        let peer = try SMTPPeer(
            ["--reject", "nobody@example.test"] + (pipelining ? [] : ["--no-pipelining"]), saving: true)
        let connection = try Self.connect(peer)
        let delivery = try connection.send(
            from: "s@example.test", to: ["nobody@example.test", "somebody@example.test"], message: Self.message(3))
        #expect(delivery.accepted == ["somebody@example.test"])
        #expect(delivery.deferred.isEmpty)
        #expect(
            delivery.rejected == [
                .init(
                    recipient: "nobody@example.test",
                    reply: SMTPReply(
                        code: 550, enhanced: "5.1.1",
                        lines: ["5.1.1 that mailbox is unknown here", "5.1.1 and nowhere else either"]))
            ])
        #expect(delivery.rejected.first?.reply.isPermanent == true)
        #expect(delivery.isDelivered)
        // Every recipient refused: no message, RSET, and the session goes on.
        let none = try connection.send(from: "s@example.test", to: ["nobody@example.test"], message: Self.message(4))
        #expect(none.accepted.isEmpty && none.rejected.count == 1 && none.dataReply == nil)
        let after = try connection.send(from: "s@example.test", to: ["x@example.test"], message: Self.message(5))
        #expect(after.isDelivered)
        connection.quit()
        let saved = try peer.saved()
        #expect(saved.map(\.to) == [["somebody@example.test"], ["x@example.test"]])
        #expect(saved.map(\.content) == [Self.message(3), Self.expectedContent(Self.message(5))])
    }

    @Test(arguments: [true, false])
    func aRefusedSenderThrowsAndLeavesTheSessionUsable(pipelining: Bool) throws {
        let peer = try SMTPPeer(
            ["--reject-sender", "spam@example.test"] + (pipelining ? [] : ["--no-pipelining"]), saving: true)
        let connection = try Self.connect(peer)
        let refusal = SMTPReply(code: 550, enhanced: "5.7.1", lines: ["5.7.1 that sender is not welcome"])
        #expect(throws: SMTPError(.rejected(refusal))) {
            try connection.send(from: "spam@example.test", to: ["a@example.test", "b@example.test"], message: [])
        }
        let delivery = try connection.send(from: "s@example.test", to: ["a@example.test"], message: Self.message(8))
        #expect(delivery.isDelivered)
        connection.quit()
        #expect(try peer.saved().map(\.from) == ["s@example.test"])
    }

    /// Four connections on four threads, as `vitrine send` drives them: no state is shared between connections.
    @Test func fourConnectionsInParallel() throws {
        let peer = try SMTPPeer()
        let messages = (0..<8).map { Self.message($0 * 5 + 1, size: 29 * 1024) }
        let perConnection = 500
        let failures = Mutex<[String]>([])
        let endpoint = SMTPEndpoint(host: "127.0.0.1", port: peer.port)
        let clock = ContinuousClock()
        let start = clock.now
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            do {
                let connection = try SMTPConnection(
                    endpoint: endpoint, clientName: "client.vitrine.test", timeouts: Self.timeouts)
                for number in 0..<perConnection {
                    let delivery = try connection.send(
                        from: "news@shop.example.test", to: ["r\(worker)-\(number)@vitrine.test"],
                        message: messages[number % 8])
                    if !delivery.isDelivered { failures.withLock { $0.append("\(worker)/\(number) not delivered") } }
                }
                connection.quit()
            } catch {
                failures.withLock { $0.append("connection \(worker): \(error)") }
            }
        }
        let elapsed = clock.now - start
        #expect(failures.withLock { $0 } == [])
        // The peer numbers the messages it queues: the next one is the 2,001st.
        let last = try Self.connect(peer).send(from: "s@example.test", to: ["a@example.test"], message: messages[0])
        #expect(last.dataReply?.lines == ["2.0.0 OK queued as \(4 * perConnection + 1)"])
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print(
            "SMTP: 4 connections, \(4 * perConnection) messages of 29 KiB to aiosmtpd: \(seconds) s, "
                + "\(Double(4 * perConnection) / seconds) msgs/s")
    }

    @Test func aStalledServerTimesOutWithinTheConfiguredTime() throws {
        let peer = try SMTPPeer(["--stall"])
        var timeouts = Self.timeouts
        timeouts.dataTermination = .milliseconds(800)
        let connection = try Self.connect(peer, timeouts: timeouts)
        let clock = ContinuousClock()
        let start = clock.now
        #expect(throws: SMTPError(.timedOut(step: "end of data"))) {
            try connection.send(from: "s@example.test", to: ["a@example.test"], message: Self.message(1))
        }
        let elapsed = clock.now - start
        #expect(elapsed >= .milliseconds(800) && elapsed < .seconds(3), "took \(elapsed)")
        // The session is closed after a timeout: later calls fail at once.
        #expect(throws: SMTPError(.connectionClosed(step: "MAIL"))) {
            try connection.send(from: "s@example.test", to: ["a@example.test"], message: Self.message(1))
        }
        connection.quit()
    }

    @Test func aConnectionClosedDuringDataIsReported() throws {
        let peer = try SMTPPeer(["--close-in-data"])
        let connection = try Self.connect(peer)
        #expect(throws: SMTPError(.connectionClosed(step: "end of data"))) {
            try connection.send(from: "s@example.test", to: ["a@example.test"], message: Self.message(1, size: 30000))
        }
        connection.quit()
    }

    @Test func aServerThatIsNotListeningCannotBeReached() throws {
        // A port that was free a moment ago: bound, then closed.
        let port = UInt16(try #require(LoopbackSocket.freePort(), "cannot bind 127.0.0.1:0"))
        #expect(throws: SMTPError(.cannotConnect(errno: ECONNREFUSED))) {
            try SMTPConnection(
                endpoint: SMTPEndpoint(parsing: "127.0.0.1:\(port)"), clientName: "c.test", timeouts: Self.timeouts)
        }
    }

    @Test func aHostNameIsResolvedAndEachAddressTried() throws {
        // localhost may resolve to ::1 first, where nothing listens; 127.0.0.1 then answers.
        let peer = try SMTPPeer()
        let connection = try SMTPConnection(
            endpoint: SMTPEndpoint(parsing: "localhost:\(peer.port)"), clientName: "c.test", timeouts: Self.timeouts)
        #expect(connection.greeting.code == 220)
        #expect(connection.greeting.lines.first?.hasPrefix("peer.vitrine.test ") == true)
        connection.quit()
    }

    @Test func aGreetingOf554RefusesTheSession() throws {
        let peer = try SMTPPeer(["--greeting-554"])
        #expect(
            throws: SMTPError(.rejected(SMTPReply(code: 554, enhanced: "5.3.2", lines: ["5.3.2 no service here"])))
        ) {
            try Self.connect(peer)
        }
    }

    @Test func aServerWithoutEHLOGetsHELO() throws {
        let peer = try SMTPPeer(["--no-ehlo"], saving: true)
        let connection = try Self.connect(peer)
        #expect(!connection.capabilities.isExtended && !connection.capabilities.pipelining)
        let delivery = try connection.send(from: "s@example.test", to: ["a@example.test"], message: Self.message(6))
        #expect(delivery.isDelivered)
        #expect(throws: SMTPError(.needs8BitMIME)) {
            try connection.send(from: "s@example.test", to: ["a@example.test"], message: [0xC3, 0xA9])
        }
        connection.quit()
        let saved = try peer.saved()
        #expect(saved.map(\.mailOptions) == [[]])
        #expect(saved.map(\.content) == [Self.message(6)])
    }

    @Test func badAddressesAndBareLineEndsAreRefusedBeforeAnythingIsSent() throws {
        let peer = try SMTPPeer(saving: true)
        let connection = try Self.connect(peer)
        let cases: [(String, [String], String, String)] = [
            (
                "s@example.test", ["a@example.test", "b@example.test\r\nRCPT TO:<c@x>"], "ok\r\n",
                "recipient 2 contains a forbidden byte"
            ),
            ("s@example.test>", ["a@example.test"], "ok\r\n", "the sender address contains a forbidden byte"),
            ("s@example.test", ["a@example.test", ""], "ok\r\n", "recipient 2 is empty"),
            ("s@example.test", ["<a@example.test>"], "ok\r\n", "recipient 1 contains a forbidden byte"),
            ("s@example.test", [], "ok\r\n", "a message needs a recipient"),
            (
                "s@example.test", ["δοκιμή@example.test"], "ok\r\n",
                "an address is not ASCII and the server does not offer SMTPUTF8"
            ),
            ("s@example.test", ["a@example.test"], "bare\nLF\r\n", "the message has a bare CR or LF at byte 4"),
        ]
        for (sender, recipients, message, error) in cases {
            #expect(throws: SMTPError(.protocolViolation(error))) {
                try connection.send(from: sender, to: recipients, message: Array(message.utf8))
            }
        }
        #expect(
            try connection.send(from: "s@example.test", to: ["a@example.test"], message: Self.message(7)).isDelivered)
        try connection.reset()
        connection.quit()
        #expect(try peer.saved().count == 1)
    }

    @Test func errorsNameNoAddress() {
        let reply = SMTPReply(code: 550, enhanced: "5.1.1", lines: ["5.1.1 <someone@example.test>: unknown"])
        #expect(SMTPError(.rejected(reply)).description == "SMTP: the server refused with 550 5.1.1")
    }

    /// One connection, 2,000 messages of about 29 KiB (the newsletter's average), counted by the server.
    @Test func twoThousandMessagesOfTwentyNineKiB() throws {
        let peer = try SMTPPeer()
        let connection = try Self.connect(peer)
        let messages = (0..<8).map { Self.message($0 * 5 + 1, size: 29 * 1024) }
        let clock = ContinuousClock()
        let start = clock.now
        var last: SMTPDelivery?
        for number in 0..<2000 {
            last = try connection.send(
                from: "news@shop.example.test", to: ["r\(number)@vitrine.test"], message: messages[number % 8])
        }
        let elapsed = clock.now - start
        var threadTime = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &threadTime)
        connection.quit()
        #expect(last?.dataReply?.lines == ["2.0.0 OK queued as 2000"])
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let cpu = Double(threadTime.tv_sec) + Double(threadTime.tv_nsec) / 1e9
        print(
            "SMTP: 2000 messages of 29 KiB, one connection to aiosmtpd: \(seconds) s, \(2000 / seconds) msgs/s; "
                + "this thread's CPU (whole test) \(cpu) s")
    }
}
