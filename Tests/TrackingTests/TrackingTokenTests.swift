import Crypto
import SeededRandom
import Testing
import Tokens
import Tracking

@Suite struct TrackingTokenTests {
    static let secret = SecretKey(text: "correct horse battery staple, 32+ characters long")!
    static let other = SecretKey(text: "another secret of at least thirty-two characters")!
    static let store = "https://shop.example.com"
    static let keyring = try! TrackingKeyring(current: secret, storeIdentity: store)

    static func verify(_ text: String, _ keyring: TrackingKeyring = keyring) -> TrackingToken.Verification {
        var text = text
        return text.withUTF8 { TrackingToken.verify($0, keyring: keyring) }
    }

    static func token(_ random: inout SplitMix64) -> TrackingToken {
        TrackingToken(
            kind: TrackingToken.Kind.allCases[random.below(6)], campaign: UInt16(truncatingIfNeeded: random.next()),
            segment: UInt16(truncatingIfNeeded: random.next()), recipient: random.next() >> 24,
            target: UInt32(truncatingIfNeeded: random.next()), day: UInt16(truncatingIfNeeded: random.next()))
    }

    /// The layout and derivation as documented, recomputed independently with Python's hmac, hashlib and base64:
    /// key = HMAC(secret, "vitrine/v1" · field(store) · field("tracking") · field("0")), recipient = first 5 bytes
    /// of HMAC(key, "recipient\0C001"), tags = leading bytes of SHA-256("vitrine-tag/<domain>\0<id>").
    @Test func pinnedDerivation() {
        #expect(Self.keyring.recipient("C001") == 0xdc_316a_3ef6)
        #expect(TrackingTags.campaignTag("spring-sale") == 55302)
        #expect(TrackingTags.segmentTag("vip") == 50275)
        #expect(TrackingTags.targetTag("p-0012") == 3_912_230_124)
        let token = TrackingToken(
            kind: .click, campaign: 55302, segment: 50275, recipient: 0xdc_316a_3ef6, target: 3_912_230_124,
            day: 19800)
        #expect(token.text(keyring: Self.keyring) == "EALYBsRj3DFqPvbpL-TsTVglLRJEzPzpWw")
    }

    static let days: [(Int64, UInt16)] = [
        (0, 0), (86399, 0), (86400, 1), (1_710_460_800, 19797), (1_710_547_199, 19797), (-1, 0),
        (65535 * 86400, 65535), (70000 * 86400, 65535),
    ]

    @Test(arguments: days)
    func day(unixTime: Int64, expected: UInt16) {
        #expect(TrackingToken.day(unixTime: unixTime) == expected)
    }

    @Test func roundTrip() {
        var random = SplitMix64(seed: 1)
        for _ in 0..<2000 {
            let token = Self.token(&random)
            let text = token.text(keyring: Self.keyring)
            #expect(text.utf8.count == TrackingToken.textLength)
            #expect(Self.verify(text) == .valid(token, keyID: 0))
        }
    }

    /// Every single-bit flip of the 25 bytes of 2,500 random tokens (500,000 tamperings), re-encoded: rejected.
    /// With the 500,000 text tamperings below, the 10^6 tampered tokens.
    @Test func everyBitFlipIsRejected() {
        var random = SplitMix64(seed: 2)
        var accepted = 0
        var tried = 0
        for _ in 0..<2500 {
            let text = Self.token(&random).text(keyring: Self.keyring)
            let bytes = Base64URL.decode(text)!
            for bit in 0..<(bytes.count * 8) {
                var flipped = bytes
                flipped[bit / 8] ^= 1 << (bit % 8)
                if case .valid = Self.verify(Base64URL.encode(flipped)) { accepted += 1 }
                tried += 1
            }
        }
        #expect(tried == 500_000)
        #expect(accepted == 0)
    }

    /// 500,000 text tamperings of 50,000 tokens: a character changed (to another of the alphabet, or any byte), two
    /// different characters swapped, truncated, extended. All rejected.
    @Test func everyTextTamperingIsRejected() {
        var random = SplitMix64(seed: 3)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
        var accepted: [String] = []
        var original: [UInt8] = []
        for round in 0..<500_000 {
            if round % 10 == 0 { original = Array(Self.token(&random).text(keyring: Self.keyring).utf8) }
            var text = original
            switch round % 4 {
            case 0:
                let index = random.below(text.count)
                var replacement = text[index]
                while replacement == text[index] {
                    replacement = random.chance(0.9) ? random.pick(alphabet) : UInt8(random.below(256))
                }
                text[index] = replacement
            case 1:
                var (a, b) = (random.below(text.count), random.below(text.count))
                while text[a] == text[b] { (a, b) = (random.below(text.count), random.below(text.count)) }
                text.swapAt(a, b)
            case 2: text.removeLast(1 + random.below(text.count))
            default: text += (0...random.below(8)).map { _ in random.pick(alphabet) }
            }
            let verification = text.withUnsafeBufferPointer { TrackingToken.verify($0, keyring: Self.keyring) }
            if case .valid = verification { accepted.append(String(decoding: text, as: UTF8.self)) }
        }
        #expect(accepted.isEmpty)
    }

