import EventStore
import Foundation
import TestSupport
import Testing

/// `vitrine send` against a real SMTP server (aiosmtpd on 127.0.0.1): every message arrives once, 4xx is retried,
/// 5xx is a bounce and a suppression, a sender killed with SIGKILL at random points and rerun delivers every message
/// with at most one duplicate per kill, and a second sender on the same campaign refuses to start.
@Suite(.serialized) struct SendCommandTests {
    static let secret = ["VITRINE_SECRET": "send-tests-secret-0123456789abcdefghijkl"]

    /// A batch of the example store's campaign in a fresh folder: (output, state file, manifest rows).
    struct Batch {
        var output: String
        var state: String
        var rows: [(customer: String, messageID: String, file: String)]

        func addresses() throws -> [String: String] {
            // customers.csv: id,email,… — the addresses the relay must see, by customer.
            let text = try String(contentsOfFile: VitrineBinary.packageRoot + "/Catalog/customers.csv", encoding: .utf8)
            var result: [String: String] = [:]
            for line in text.split(separator: "\n").dropFirst() {
                let fields = line.split(separator: ",", omittingEmptySubsequences: false)
                result[String(fields[0])] = String(fields[1])
            }
            return result
        }
    }

    static func batch(limit: Int) throws -> Batch {
        let root = try VitrineBinary.temporaryDirectory()
        let output = root + "/Output"
        let state = root + "/state.sqlite"
        let mail = try VitrineBinary.run(
            ["mail", "winter-2026", "--output", output, "--state", state, "--limit", String(limit), "--quiet"],
            environment: secret)
        #expect(mail.status == 0, "\(mail.stderr)")
        let manifest = try String(contentsOfFile: output + "/mail/winter-2026/manifest.csv", encoding: .utf8)
        let rows = manifest.split(separator: "\n").dropFirst().map { line in
            let fields = line.split(separator: ",")
            return (String(fields[0]), String(fields[2]), String(fields[3]))
        }
        #expect(rows.count == limit)
        return Batch(output: output, state: state, rows: rows)
    }

