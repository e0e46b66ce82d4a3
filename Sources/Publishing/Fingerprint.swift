/// A 128-bit hash of a page's inputs, stable across runs and machines (MurmurHash3 x64 128, seed 0).
///
/// Every `add` is tagged and length-delimited, so `add("ab"); add("c")` and `add("a"); add("bc")` differ.
public struct Fingerprint: Hashable, Sendable {
    private var hash = MurmurHash3()

    public init() {}

    /// Adds a byte string: its length, then its bytes.
    public mutating func add(_ bytes: some Collection<UInt8>) {
        addHeader(tag: 1, UInt64(bytes.count))
        hash.update(bytes)
    }

    /// Adds a string as its UTF-8 bytes.
    public mutating func add(_ string: String) {
        var string = string
        string.withUTF8 { buffer in
            addHeader(tag: 1, UInt64(buffer.count))
            hash.update(UnsafeRawBufferPointer(buffer))
        }
    }

    /// Adds an integer as 8 little-endian bytes.
    public mutating func add(_ value: Int) {
        addHeader(tag: 2, UInt64(bitPattern: Int64(value)))
    }

    /// Adds another fingerprint's digest (a shared part computed once, e.g. the theme's).
    public mutating func add(_ other: Fingerprint) {
        let (a, b) = other.digest
        addHeader(tag: 3, a)
        addHeader(tag: 3, b)
    }

    private mutating func addHeader(tag: UInt8, _ word: UInt64) {
        var bytes = (tag, word.littleEndian)
        withUnsafeBytes(of: &bytes.1) { hash.update($0) }
        hash.update(byte: bytes.0)
    }

    var digest: (UInt64, UInt64) { hash.finish() }

    /// 32 lowercase hexadecimal digits.
    public var hex: String { Hex.string(digest) }

    public static func == (lhs: Fingerprint, rhs: Fingerprint) -> Bool { lhs.digest == rhs.digest }

    public func hash(into hasher: inout Hasher) {
        let (a, b) = digest
        hasher.combine(a)
        hasher.combine(b)
    }
}

/// Content hashes for asset names and for comparing a page's bytes with the previous build's.
public enum ContentHash {
    /// The first 8 hexadecimal digits of the bytes' MurmurHash3 x64 128: `app.3f9c2a1b.css`.
    public static func hex8(_ bytes: some Collection<UInt8>) -> String {
        String(Hex.string(digest(bytes)).prefix(8))
    }

    static func digest(_ bytes: some Collection<UInt8>) -> (UInt64, UInt64) {
        var hash = MurmurHash3()
        hash.update(bytes)
        return hash.finish()
    }

    static func digest(_ bytes: UnsafeRawBufferPointer) -> (UInt64, UInt64) {
        var hash = MurmurHash3()
        hash.update(bytes)
        return hash.finish()
    }
}

enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    /// h1 then h2, each as 16 digits, most significant first.
    static func string(_ value: (UInt64, UInt64)) -> String {
        String(unsafeUninitializedCapacity: 32) { buffer in
            for (index, word) in [value.0, value.1].enumerated() {
                for nibble in 0..<16 {
                    buffer[index * 16 + nibble] = digits[Int((word >> (60 - 4 * UInt64(nibble))) & 0xF)]
                }
            }
            return 32
        }
    }

    /// Appends h1 then h2, each as 16 digits, most significant first.
    static func append(_ value: (UInt64, UInt64), to bytes: inout [UInt8]) {
        for word in [value.0, value.1] {
            for nibble in 0..<16 { bytes.append(digits[Int((word >> (60 - 4 * UInt64(nibble))) & 0xF)]) }
        }
    }

    /// Parses 16 hexadecimal digits at `offset`; nil on any other byte.
    @inline(__always)
    static func word(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> UInt64? {
        var value: UInt64 = 0
        for index in offset..<offset + 16 {
            let byte = bytes[index]
            let nibble: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = byte - UInt8(ascii: "a") + 10
            default: return nil
            }
            value = value << 4 | UInt64(nibble)
        }
        return value
    }
}
