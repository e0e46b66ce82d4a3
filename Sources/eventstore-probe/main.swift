import EventStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// eventstore-probe batches STATE [COUNT]: commits ingest batches n = 1, 2, … (continuing after the stored checkpoint)
// forever, or COUNT of them. Batch n moves the file "probe" to offset 100·n, lines n, and adds 200 views, one bot
// click of count n, the counters lines += 100 and malformed += n % 3, a suppression of "c<n>" when n % 5 == 0 and an
// opt-out of "o<n>" when n % 4 == 0. EventStoreTests kill it at random moments and recompute these.
//
// eventstore-probe lock STATE CAMPAIGN: takes the campaign's send lock, prints "locked" and sleeps until killed;
// prints "busy" and exits 3 when another process holds it.

func batch(_ n: Int64) -> [EventCount] {
    var events = (0..<Int64(200)).map { i in
        EventCount(
            kind: .view, traffic: .human, campaign: "spring", segment: "s\(i % 3)", recipient: (n + i) % 500,
            target: "p\(i % 7)", day: 20_000 + i % 10, count: 1, firstAt: 1_000 + n, lastAt: 1_000 + n)
    }
    events.append(
        EventCount(
            kind: .click, traffic: .bot, campaign: "spring", segment: "", recipient: n % 5, target: "", day: 20_000,
            count: n, firstAt: n, lastAt: n))
    return events
}

let arguments = CommandLine.arguments
do {
    switch (arguments.count, arguments.count > 1 ? arguments[1] : "") {
    case (3, "batches"), (4, "batches"):
        let store = try EventStore(path: arguments[2])
        let count = arguments.count == 4 ? Int64(arguments[3]) ?? 0 : Int64.max
        var n = (try store.checkpoint(identity: "probe")?.lines ?? 0) + 1
        var done: Int64 = 0
        while done < count {
            try store.commitIngestBatch(
                file: Checkpoint(
                    identity: "probe", identityLength: 4096, device: 1, inode: 2, path: "access.log", offset: 100 * n,
                    lines: n, updated: 1_700_000_000 + n),
                events: batch(n), counters: ["lines": 100, "malformed": Int(n % 3)],
                suppressions: n % 5 == 0
                    ? [Suppression(customer: "c\(n)", reason: .unsubscribed, at: n, source: "log")] : [],
                optOuts: n % 4 == 0 ? [TrackingOptOut(customer: "o\(n)", at: n)] : [])
            n += 1
            done += 1
        }
    case (4, "lock"):
        let store = try EventStore(path: arguments[2])
        do {
            let lock = try store.lockCampaign(arguments[3])
            // Straight to the descriptor: the test waits for this line, and stdout's buffer would hold it back.
            _ = write(1, "locked\n", 7)
            while true { pause() }
            withExtendedLifetime(lock) {}
        } catch let error where error.reason == .campaignLocked(arguments[3]) {
            print("busy")
            exit(3)
        }
    default:
        print("usage: eventstore-probe batches STATE [COUNT] | eventstore-probe lock STATE CAMPAIGN")
        exit(2)
    }
} catch {
    print("eventstore-probe: \(error)")
    exit(1)
}