    @Test func malformedTexts() {
        let good = TrackingToken(kind: .open, campaign: 1, segment: 2, recipient: 3, target: 0, day: 4)
            .text(keyring: Self.keyring)
        #expect(Self.verify("") == .malformed)
        #expect(Self.verify(String(good.dropLast())) == .malformed)
        #expect(Self.verify(good + "A") == .malformed)
        #expect(Self.verify(String(good.dropLast()) + "=") == .malformed)
        // The last character carries 2 bits; "B" sets one of the 4 unused ones: another spelling, refused.
        var bytes = Base64URL.decode(good)!
        bytes[24] &= 0xC0
        let canonical = Base64URL.encode(bytes)
        #expect(Self.verify(String(canonical.dropLast()) + "B") == .malformed)
        // Version 2 and an unknown kind are not tokens this code reads.
        var versioned = Base64URL.decode(good)!
        versioned[0] = 0x20
        #expect(Self.verify(Base64URL.encode(versioned)) == .malformed)
        var kinded = Base64URL.decode(good)!
        kinded[1] = 9
        #expect(Self.verify(Base64URL.encode(kinded)) == .malformed)
    }

    @Test func wrongSecretOrStoreIsForged() throws {
        let token = TrackingToken(kind: .click, campaign: 7, segment: 8, recipient: 9, target: 10, day: 11)
        let text = token.text(keyring: Self.keyring)
        let otherSecret = try TrackingKeyring(current: Self.other, storeIdentity: Self.store)
        let otherStore = try TrackingKeyring(current: Self.secret, storeIdentity: "https://other.example.com")
        #expect(Self.verify(text, otherSecret) == .forged)
        #expect(Self.verify(text, otherStore) == .forged)
        #expect(token.text(keyring: otherStore) != text)
        // The trailing slash of a base URL is not part of the identity.
        let slashed = try TrackingKeyring(
            current: Self.secret, storeIdentity: TrackingKeyring.storeIdentity(baseURL: Self.store + "/"))
        #expect(Self.verify(text, slashed) == .valid(token, keyID: 0))
    }

    @Test func rotation() throws {
        let token = TrackingToken(kind: .open, campaign: 1, segment: 1, recipient: 1, target: 0, day: 1)
        let old = token.text(keyring: Self.keyring)
        let rotated = try TrackingKeyring(
            current: Self.other, currentKeyID: 1, retired: [(keyID: 0, secret: Self.secret)],
            storeIdentity: Self.store)
        #expect(rotated.keyIDs == [1, 0])
        let new = token.text(keyring: rotated)
        #expect(Array(Base64URL.decode(new)!)[0] == 0x11)
        #expect(Self.verify(old, rotated) == .valid(token, keyID: 0))
        #expect(Self.verify(new, rotated) == .valid(token, keyID: 1))
        #expect(Self.verify(new) == .unknownKey)
        // Once key 0 is dropped, its tokens name a key nobody holds.
        let dropped = try TrackingKeyring(current: Self.other, currentKeyID: 1, storeIdentity: Self.store)
        #expect(Self.verify(old, dropped) == .unknownKey)
        // The same secret under another id is another key: a token cannot be moved between ids.
        var moved = Array(Base64URL.decode(old)!)
        moved[0] = 0x11
        let sameSecret = try TrackingKeyring(
            current: Self.secret, currentKeyID: 1, retired: [(keyID: 0, secret: Self.secret)],
            storeIdentity: Self.store)
        #expect(Self.verify(Base64URL.encode(moved), sameSecret) == .forged)
    }

    @Test func keyringErrors() {
        #expect(throws: TrackingKeyring.Failure(reason: .keyIDOutOfRange(16))) {
            try TrackingKeyring(current: Self.secret, currentKeyID: 16, storeIdentity: Self.store)
        }
        #expect(throws: TrackingKeyring.Failure(reason: .duplicateKeyID(3))) {
            try TrackingKeyring(
                current: Self.secret, currentKeyID: 3, retired: [(keyID: 3, secret: Self.other)],
                storeIdentity: Self.store)
        }
    }
}
