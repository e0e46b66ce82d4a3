import Crypto
import Foundation
import Store
import Tokens

/// The keys of tracking tokens: the current one signs, retired ones still verify tokens already sent.
///
/// Each key is derived from a store secret for the purpose "tracking", the store identity and the key id (see
/// `CapabilityTokens`), so a tracking key says nothing of the personal-page tokens, two stores sharing a secret by
/// mistake get different keys, and a secret reused under two ids gives two keys.
public struct TrackingKeyring: Sendable {
    /// One derived key with its HMAC state already keyed: a MAC costs two compressions and a copy.
    struct Key: Sendable {
        let keyed: HMAC

        init(secret: SecretKey, keyID: UInt8, storeIdentity: String) {
            let tokens = CapabilityTokens(secret: secret, storeIdentity: storeIdentity)
            keyed = HMAC(key: tokens.derivedKey(purpose: "tracking", fields: [String(keyID)]))
        }

        /// The leftmost 64 bits of HMAC-SHA256 of `message`.
        func mac(_ message: UnsafeRawBufferPointer) -> UInt64 {
            var copy = keyed
            copy.update(message)
            return copy.leadingUInt64()
        }
    }

    /// Why a keyring cannot be made.
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public enum Reason: Equatable, Sendable {
            /// A key id is outside 0…15.
            case keyIDOutOfRange(Int)
            /// Two keys share an id.
            case duplicateKeyID(Int)
            /// A secret could not be read.
            case secret(SecretError)
        }
        public var reason: Reason
        public init(reason: Reason) { self.reason = reason }

        public var description: String {
            switch reason {
            case .keyIDOutOfRange(let id): "tracking key id \(id) is outside 0…15"
            case .duplicateKeyID(let id): "tracking key id \(id) is given twice"
            case .secret(let error): error.description
            }
        }
    }

    /// The id in every token signed now.
    public let currentKeyID: UInt8
    let current: Key
    private let keys: [Key?]

    /// A keyring of `current` (signing, under `currentKeyID`) and `retired` keys (verifying only), for the store
    /// `storeIdentity` (its base URL without a trailing slash, as `CapabilityTokens` uses).
    public init(
        current: SecretKey, currentKeyID: Int = 0, retired: [(keyID: Int, secret: SecretKey)] = [],
        storeIdentity: String
    ) throws(Failure) {
        var keys = [Key?](repeating: nil, count: 16)
        for (id, secret) in [(currentKeyID, current)] + retired.map({ ($0.keyID, $0.secret) }) {
            guard (0...15).contains(id) else { throw Failure(reason: .keyIDOutOfRange(id)) }
            guard keys[id] == nil else { throw Failure(reason: .duplicateKeyID(id)) }
            keys[id] = Key(secret: secret, keyID: UInt8(id), storeIdentity: storeIdentity)
        }
        self.currentKeyID = UInt8(currentKeyID)
        self.current = keys[currentKeyID]!
        self.keys = keys
    }

    /// The keyring `store.json` describes: `secret` (its `key_id`) signs, `secret.retired` verify.
    public init(
        settings: StoreSettings, storeFolder: String,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(Failure) {
        let current: SecretKey
        var retired: [(keyID: Int, secret: SecretKey)] = []
        do throws(SecretError) {
            current = try SecretResolver.resolve(settings.secret, storeFolder: storeFolder, environment: environment)
            for source in settings.secret.retired {
                let secret = try SecretResolver.resolve(source, storeFolder: storeFolder, environment: environment)
                retired.append((source.keyID, secret))
            }
        } catch {
            throw Failure(reason: .secret(error))
        }
        try self.init(
            current: current, currentKeyID: settings.secret.keyID, retired: retired,
            storeIdentity: Self.storeIdentity(baseURL: settings.baseURL))
    }

    /// The base URL without trailing slashes: the identity `CapabilityTokens` derives under, too.
    public static func storeIdentity(baseURL: String) -> String {
        var identity = Substring(baseURL)
        while identity.hasSuffix("/") { identity = identity.dropLast() }
        return String(identity)
    }

    /// The key of `id`, nil when the keyring does not hold it.
    func key(id: UInt8) -> Key? { keys[Int(id & 0x0F)] }

    /// The recipient pseudonym of `customerID` under the current key: HMAC(key, "recipient" · 0 · id) truncated to
    /// 40 bits. It cannot be turned back into the id without the secret and the customer list.
    public func recipient(_ customerID: String) -> UInt64 { Self.recipient(customerID, key: current) }

    static func recipient(_ customerID: String, key: Key) -> UInt64 {
        var mac = key.keyed
        mac.update("recipient\u{0}".utf8)
        mac.update(customerID.utf8)
        return mac.leadingUInt64() >> 24
    }

    /// The ids of every key held, the current one first.
    public var keyIDs: [UInt8] {
        [currentKeyID] + (0..<16).compactMap { keys[$0] != nil && $0 != Int(currentKeyID) ? UInt8($0) : nil }
    }

    /// The recipient pseudonym under the key `keyID` (for tokens a retired key signed).
    func recipient(_ customerID: String, keyID: UInt8) -> UInt64? {
        key(id: keyID).map { Self.recipient(customerID, key: $0) }
    }
}
