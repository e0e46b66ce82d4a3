/*
 Every token and code is a truncated HMAC-SHA256 under the store's secret of one unambiguous message:

     "vitrine/v1" · field(store identity) · field(purpose) · field(id)…      field(x) = UInt32 big-endian length · x

 Length prefixes keep the fields apart ("ab"+"c" ≠ "a"+"bc"); the purpose separates kinds; the store identity
 separates two stores that share a secret by mistake. Nothing is encrypted, so nothing can be decrypted: a token
 is 144 pseudorandom bits with no customer id, e-mail or name inside, and the same inputs give the same token on
 every rebuild. Rotating the secret changes them all.
 */
import Crypto
import Store

/// Derives the capability tokens of personal URLs and the unique coupon codes of one store.
public struct CapabilityTokens: Sendable {
    /// Bytes of HMAC output in a token: 144 bits, exactly 24 base64url characters.
    public static let tokenByteCount = 18
    /// Characters of a token.
    public static let tokenLength = tokenByteCount / 3 * 4
    /// Coupon code characters after the prefix: 31 symbols, 12 places ≈ 59 bits.
    public static let couponCodeLength = 12
    /// Digits and capitals a person can read aloud and type back: no 0/O, 1/I/L.
    public static let couponAlphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ".utf8)

    private let keyed: HMAC

    /// Tokens of the store `storeIdentity` (its base URL, say) under `secret`.
    public init(secret: SecretKey, storeIdentity: String) {
        var mac = HMAC(key: secret.bytes)
        mac.update("vitrine/v1".utf8)
        Self.field(storeIdentity, into: &mac)
        keyed = mac
    }

    /// Tokens of the store `settings` describes, told apart from other stores by its base URL.
    public init(secret: SecretKey, settings: StoreSettings) {
        var identity = Substring(settings.baseURL)
        while identity.hasSuffix("/") { identity = identity.dropLast() }
        self.init(secret: secret, storeIdentity: String(identity))
    }

    /// The URL token of a personal page: 24 base64url characters, stable for the same secret, store and ids.
    public func token(for page: PersonalPage) -> String {
        Base64URL.encode(code(purpose: page.purpose, fields: page.fields).prefix(Self.tokenByteCount))
    }

    /// A customer's unique code for a coupon: `prefix` then `couponCodeLength` characters of `couponAlphabet`.
    public func couponCode(prefix: String, coupon: String, customer: String) -> String {
        var symbols: [UInt8] = []
        symbols.reserveCapacity(Self.couponCodeLength)
        var block: UInt32 = 0
        // Rejection sampling keeps every symbol uniform: a byte below 248 = 8 × 31 picks byte % 31; about one byte
        // in 32 is skipped, and a further block is derived in the (rare) case 32 bytes are not enough.
        while symbols.count < Self.couponCodeLength {
            let bytes = code(purpose: "coupon-code", fields: [coupon, customer, String(block)])
            for byte in bytes where byte < 248 && symbols.count < Self.couponCodeLength {
                symbols.append(Self.couponAlphabet[Int(byte % 31)])
            }
            block += 1
        }
        return prefix + String(decoding: symbols, as: UTF8.self)
    }

    /// A 32-byte key for another stage (tracking), derived under its own purpose so it says nothing of the tokens.
    package func derivedKey(purpose: String, fields: [String]) -> [UInt8] { code(purpose: purpose, fields: fields) }

    private func code(purpose: String, fields: [String]) -> [UInt8] {
        var mac = keyed
        Self.field(purpose, into: &mac)
        for value in fields { Self.field(value, into: &mac) }
        return mac.finalize()
    }

    private static func field(_ value: String, into mac: inout HMAC) {
        var length = UInt32(truncatingIfNeeded: value.utf8.count).bigEndian
        withUnsafeBytes(of: &length) { mac.update($0) }
        mac.update(value.utf8)
    }
}
