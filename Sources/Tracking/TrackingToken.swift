/*
 A tracking token: 25 bytes, 34 base64url characters (RFC 4648 §5, unpadded), in every e-mail link.

     byte  0       version (high 4 bits, now 1) | key id (low 4 bits)
     byte  1       kind (TrackingToken.Kind, frozen values)
     bytes 2–3     campaign tag, UInt16 big-endian
     bytes 4–5     segment tag, UInt16 big-endian
     bytes 6–10    recipient pseudonym, UInt40 big-endian
     bytes 11–14   target tag (product or link), UInt32 big-endian, 0 if none
     bytes 15–16   day, days since 1970-01-01 UTC, UInt16 big-endian
     bytes 17–24   the leftmost 64 bits of HMAC-SHA256 over bytes 0–16, under the tracking key of the key id

 Nothing is encrypted: the fields are tags and a pseudonym, none of which can be turned back into an id without
 the store's lists and its secret (see RecipientDirectory). The MAC makes every field tamper-evident; 64 bits
 leave a forger one chance in 2^64 per attempt. 25 bytes encode to 33⅓ characters: the last character carries 2
 bits and 4 zero bits, which verification requires, so each token has exactly one spelling.
 */
import Crypto

/// The signed payload of a tracking link: what happened (kind), for which campaign, segment, recipient and target.
public struct TrackingToken: Sendable, Hashable {
    /// What a token stands for. The raw values are part of every token ever sent: frozen, never reused.
    public enum Kind: UInt8, Sendable, Hashable, CaseIterable {
        /// A page view tied to a campaign (a personal page, a landing page).
        case view = 1
        /// A link in a newsletter.
        case click = 2
        /// The open pixel.
        case open = 3
        /// The unsubscribe link and the List-Unsubscribe header (RFC 8058): not tracking, always present.
        case unsubscribe = 4
        /// A coupon link.
        case coupon = 5
        /// The footer link that opts out of tracking.
        case optOut = 6
    }

    /// The version in the high 4 bits of byte 0.
    public static let version: UInt8 = 1
    /// Bytes covered by the MAC.
    public static let payloadByteCount = 17
    /// Bytes of a token.
    public static let byteCount = 25
    /// Characters of a token's text.
    public static let textLength = 34
    /// The largest recipient pseudonym (40 bits).
    public static let recipientLimit: UInt64 = 1 << 40

    public var kind: Kind
    public var campaign: UInt16
    public var segment: UInt16
    /// A pseudonym from `TrackingKeyring.recipient(_:)`, below 2^40.
    public var recipient: UInt64
    /// 0 when the token names no product or link.
    public var target: UInt32
    /// Days since 1970-01-01 UTC.
    public var day: UInt16

    public init(kind: Kind, campaign: UInt16, segment: UInt16, recipient: UInt64, target: UInt32, day: UInt16) {
        precondition(recipient < Self.recipientLimit, "a recipient pseudonym has 40 bits")
        self.kind = kind
        self.campaign = campaign
        self.segment = segment
        self.recipient = recipient
        self.target = target
        self.day = day
    }

    /// The day field of a moment: whole days since 1970-01-01 UTC (floor division), clamped to what 16 bits hold
    /// (until the year 2149).
    public static func day(unixTime seconds: Int64) -> UInt16 {
        let days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400
        return UInt16(clamping: days)
    }

    /// The result of checking a token's text.
    public enum Verification: Sendable, Hashable {
        /// Genuine, signed by the key `keyID`.
        case valid(TrackingToken, keyID: UInt8)
        /// Not a token: wrong length, a character outside base64url, a non-canonical last character, another
        /// version or an unknown kind.
        case malformed
        /// Well formed, but signed by a key id the keyring does not hold.
        case unknownKey
        /// The MAC does not match: tampered, or signed by another secret or store.
        case forged
    }

    /// The token's text, signed by the keyring's current key.
    public func text(keyring: TrackingKeyring) -> String {
        String(unsafeUninitializedCapacity: Self.textLength) { out in
            write(keyring: keyring, into: out.baseAddress!)
            return Self.textLength
        }
    }

