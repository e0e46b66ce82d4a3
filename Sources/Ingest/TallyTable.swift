/// The aggregator's tallies: an open-addressing hash table over flat arrays, keyed by `EventAggregator.EventKey`.
///
/// Layout: `keys` and `tallies` hold the entries in insertion order; `slots` (a power of two, at most half full)
/// holds each entry's index + 1, 0 for an empty slot, found by linear probing. A `Dictionary` cost a seeded
/// SipHash and a probe of a large table per tracked request; here the hash is two multiplications of the key's
/// packed words. A cheap hash is safe because every key comes from a token whose HMAC was verified: nobody without
/// the store's secret can choose keys that collide. An entry whose count drops to 0 (a click moved to scanner)
/// stays in place and is skipped by `forEach`; it starts afresh if counted again.
struct TallyTable: Sendable {
    private(set) var keys: [EventAggregator.EventKey] = []
    private(set) var tallies: [EventAggregator.Tally] = []
    private var slots = [Int32](repeating: 0, count: 1024)
    private var mask = 1023

    /// Counts one request of `key` at `time`.
    mutating func add(_ key: EventAggregator.EventKey, at time: Int64) {
        let slot = find(key)
        let index = Int(slots[slot])
        if index == 0 {
            insert(key, EventAggregator.Tally(count: 1, firstAt: time, lastAt: time), at: slot)
        } else if tallies[index - 1].count == 0 {
            tallies[index - 1] = EventAggregator.Tally(count: 1, firstAt: time, lastAt: time)
        } else {
            tallies[index - 1].add(time)
        }
    }

    /// Takes one request of `key` back; false when the key has none.
    mutating func remove(_ key: EventAggregator.EventKey) -> Bool {
        let index = Int(slots[find(key)])
        guard index > 0, tallies[index - 1].count > 0 else { return false }
        tallies[index - 1].count -= 1
        return true
    }

    /// Calls `body` with every key counted, in insertion order.
    func forEach(_ body: (EventAggregator.EventKey, EventAggregator.Tally) -> Void) {
        for index in keys.indices where tallies[index].count > 0 { body(keys[index], tallies[index]) }
    }

    /// Empties the table, keeping its memory for the next batch.
    mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        tallies.removeAll(keepingCapacity: true)
        slots.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
    }

    /// The slot holding `key`, or the empty slot where it would go.
    private func find(_ key: EventAggregator.EventKey) -> Int {
        var slot = Self.hash(key) & mask
        while true {
            let index = Int(slots[slot])
            if index == 0 || keys[index - 1] == key { return slot }
            slot = (slot + 1) & mask
        }
    }

    private mutating func insert(_ key: EventAggregator.EventKey, _ tally: EventAggregator.Tally, at slot: Int) {
        keys.append(key)
        tallies.append(tally)
        slots[slot] = Int32(keys.count)
        if keys.count * 2 > slots.count { grow() }
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        mask = slots.count - 1
        for index in keys.indices {
            var slot = Self.hash(keys[index]) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index + 1)
        }
    }

    /// Multiply-xorshift of the key's packed words (the recipient has 40 bits: key id and day fit above it).
    @inline(__always)
    static func hash(_ key: EventAggregator.EventKey) -> Int {
        let first = key.recipient | UInt64(key.keyID) << 40 | UInt64(key.day) << 48
        let second =
            UInt64(key.target) | UInt64(key.campaign) << 32 | UInt64(key.segment) << 48
        let third = UInt64(key.kind.rawValue) << 8 | UInt64(key.eventClass.rawValue)
        var mixed = first &* 0x9E37_79B9_7F4A_7C15 ^ second &* 0xC2B2_AE3D_27D4_EB4F ^ third &* 0x1656_67B1_9E37_79F9
        mixed ^= mixed >> 29
        mixed = mixed &* 0xBF58_476D_1CE4_E5B9
        mixed ^= mixed >> 32
        return Int(truncatingIfNeeded: mixed)
    }
}
