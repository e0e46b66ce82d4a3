/// Base64 with the URL- and filename-safe alphabet of RFC 4648 §5, without `=` padding (§3.2 allows omitting it
/// when the length is known, as in a URL path segment).
public enum Base64URL {
    /// §5, Table 2: `A`–`Z`, `a`–`z`, `0`–`9`, `-`, `_`.
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// 0…63 for an alphabet byte, 0xFF for anything else.
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (value, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(value) }
        return table
    }()

    /// The unpadded base64url text of `bytes`: 4 characters per 3 bytes, 2 or 3 for a final 1 or 2.
    public static func encode<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        let input = Array(bytes)
        guard !input.isEmpty else { return "" }
        return String(unsafeUninitializedCapacity: encodedLength(input.count)) { out in
            input.withUnsafeBytes { encode($0, into: out.baseAddress!) }
        }
    }

    /// The length of the unpadded text of `count` bytes.
    public static func encodedLength(_ count: Int) -> Int { count / 3 * 4 + [0, 2, 3][count % 3] }

    /// Writes the unpadded base64url text of `bytes` at `out` (which holds `encodedLength(bytes.count)` bytes) and
    /// returns its length: for callers that build a larger text around it without allocating.
    @discardableResult
    public static func encode(_ bytes: UnsafeRawBufferPointer, into out: UnsafeMutablePointer<UInt8>) -> Int {
        alphabet.withUnsafeBufferPointer { table in
            var read = 0
            var written = 0
            while read + 3 <= bytes.count {
                let group = UInt32(bytes[read]) << 16 | UInt32(bytes[read + 1]) << 8 | UInt32(bytes[read + 2])
                out[written] = table[Int(group >> 18)]
                out[written + 1] = table[Int(group >> 12 & 63)]
                out[written + 2] = table[Int(group >> 6 & 63)]
                out[written + 3] = table[Int(group & 63)]
                read += 3
                written += 4
            }
            switch bytes.count - read {
            case 1:
                let group = UInt32(bytes[read]) << 16
                out[written] = table[Int(group >> 18)]
                out[written + 1] = table[Int(group >> 12 & 63)]
                written += 2
            case 2:
                let group = UInt32(bytes[read]) << 16 | UInt32(bytes[read + 1]) << 8
                out[written] = table[Int(group >> 18)]
                out[written + 1] = table[Int(group >> 12 & 63)]
                out[written + 2] = table[Int(group >> 6 & 63)]
                written += 3
            default: break
            }
            return written
        }
    }

    /// The bytes of unpadded base64url text, or nil if it is not canonical: a character outside the alphabet
    /// (including `=`, `+`, `/` and whitespace), a length that leaves 6 stray bits (4n + 1), or non-zero bits
    /// after the last byte (§3.5), so every byte string has exactly one accepted spelling.
    public static func decode<Text: StringProtocol>(_ text: Text) -> [UInt8]? {
        var utf8 = Array(text.utf8)
        return utf8.withUnsafeMutableBufferPointer { decode(UnsafeBufferPointer($0)) }
    }

    /// The bytes of unpadded base64url text given as its UTF-8 bytes, or nil (see `decode(_:)` for text).
    public static func decode(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard text.count % 4 != 1 else { return nil }
        var output = [UInt8]()
        output.reserveCapacity(text.count / 4 * 3 + 2)
        return values.withUnsafeBufferPointer { table -> [UInt8]? in
            var group: UInt32 = 0
            var filled = 0
            for byte in text {
                let value = table[Int(byte)]
                guard value != 0xFF else { return nil }
                group = group << 6 | UInt32(value)
                filled += 1
                if filled == 4 {
                    output.append(UInt8(truncatingIfNeeded: group >> 16))
                    output.append(UInt8(truncatingIfNeeded: group >> 8))
                    output.append(UInt8(truncatingIfNeeded: group))
                    group = 0
                    filled = 0
                }
            }
            switch filled {
            case 2:
                guard group & 0xF == 0 else { return nil }
                output.append(UInt8(truncatingIfNeeded: group >> 4))
            case 3:
                guard group & 0x3 == 0 else { return nil }
                output.append(UInt8(truncatingIfNeeded: group >> 10))
                output.append(UInt8(truncatingIfNeeded: group >> 2))
            default: break
            }
            return output
        }
    }
}
