import SeededRandom
import TestSupport
import Testing
import Tokens
import Tracking

/// Python's hmac, hashlib and base64 modules as the peer: they sign tokens from the documented layout that Swift
/// must accept field for field, and check the tokens and pseudonyms Swift makes.
@Suite struct PythonPeerTests {
    static let script = #"""
        import base64, hashlib, hmac, struct, sys
        secret, store, key_id = sys.argv[1].encode(), sys.argv[2].encode(), sys.argv[3].encode()
        field = lambda x: struct.pack(">I", len(x)) + x
        key = hmac.new(secret, b"vitrine/v1" + field(store) + field(b"tracking") + field(key_id), hashlib.sha256).digest()
        mac = lambda m: hmac.new(key, m, hashlib.sha256).digest()
        for line in sys.argv[4:]:
            words = line.split()
            if words[0] == "sign":
                kind, campaign, segment, recipient, target, day = map(int, words[1:])
                payload = bytes([0x10 | int(key_id), kind]) + struct.pack(">HH", campaign, segment)
                payload += recipient.to_bytes(5, "big") + struct.pack(">IH", target, day)
                print(base64.urlsafe_b64encode(payload + mac(payload)[:8]).decode().rstrip("="))
            elif words[0] == "check":
                raw = base64.urlsafe_b64decode(words[1] + "==")
                print("ok" if len(raw) == 25 and hmac.compare_digest(raw[17:], mac(raw[:17])[:8]) else "bad")
            else:
                print(int.from_bytes(mac(b"recipient\0" + words[1].encode())[:5], "big"))
        """#

    static func python(_ input: [String], keyID: Int) throws -> [String] {
        let secret = "correct horse battery staple, 32+ characters long"
        let result = try ChildProcess.run(
            "python3", ["-c", script, secret, TrackingTokenTests.store, String(keyID)] + input)
        #expect(result.status == 0, "python3 failed: \(result.errorText)")
        return result.outputText.split(separator: "\n").map(String.init)
    }

    @Test(arguments: [0, 9])
    func bothWays(keyID: Int) throws {
        let keyring = try TrackingKeyring(
            current: TrackingTokenTests.secret, currentKeyID: keyID, storeIdentity: TrackingTokenTests.store)
        var random = SplitMix64(seed: UInt64(40 + keyID))
        let tokens = (0..<300).map { _ in TrackingTokenTests.token(&random) }
        let customers = (0..<300).map { "customer-\($0 * 31)" }
        var input = tokens.map {
            "sign \($0.kind.rawValue) \($0.campaign) \($0.segment) \($0.recipient) \($0.target) \($0.day)"
        }
        input += tokens.map { "check " + $0.text(keyring: keyring) }
        input += customers.map { "recipient " + $0 }
        let output = try Self.python(input, keyID: keyID)
        try #require(output.count == 900)
        for (index, token) in tokens.enumerated() {
            #expect(TrackingTokenTests.verify(output[index], keyring) == .valid(token, keyID: UInt8(keyID)))
            #expect(output[index] == token.text(keyring: keyring))
            #expect(output[300 + index] == "ok")
        }
        for (index, customer) in customers.enumerated() {
            #expect(output[600 + index] == String(keyring.recipient(customer)))
        }
    }
}
