/// HMAC-SHA256 (RFC 2104, with SHA-256 as H, B = 64, L = 32): a keyed hasher for one message.
///
/// Keying hashes the padded key once; a keyed value is cheap to copy, so derive many codes under one key by copying
/// it and feeding each copy its own message.
public struct HMAC: Sendable {
    /// The length of an authentication code in bytes.
    public static let byteCount = SHA256.byteCount

    private var inner: SHA256
    private var outer: SHA256

    /// Keys the MAC. RFC 2104 §2: a key longer than B bytes is hashed first; a shorter one is padded with zeros.
    public init<Key: Sequence<UInt8>>(key: Key) {
        var block = [UInt8](key)
        if block.count > SHA256.blockByteCount { block = SHA256.hash(block) }
        block += repeatElement(0, count: SHA256.blockByteCount - block.count)
        inner = SHA256()
        outer = SHA256()
        // ipad = 0x36 and opad = 0x5c, B times (§2).
        inner.update(block.lazy.map { $0 ^ 0x36 })
        outer.update(block.lazy.map { $0 ^ 0x5c })
        for index in block.indices { block[index] = 0 }
    }

    /// The authentication code of `message` under `key` in one call.
    public static func authenticationCode<Key: Sequence<UInt8>, Message: Sequence<UInt8>>(
        for message: Message, key: Key
    ) -> [UInt8] {
        var mac = HMAC(key: key)
        mac.update(message)
        return mac.finalize()
    }

    /// Adds `bytes` to the message.
    public mutating func update<Bytes: Sequence<UInt8>>(_ bytes: Bytes) { inner.update(bytes) }

    /// Adds the bytes of a raw buffer to the message.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) { inner.update(bytes) }

    /// H(K ⊕ opad, H(K ⊕ ipad, text)); the MAC is left as it was.
    public func finalize() -> [UInt8] {
        var outer = self.outer
        outer.update(inner.finalize())
        return outer.finalize()
    }

    /// The first 8 bytes of the code as a big-endian integer, without allocating: a truncated MAC (RFC 2104 §5
    /// allows keeping the leftmost bits) checked on a hot path.
    public func leadingUInt64() -> UInt64 {
        var outer = self.outer
        var words = inner.finalWords()
        withUnsafeMutableBytes(of: &words) { raw in
            for index in 0..<8 {
                let word = raw.load(fromByteOffset: index * 4, as: UInt32.self)
                raw.storeBytes(of: word.bigEndian, toByteOffset: index * 4, as: UInt32.self)
            }
            outer.update(UnsafeRawBufferPointer(raw))
        }
        let digest = outer.finalWords()
        return UInt64(digest.0) << 32 | UInt64(digest.1)
    }
}
