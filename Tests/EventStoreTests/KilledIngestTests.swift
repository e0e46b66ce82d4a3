import EventStore
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Ingest batches committed by a real child process (`eventstore-probe batches`) that is SIGKILLed at random moments:
/// after every kill the file is sound and holds exactly the batches up to its checkpoint — never part of one.
@Suite("ingest killed at random moments")
struct KilledIngestTests {
    struct Key: Hashable {
        var kind: EventKind, traffic: TrafficClass, campaign: String, segment: String, recipient: Int64
        var target: String, day: Int64
    }

    /// What batches 1…n of the probe add up to (see its main.swift).
    static func expected(batches n: Int64) -> [Key: (count: Int64, first: Int64, last: Int64)] {
        var totals: [Key: (count: Int64, first: Int64, last: Int64)] = [:]
        for b in stride(from: Int64(1), through: n, by: 1) {
            var events: [(Key, Int64, Int64)] = (0..<Int64(200)).map { i in
                (
                    Key(
                        kind: .view, traffic: .human, campaign: "spring", segment: "s\(i % 3)",
                        recipient: (b + i) % 500,
                        target: "p\(i % 7)", day: 20_000 + i % 10), 1, 1_000 + b
                )
            }
            events.append(
                (
                    Key(
                        kind: .click, traffic: .bot, campaign: "spring", segment: "", recipient: b % 5, target: "",
                        day: 20_000), b, b
                ))
            for (key, count, at) in events {
                if let old = totals[key] {
                    totals[key] = (old.count + count, min(old.first, at), max(old.last, at))
                } else {
                    totals[key] = (count, at, at)
                }
            }
        }
        return totals
    }

    static func start(_ state: String, count: Int? = nil) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: StateFolder.probe)
        process.arguments = ["batches", state] + (count.map { ["\($0)"] } ?? [])
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Checks the whole file against its checkpoint; returns the number of batches it holds.
    static func verify(_ state: String, after comment: String) throws -> Int64 {
        let store = try EventStore(path: state)
        #expect(try store.integrityCheck() == ["ok"], Comment(rawValue: comment))
        let checkpoint = try store.checkpoint(identity: "probe")
        let n = checkpoint?.lines ?? 0
        #expect((checkpoint?.offset ?? 0) == 100 * n, Comment(rawValue: comment))
        var found: [Key: (count: Int64, first: Int64, last: Int64)] = [:]
        try store.exportEvents {
            found[
                Key(
                    kind: $0.kind, traffic: $0.traffic, campaign: $0.campaign, segment: $0.segment,
                    recipient: $0.recipient, target: $0.target, day: $0.day)] = ($0.count, $0.firstAt, $0.lastAt)
        }
        let expected = expected(batches: n)
        let wrong = Set(found.keys).union(expected.keys).filter {
            found[$0]?.count != expected[$0]?.count
                || found[$0]?.first != expected[$0]?.first || found[$0]?.last != expected[$0]?.last
        }
        #expect(wrong.isEmpty, Comment(rawValue: "\(comment): \(wrong.count) event keys differ from \(n) batches"))
        var counters: [String: Int] = [:]
        if n > 0 {
            counters["lines"] = Int(100 * n)
            counters["malformed"] = (1...n).reduce(0) { $0 + Int($1 % 3) }
        }
        #expect(try store.ingestCounters() == counters, Comment(rawValue: comment))
        let suppressed = n >= 5 ? Set(stride(from: Int64(5), through: n, by: 5).map { "c\($0)" }) : []
        #expect(Set(try store.suppressions().keys) == suppressed, Comment(rawValue: comment))
        let optedOut = n >= 4 ? Set(stride(from: Int64(4), through: n, by: 4).map { "o\($0)" }) : []
        #expect(try store.trackingOptOuts() == optedOut, Comment(rawValue: comment))
        #expect(try store.newestIngest() == (n > 0 ? 1_700_000_000 + n : nil), Comment(rawValue: comment))
        return n
    }

    @Test func aProcessKilledAtAnyMomentLosesAndDuplicatesNothing() throws {
        let folder = try StateFolder()
        defer { folder.remove() }
        // Calibrate: how long 20 batches take here, so that kills land while batches are being written.
        let clock = ContinuousClock()
        let first = try Self.start(folder.state, count: 20)
        let elapsed = clock.measure { first.waitUntilExit() }
        #expect(first.terminationStatus == 0)
        #expect(try Self.verify(folder.state, after: "a complete run") == 20)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18

        var batches: Int64 = 20
        for kill in 1...20 {
            let delay = Double.random(in: 0...seconds * 1.5)
            let process = try Self.start(folder.state)
            Thread.sleep(forTimeInterval: delay)
            Glibc.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal, "kill \(kill): the probe ended before the kill")
            let now = try Self.verify(folder.state, after: "kill \(kill) after \(delay) s")
            #expect(now >= batches, "kill \(kill): batches were lost")
            batches = now
        }
        // The kills must have let work through, or the test proves nothing.
        #expect(batches > 40)
        let last = try Self.start(folder.state, count: 3)
        last.waitUntilExit()
        #expect(last.terminationStatus == 0)
        #expect(try Self.verify(folder.state, after: "a run after the kills") == batches + 3)
    }
}
