/// A client address cut to its network before anything is stored: IPv4 to /24, IPv6 to /48.
///
/// /24 and /48 are the usual boundaries of one subscriber's or one site's allocation (RFC 6177 §2 for /48): the
/// network still tells a datacenter from a home line, but no longer one household from its neighbours.
public struct AnonymizedAddress: Sendable, Hashable, CustomStringConvertible {
    /// The 16 bytes of the IPv6 address, or the IPv4 address in bytes 0–3; bits beyond the prefix are zero.
    private var high: UInt64
    private var low: UInt64
    /// Whether it is an IPv4 address (an IPv4-mapped IPv6 address counts as IPv4).
    public let isIPv4: Bool

    /// The anonymised network of `text`; nil when `text` is not an IPv4 or IPv6 address.
    public init?(_ text: UnsafeBufferPointer<UInt8>) {
        var bytes: (UInt64, UInt64) = (0, 0)
        let family = withUnsafeMutableBytes(of: &bytes) { Self.parse(text, into: $0) }
        switch family {
        case 4:
            isIPv4 = true
            high = UInt64(bytes.0.bigEndian) & 0xFFFF_FF00_0000_0000
            low = 0
        case 6:
            isIPv4 = false
            high = UInt64(bytes.0.bigEndian) & 0xFFFF_FFFF_FFFF_0000
            low = 0
        default:
            return nil
        }
    }

    /// The anonymised network of an address given as a string.
    public init?(_ text: String) {
        var text = text
        guard let value = text.withUTF8({ Self($0) }) else { return nil }
        self = value
    }

    /// The first 32 bits (IPv4) or the first 64 (IPv6) for prefix tables.
    var leadingBits: UInt64 { high }

    /// `203.0.113.0` or the RFC 5952 form of the /48, `2001:db8:1::`.
    public var description: String {
        if isIPv4 {
            return "\(high >> 56).\(high >> 48 & 0xFF).\(high >> 40 & 0xFF).0"
        }
        let groups = [
            UInt16(truncatingIfNeeded: high >> 48), UInt16(truncatingIfNeeded: high >> 32),
            UInt16(truncatingIfNeeded: high >> 16),
        ]
        // RFC 5952 §4.2: the longest run of zero groups (at least two) becomes "::"; the last five are zero.
        var trailing = 5
        var kept = groups
        while let last = kept.last, last == 0 {
            kept.removeLast()
            trailing += 1
        }
        if trailing == 8 { return "::" }
        return kept.map { String($0, radix: 16) }.joined(separator: ":") + "::"
    }

    /// Parses RFC 4291 §2.2 IPv6 text (with `::` and a trailing dotted IPv4) or a dotted-quad IPv4 address into
    /// 16 bytes; returns 4 for IPv4 (bytes 0–3, IPv4-mapped `::ffff:a.b.c.d` included), 6 for IPv6, 0 when invalid.
    static func parse(_ text: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableRawBufferPointer) -> Int {
        guard !text.isEmpty, text.count <= 45 else { return 0 }
        if !text.contains(UInt8(ascii: ":")) {
            return parseIPv4(text, from: 0, into: out, at: 0) ? 4 : 0
        }
        var groups: (UInt64, UInt64) = (0, 0)
        let count = withUnsafeMutableBytes(of: &groups) { raw in parseIPv6(text, into: raw) }
        guard count else { return 0 }
        withUnsafeBytes(of: groups) { out.copyMemory(from: $0) }
        // ::ffff:0:0/96, RFC 4291 §2.5.5.2: an IPv4 address seen through an IPv6 socket.
        if out[0..<10].allSatisfy({ $0 == 0 }), out[10] == 0xFF, out[11] == 0xFF {
            for index in 0..<4 { out[index] = out[12 + index] }
            for index in 4..<16 { out[index] = 0 }
            return 4
        }
        return 6
    }

    /// RFC 3986 §3.2.2 `dec-octet "." dec-octet "." dec-octet "." dec-octet`, from `start` to the end.
    private static func parseIPv4(
        _ text: UnsafeBufferPointer<UInt8>, from start: Int, into out: UnsafeMutableRawBufferPointer, at offset: Int
    ) -> Bool {
        var index = start
        for part in 0..<4 {
            if part > 0 {
                guard index < text.count, text[index] == UInt8(ascii: ".") else { return false }
                index += 1
            }
            var value = 0
            var digits = 0
            while index < text.count, text[index] >= UInt8(ascii: "0"), text[index] <= UInt8(ascii: "9") {
                // A leading zero is refused (RFC 6943 §3.1.1: "010" is octal to some parsers).
                if digits == 1, value == 0 { return false }
                value = value * 10 + Int(text[index] - UInt8(ascii: "0"))
                digits += 1
                index += 1
                guard digits <= 3, value <= 255 else { return false }
            }
            guard digits > 0 else { return false }
            out[offset + part] = UInt8(value)
        }
        return index == text.count
    }

    /// RFC 4291 §2.2: eight groups of 1–4 hex digits, one `::` for a run of zero groups, an IPv4 tail allowed.
    private static func parseIPv6(_ text: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableRawBufferPointer) -> Bool {
        var groups = 0
        var gap = -1
        var index = 0
        if text.count >= 2, text[0] == UInt8(ascii: ":") {
            guard text[1] == UInt8(ascii: ":") else { return false }
            gap = 0
            index = 2
        }
        while index < text.count {
            guard groups < 8 else { return false }
            // A dotted IPv4 tail takes the last two groups.
            var probe = index
            while probe < text.count, text[probe] != UInt8(ascii: ":") { probe += 1 }
            if probe == text.count, text[index..<probe].contains(UInt8(ascii: ".")) {
                guard groups <= 6, parseIPv4(text, from: index, into: out, at: groups * 2) else { return false }
                groups += 2
                index = text.count
                break
            }
            var value = 0
            var digits = 0
            while index < text.count, let digit = hexValue(text[index]) {
                value = value << 4 | digit
                digits += 1
                index += 1
                guard digits <= 4 else { return false }
            }
            guard digits > 0 else { return false }
            out[groups * 2] = UInt8(value >> 8)
            out[groups * 2 + 1] = UInt8(value & 0xFF)
            groups += 1
            if index == text.count { break }
            guard text[index] == UInt8(ascii: ":") else { return false }
            index += 1
            if index < text.count, text[index] == UInt8(ascii: ":") {
                guard gap < 0 else { return false }
                gap = groups
                index += 1
            } else if index == text.count {
                return false  // a single trailing ':'
            }
        }
        if gap < 0 { return groups == 8 }
        guard groups < 8 else { return false }
        // Move the groups after the gap to the end; the run of zero groups fills the middle.
        let moved = groups - gap
        let shift = 8 - groups
        for group in stride(from: gap + moved - 1, through: gap, by: -1) {
            out[(group + shift) * 2] = out[group * 2]
            out[(group + shift) * 2 + 1] = out[group * 2 + 1]
        }
        for group in gap..<(gap + shift) {
            out[group * 2] = 0
            out[group * 2 + 1] = 0
        }
        return true
    }

    private static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}
