/// MurmurHash3 x64 128 (Austin Appleby's public-domain reference, `MurmurHash3_x64_128`), fed incrementally.
///
/// Little-endian 16-byte blocks; a tail of up to 15 bytes waits in `pending` until more bytes or `finish`.
struct MurmurHash3: Hashable, Sendable {
    private var h1: UInt64
    private var h2: UInt64
    private var pending1: UInt64 = 0
    private var pending2: UInt64 = 0
    private var pendingCount = 0
    private var length: UInt64 = 0

    private static let c1: UInt64 = 0x87c3_7b91_1142_53d5
    private static let c2: UInt64 = 0x4cf5_ad43_2745_937f

    init(seed: UInt32 = 0) {
        h1 = UInt64(seed)
        h2 = UInt64(seed)
    }

    @inline(__always)
    private static func rotl(_ x: UInt64, _ r: UInt64) -> UInt64 { (x << r) | (x >> (64 - r)) }

    @inline(__always)
    private static func fmix(_ k: UInt64) -> UInt64 {
        var k = k
        k ^= k >> 33
        k &*= 0xff51_afd7_ed55_8ccd
        k ^= k >> 33
        k &*= 0xc4ce_b9fe_1a85_ec53
        k ^= k >> 33
        return k
    }

    @inline(__always)
    private mutating func block(_ k1: UInt64, _ k2: UInt64) {
        var k1 = k1 &* Self.c1
        k1 = Self.rotl(k1, 31)
        k1 &*= Self.c2
        h1 ^= k1
        h1 = Self.rotl(h1, 27)
        h1 &+= h2
        h1 = h1 &* 5 &+ 0x52dc_e729
        var k2 = k2 &* Self.c2
        k2 = Self.rotl(k2, 33)
        k2 &*= Self.c1
        h2 ^= k2
        h2 = Self.rotl(h2, 31)
        h2 &+= h1
        h2 = h2 &* 5 &+ 0x3849_5ab5
    }

    @inline(__always)
    mutating func update(byte: UInt8) {
        if pendingCount < 8 {
            pending1 |= UInt64(byte) << (8 * UInt64(pendingCount))
        } else {
            pending2 |= UInt64(byte) << (8 * UInt64(pendingCount - 8))
        }
        pendingCount += 1
        length &+= 1
        if pendingCount == 16 {
            block(pending1, pending2)
            pending1 = 0
            pending2 = 0
            pendingCount = 0
        }
    }

    mutating func update(_ buffer: UnsafeRawBufferPointer) {
        var offset = 0
        let count = buffer.count
        while pendingCount != 0 && offset < count {
            update(byte: buffer[offset])
            offset += 1
        }
        let blocksStart = offset
        while count - offset >= 16 {
            let k1 = UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            let k2 = UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
            block(k1, k2)
            offset += 16
        }
        length &+= UInt64(offset - blocksStart)
        while offset < count {
            update(byte: buffer[offset])
            offset += 1
        }
    }

    mutating func update(_ bytes: some Collection<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        if done == nil {
            for byte in bytes { update(byte: byte) }
        }
    }

    /// The 128-bit digest as (h1, h2), as the reference writes them to its output.
    func finish() -> (UInt64, UInt64) {
        var h1 = h1
        var h2 = h2
        if pendingCount > 8 {
            var k2 = pending2 &* Self.c2
            k2 = Self.rotl(k2, 33)
            k2 &*= Self.c1
            h2 ^= k2
        }
        if pendingCount > 0 {
            var k1 = pending1 &* Self.c1
            k1 = Self.rotl(k1, 31)
            k1 &*= Self.c2
            h1 ^= k1
        }
        h1 ^= length
        h2 ^= length
        h1 &+= h2
        h2 &+= h1
        h1 = Self.fmix(h1)
        h2 = Self.fmix(h2)
        h1 &+= h2
        h2 &+= h1
        return (h1, h2)
    }
}
