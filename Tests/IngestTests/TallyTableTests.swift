import Testing

@testable import Ingest

/// The flat tally table against a `Dictionary` doing the same counting: growth, collisions, and a key taken back to
/// zero that starts afresh.
@Suite struct TallyTableTests {
    static func key(_ number: Int) -> EventAggregator.EventKey {
        EventAggregator.EventKey(
            kind: number % 2 == 0 ? .open : .click, eventClass: number % 3 == 0 ? .human : .bot,
            campaign: UInt16(number % 5), segment: UInt16(number % 7), recipient: UInt64(number / 3),
            target: UInt32(number % 11), day: UInt16(19_800 + number % 13), keyID: UInt8(number % 2))
    }

    @Test(arguments: [1, 511, 512, 513, 5_000, 70_000])
    func countsLikeADictionary(distinct: Int) {
        var table = TallyTable()
        var reference: [EventAggregator.EventKey: (count: Int, first: Int64, last: Int64)] = [:]
        var state: UInt64 = 0x1234_5678
        for step in 0..<(distinct * 3) {
            // A linear congruential walk: every key comes back, at times in no particular order.
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let number = step < distinct ? step : Int(state >> 33) % distinct
            let time = Int64(state >> 40)
            table.add(Self.key(number), at: time)
            let old = reference[Self.key(number)] ?? (0, time, time)
            reference[Self.key(number)] = (old.count + 1, min(old.first, time), max(old.last, time))
        }
        var seen = 0
        table.forEach { key, tally in
            seen += 1
            let expected = reference[key]
            #expect(
                expected?.count == tally.count && expected?.first == tally.firstAt && expected?.last == tally.lastAt)
        }
        #expect(seen == distinct && reference.count == distinct)
    }

    @Test func aKeyTakenBackToZeroIsSkippedAndStartsAfresh() {
        var table = TallyTable()
        table.add(Self.key(1), at: 100)
        table.add(Self.key(2), at: 50)
        let removed = [table.remove(Self.key(1)), table.remove(Self.key(1)), table.remove(Self.key(3))]
        #expect(removed == [true, false, false])
        var keys: [EventAggregator.EventKey] = []
        table.forEach { key, _ in keys.append(key) }
        #expect(keys == [Self.key(2)])
        table.add(Self.key(1), at: 300)
        var tallies: [Int64] = []
        table.forEach { key, tally in
            if key == Self.key(1) { tallies = [Int64(tally.count), tally.firstAt, tally.lastAt] }
        }
        #expect(tallies == [1, 300, 300])
        table.removeAll()
        var left = 0
        table.forEach { _, _ in left += 1 }
        #expect(left == 0)
        table.add(Self.key(2), at: 7)
        table.forEach { _, tally in #expect(tally.count == 1 && tally.firstAt == 7) }
    }
}