    /// A `send` of the batch left running in the background (output discarded), to be killed by the test.
    static func startSend(_ batch: Batch, port: UInt16, _ extra: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: VitrineBinary.executable)
        process.arguments =
            [
                "send", "winter-2026", "--smtp", "127.0.0.1:\(port)", "--output", batch.output, "--state", batch.state,
                "--force", "--quiet",
            ] + extra
        process.environment = ProcessInfo.processInfo.environment.merging(Self.secret) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// A `send` of the batch killed with SIGKILL `seconds` after it started.
    static func sendKilled(_ batch: Batch, port: UInt16, _ extra: [String], after seconds: Double) throws {
        let process = try startSend(batch, port: port, extra)
        Thread.sleep(forTimeInterval: seconds)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    static func send(_ batch: Batch, port: UInt16, _ extra: [String] = []) throws -> VitrineBinary.Result {
        try VitrineBinary.run(
            [
                "send", "winter-2026", "--smtp", "127.0.0.1:\(port)", "--output", batch.output, "--state", batch.state,
                "--force",
            ] + extra,
            environment: secret, timeLimit: 120)
    }

    /// The Message-ID header of each message the peer received.
    static func receivedIDs(_ peer: SMTPPeer) throws -> [String] {
        try peer.saved().map { message in
            let text = String(decoding: message.content, as: UTF8.self)
            let line = text.split(separator: "\r\n").first { $0.lowercased().hasPrefix("message-id:") } ?? ""
            return line.split(separator: ":", maxSplits: 1).last.map {
                $0.trimmingCharacters(in: CharacterSet(charactersIn: " <>"))
            } ?? ""
        }
    }

    @Test func everyMessageArrivesOnceAndARerunSendsNothing() throws {
        let batch = try Self.batch(limit: 30)
        let peer = try SMTPPeer([], saving: true)
        let first = try Self.send(batch, port: peer.port, ["--json"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("\"sent\": 30"), "\(first.stdout)")
        let received = try peer.saved()
        #expect(received.count == 30)
        #expect(Set(try Self.receivedIDs(peer)) == Set(batch.rows.map(\.messageID)))
        // Each went to its customer's address, byte for byte the file vitrine mail wrote.
        let addresses = try batch.addresses()
        let byID = Dictionary(uniqueKeysWithValues: batch.rows.map { ($0.messageID, $0) })
        for (message, id) in zip(received, try Self.receivedIDs(peer)) {
            let row = try #require(byID[id])
            #expect(message.to == [addresses[row.customer] ?? "?"])
            let file = try [UInt8](
                Data(contentsOf: URL(fileURLWithPath: batch.output + "/mail/winter-2026/" + row.file)))
            #expect(message.content == file)
        }
        let second = try Self.send(batch, port: peer.port, ["--json"])
        #expect(second.status == 0)
        #expect(second.stdout.contains("\"sent\": 0") && second.stdout.contains("\"already_done\": 30"))
        #expect(try peer.saved().count == 30)
    }

    @Test func aTransientRefusalIsRetriedAndTheMessageArrivesOnce() throws {
        let batch = try Self.batch(limit: 5)
        let address = try #require(try batch.addresses()[batch.rows[2].customer])
        let peer = try SMTPPeer(["--defer", address, "--defer-count", "2"], saving: true)
        let result = try Self.send(batch, port: peer.port, ["--retry-delay", "0.2", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"sent\": 5"), "\(result.stdout)")
        #expect(try Self.receivedIDs(peer).sorted() == batch.rows.map(\.messageID).sorted())
        let journal = try EventStore(path: batch.state).journal(campaign: "winter-2026")
        #expect(journal.first { $0.customer == batch.rows[2].customer }?.attempts == 3)
    }

    @Test func aPermanentRefusalIsABounceAndASuppressionAndOthersStillArrive() throws {
        let batch = try Self.batch(limit: 6)
        let bounced = batch.rows[1].customer
        let address = try #require(try batch.addresses()[bounced])
        let peer = try SMTPPeer(["--reject", address], saving: true)
        let result = try Self.send(batch, port: peer.port, ["--json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"bounced\": 1") && result.stdout.contains("\"sent\": 5"), "\(result.stdout)")
        #expect(try peer.saved().count == 5)
        let store = try EventStore(path: batch.state)
        #expect(try store.suppressions()[bounced]?.reason == .bounced)
        #expect(try store.journal(campaign: "winter-2026").first { $0.customer == bounced }?.lastCode == 550)
        // The next batch leaves the bounced address out.
        let again = try VitrineBinary.run(
            ["mail", "winter-2026", "--output", batch.output, "--state", batch.state, "--limit", "6", "--json"],
            environment: Self.secret)
        #expect(again.stdout.contains("\"suppressed\": 1"), "\(again.stdout)")
    }

    @Test func aSuppressionRecordedAfterTheBatchWasWrittenIsHonoured() throws {
        let batch = try Self.batch(limit: 4)
        let store = try EventStore(path: batch.state)
        try store.suppress(customer: batch.rows[0].customer, reason: .unsubscribed, at: 1, source: "test")
        let peer = try SMTPPeer([], saving: true)
        let result = try Self.send(batch, port: peer.port, ["--json"])
        #expect(
            result.stdout.contains("\"suppressed\": 1") && result.stdout.contains("\"sent\": 3"), "\(result.stdout)")
        #expect(!(try Self.receivedIDs(peer)).contains(batch.rows[0].messageID))
    }

    @Test func aRelayThatClosesEachSessionAfterOneMessageGetsEachMessageOnce() throws {
        let batch = try Self.batch(limit: 8)
        // Each session: one message answered 250, then the connection closed at the next (pipelined) MAIL.
        let peer = try SMTPPeer(["--close-after-each"], saving: true)
        let result = try Self.send(batch, port: peer.port, ["--connections", "1", "--retry-delay", "1", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"sent\": 8"), "\(result.stdout)")
        let ids = try Self.receivedIDs(peer)
        #expect(ids.count == 8, "no message is sent twice")
        #expect(Set(ids) == Set(batch.rows.map(\.messageID)))
        let journal = try EventStore(path: batch.state)
        #expect(try journal.journalCounts(campaign: "winter-2026") == [.sent: 8])
    }

    @Test func aSenderKilledAtTwentyRandomPointsDeliversEveryMessageWithAtMostOneDuplicatePerKill() throws {
        let batch = try Self.batch(limit: 60)
        let peer = try SMTPPeer([], saving: true)
        var random = SystemRandomNumberGenerator()
        let kills = 20
        for _ in 0..<kills {
            try Self.sendKilled(
                batch, port: peer.port, ["--rate", "200", "--connections", "2"],
                after: Double.random(in: 0.02...0.35, using: &random))
        }
        let last = try Self.send(batch, port: peer.port, ["--json"])
        #expect(last.status == 0, "\(last.stderr)")
        let ids = try Self.receivedIDs(peer)
        #expect(Set(ids) == Set(batch.rows.map(\.messageID)), "every message arrives")
        let duplicates = ids.count - Set(ids).count
        #expect(duplicates <= kills, "\(duplicates) duplicates after \(kills) kills")
        let journal = try EventStore(path: batch.state)
        #expect(try journal.journalCounts(campaign: "winter-2026") == [.sent: 60])
        #expect(try journal.integrityCheck() == ["ok"])
    }

    /// Four connections whose journal writes are group-committed, killed at random points: after each kill at most
    /// one message per connection is left `handing`, and every duplicate the relay got is one of those.
    @Test func fourConnectionsKilledAtRandomPointsLeaveAtMostOneMessageHandingEach() throws {
        let batch = try Self.batch(limit: 100)
        let peer = try SMTPPeer([], saving: true)
        let idOf = Dictionary(uniqueKeysWithValues: batch.rows.map { ($0.customer, $0.messageID) })
        var random = SystemRandomNumberGenerator()
        var leftHanding: [String] = []
        for _ in 0..<12 {
            try Self.sendKilled(
                batch, port: peer.port, ["--rate", "60", "--connections", "4"],
                after: Double.random(in: 0.1...0.5, using: &random))
            let handing = try EventStore(path: batch.state).journal(campaign: "winter-2026").filter {
                $0.state == .handing
            }
            #expect(handing.count <= 4, "\(handing.count) messages handing after a kill")
            leftHanding += handing.map { idOf[$0.customer] ?? "?" }
        }
        // The rate keeps each connection's next message `handing` while it waits its turn: the kills find some.
        #expect(!leftHanding.isEmpty)
        let last = try Self.send(batch, port: peer.port, ["--json", "--connections", "4"])
        #expect(last.status == 0, "\(last.stderr)")
        let ids = try Self.receivedIDs(peer)
        #expect(Set(ids) == Set(batch.rows.map(\.messageID)), "every message arrives")
        var seen = Set<String>()
        let duplicated = Set(ids.filter { !seen.insert($0).inserted })
        #expect(duplicated.isSubset(of: Set(leftHanding)), "a duplicate that was never left handing by a kill")
        let journal = try EventStore(path: batch.state)
        #expect(try journal.journalCounts(campaign: "winter-2026") == [.sent: 100])
        #expect(try journal.integrityCheck() == ["ok"])
    }

    @Test func aSecondSenderOnTheSameCampaignRefuses() throws {
        let batch = try Self.batch(limit: 20)
        let peer = try SMTPPeer([], saving: true)
        let slow = try Self.startSend(batch, port: peer.port, ["--rate", "5"])
        defer {
            kill(slow.processIdentifier, SIGKILL)
            slow.waitUntilExit()
        }
        Thread.sleep(forTimeInterval: 1.0)
        let second = try Self.send(batch, port: peer.port)
        #expect(second.status == 1)
        #expect(second.stderr.contains("winter-2026"), "\(second.stderr)")
    }

    @Test func withoutARecentLogIngestSendRefusesUnlessForced() throws {
        let batch = try Self.batch(limit: 2)
        let result = try VitrineBinary.run(
            ["send", "winter-2026", "--smtp", "127.0.0.1:9", "--output", batch.output, "--state", batch.state],
            environment: Self.secret)
        #expect(result.status == 2)
        #expect(result.stderr.contains("no access log has been ingested yet"), "\(result.stderr)")
        let dry = try VitrineBinary.run(
            [
                "send", "winter-2026", "--smtp", "127.0.0.1:9", "--output", batch.output, "--state", batch.state,
                "--force", "--dry-run",
            ],
            environment: Self.secret)
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("2 to send"), "\(dry.stdout)")
    }

    /// A store with an error refuses the send with the error's location, before the state file is opened: a state
    /// file that did not exist is not made, and the batch's journal is left as it was.
    @Test func aStoreWithAnErrorRefusesWithoutTouchingTheStateFile() throws {
        let batch = try Self.batch(limit: 2)
        let store = try VitrineBinary.temporaryDirectory() + "/shop"
        try FileManager.default.copyItem(atPath: "Catalog", toPath: store)
        let customers = store + "/customers.csv"
        var text = try String(contentsOfFile: customers, encoding: .utf8)
        text += "c-9999,nobody@example.com,A,B,en,GR,not-a-date,true,true,\n"
        try text.write(toFile: customers, atomically: true, encoding: .utf8)
        let fresh = batch.state + ".fresh"
        for state in [fresh, batch.state] {
            let result = try VitrineBinary.run(
                [
                    "send", "winter-2026", "--store", store, "--smtp", "127.0.0.1:9", "--output", batch.output,
                    "--state", state, "--force",
                ],
                environment: Self.secret)
            #expect(result.status == 2)
            #expect(result.stderr.contains("customers.csv:302:"), "\(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: fresh))
        #expect(try EventStore(path: batch.state).journalCounts(campaign: "winter-2026") == [:])
    }
}