    /// Writes the token's `textLength` characters at `out`, allocating nothing: the bytes are laid out in a stack
    /// tuple, signed, and encoded straight into the caller's text (a link has one in every message, ten a message).
    func write(keyring: TrackingKeyring, into out: UnsafeMutablePointer<UInt8>) {
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &words) { bytes in
            bytes[0] = Self.version << 4 | keyring.currentKeyID
            bytes[1] = kind.rawValue
            bytes[2] = UInt8(truncatingIfNeeded: campaign >> 8)
            bytes[3] = UInt8(truncatingIfNeeded: campaign)
            bytes[4] = UInt8(truncatingIfNeeded: segment >> 8)
            bytes[5] = UInt8(truncatingIfNeeded: segment)
            for index in 0..<5 { bytes[6 + index] = UInt8(truncatingIfNeeded: recipient >> (32 - 8 * UInt64(index))) }
            for index in 0..<4 { bytes[11 + index] = UInt8(truncatingIfNeeded: target >> (24 - 8 * UInt32(index))) }
            bytes[15] = UInt8(truncatingIfNeeded: day >> 8)
            bytes[16] = UInt8(truncatingIfNeeded: day)
            let signed = UnsafeRawBufferPointer(rebasing: bytes[0..<Self.payloadByteCount])
            let mac = keyring.current.mac(signed)
            for index in 0..<8 { bytes[17 + index] = UInt8(truncatingIfNeeded: mac >> (56 - 8 * UInt64(index))) }
            Base64URL.encode(UnsafeRawBufferPointer(rebasing: bytes[0..<Self.byteCount]), into: out)
        }
    }

    /// Checks a token's text (the bytes after `vt=`), allocating nothing: the bytes decode into a stack tuple
    /// and the MAC is computed from the key's precomputed HMAC state.
    public static func verify(_ text: UnsafeBufferPointer<UInt8>, keyring: TrackingKeyring) -> Verification {
        guard text.count == textLength else { return .malformed }
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        let decoded = withUnsafeMutableBytes(of: &words) { decode(text, into: $0) }
        guard decoded else { return .malformed }
        return withUnsafeBytes(of: &words) { bytes -> Verification in
            guard bytes[0] >> 4 == version, let kind = Kind(rawValue: bytes[1]) else { return .malformed }
            let keyID = bytes[0] & 0x0F
            guard let key = keyring.key(id: keyID) else { return .unknownKey }
            var claimed: UInt64 = 0
            for index in 17..<25 { claimed = claimed << 8 | UInt64(bytes[index]) }
            let computed = key.mac(UnsafeRawBufferPointer(rebasing: bytes[0..<payloadByteCount]))
            // One comparison of the whole XOR: the time does not depend on where the first difference is.
            guard claimed ^ computed == 0 else { return .forged }
            var recipient: UInt64 = 0
            for index in 6..<11 { recipient = recipient << 8 | UInt64(bytes[index]) }
            var target: UInt32 = 0
            for index in 11..<15 { target = target << 8 | UInt32(bytes[index]) }
            let token = TrackingToken(
                kind: kind, campaign: UInt16(bytes[2]) << 8 | UInt16(bytes[3]),
                segment: UInt16(bytes[4]) << 8 | UInt16(bytes[5]), recipient: recipient, target: target,
                day: UInt16(bytes[15]) << 8 | UInt16(bytes[16]))
            return .valid(token, keyID: keyID)
        }
    }

    /// RFC 4648 §5 alphabet: 0…63 for an alphabet byte, 0xFF for anything else.
    private static let alphabetValues: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        let alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8
        for (value, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(value) }
        return table
    }()

    /// Decodes exactly `textLength` characters into the first 25 bytes of `out`; false on a byte outside the
    /// alphabet or when the 4 unused bits of the last character are not zero (RFC 4648 §3.5: canonical encoding).
    private static func decode(_ text: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableRawBufferPointer) -> Bool {
        alphabetValues.withUnsafeBufferPointer { values in
            var invalid: UInt8 = 0
            var written = 0
            var read = 0
            while read + 4 <= 32 {
                let a = values[Int(text[read])]
                let b = values[Int(text[read + 1])]
                let c = values[Int(text[read + 2])]
                let d = values[Int(text[read + 3])]
                invalid |= (a | b | c | d) & 0xC0
                let group = UInt32(a & 63) << 18 | UInt32(b & 63) << 12 | UInt32(c & 63) << 6 | UInt32(d & 63)
                out[written] = UInt8(truncatingIfNeeded: group >> 16)
                out[written + 1] = UInt8(truncatingIfNeeded: group >> 8)
                out[written + 2] = UInt8(truncatingIfNeeded: group)
                written += 3
                read += 4
            }
            let a = values[Int(text[32])]
            let b = values[Int(text[33])]
            invalid |= (a | b) & 0xC0
            out[written] = (a & 63) << 2 | (b & 63) >> 4
            return invalid == 0 && b & 0x0F == 0
        }
    }
}
