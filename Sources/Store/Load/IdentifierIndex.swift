#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// Ids to positions, looked up straight from the bytes of a CSV field: no String is made and no SipHash is
/// run for each of a million order lines. Open addressing with linear probing over a power-of-two table; the
/// keys live in one flat byte buffer.
struct IdentifierIndex: Sendable {
    private var keyBytes: [UInt8] = []
    /// Per slot: the key's start in `keyBytes`, its length and its value; length -1 marks an empty slot.
    private var slots: [(start: Int32, length: Int32, value: Int32)]
    private let mask: Int

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: (0, -1, 0), count: size)
        mask = size - 1
    }

    /// Adds `key` unless it is present; returns false when it was already there.
    @discardableResult
    mutating func insert(_ key: String, value: Int32) -> Bool {
        var key = key
        // A native String's bytes are contiguous: no copy of the key, and a plain memory copy into `keyBytes`.
        return key.withUTF8 { insert($0, value: value) }
    }

    private mutating func insert(_ key: UnsafeBufferPointer<UInt8>, value: Int32) -> Bool {
        var slot = Self.hash(key) & mask
        while slots[slot].length >= 0 {
            if equals(slot, key) { return false }
            slot = (slot + 1) & mask
        }
        slots[slot] = (Int32(keyBytes.count), Int32(key.count), value)
        keyBytes.append(contentsOf: key)
        return true
    }

    func value(for key: ArraySlice<UInt8>) -> Int32? {
        // Hashed and compared on the raw bytes: this runs for two ids of each of a million order lines.
        key.withUnsafeBufferPointer { key in
            keyBytes.withUnsafeBufferPointer { keyBytes in
                slots.withUnsafeBufferPointer { slots in
                    var slot = Self.hash(key) & mask
                    while slots[slot].length >= 0 {
                        let entry = slots[slot]
                        if Int(entry.length) == key.count,
                            key.isEmpty
                                || memcmp(keyBytes.baseAddress! + Int(entry.start), key.baseAddress!, key.count) == 0
                        {
                            return entry.value
                        }
                        slot = (slot + 1) & mask
                    }
                    return nil
                }
            }
        }
    }

    private func equals(_ slot: Int, _ key: some Collection<UInt8>) -> Bool {
        let entry = slots[slot]
        guard Int(entry.length) == key.count else { return false }
        var index = Int(entry.start)
        for byte in key {
            if keyBytes[index] != byte { return false }
            index += 1
        }
        return true
    }

    /// FNV-1a over the bytes, then a multiply to spread the low bits (ids differ mostly in their last digits).
    private static func hash(_ key: some Collection<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        hash = (hash ^ (hash >> 29)) &* 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: hash ^ (hash >> 32))
    }
}
