import Crypto
import Testing

@Suite struct HMACTests {
    /// RFC 4231 §4, cases 1–7 (Fixtures/RFC4231.txt); case 5 compares the leading 128 bits only.
    @Test(arguments: VectorFile.records("RFC4231.txt"))
    func rfc4231(_ record: VectorRecord) throws {
        let truncate = try #require(Int(record.fields["Truncate"] ?? ""))
        let code = HMAC.authenticationCode(for: record.hex("Data"), key: record.hex("Key"))
        #expect(code.count == 32)
        #expect(Array(code.prefix(truncate)) == record.hex("HMAC-SHA-256"))
    }

    /// The leading 64 bits without allocating: the RFC 4231 codes' first 8 bytes (case 5 included: it keeps 16).
    @Test(arguments: VectorFile.records("RFC4231.txt"))
    func leadingUInt64(_ record: VectorRecord) {
        var mac = HMAC(key: record.hex("Key"))
        mac.update(record.hex("Data"))
        let expected = record.hex("HMAC-SHA-256").prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        #expect(mac.leadingUInt64() == expected)
        #expect(mac.leadingUInt64() == expected)
    }

    @Test func theFixtureHasSevenCases() {
        let records = VectorFile.records("RFC4231.txt")
        #expect(records.map { $0.fields["Case"] } == ["1", "2", "3", "4", "5", "6", "7"])
        #expect(records.filter { $0.fields["Truncate"] != "32" }.map { $0.fields["Case"] } == ["5"])
    }

    /// One keyed value copied for many messages gives what keying afresh gives; the copy does not disturb it.
    @Test func keyedValueIsReusable() {
        let key = Array("Jefe".utf8)
        let keyed = HMAC(key: key)
        for message in ["", "what do ya want for nothing?", String(repeating: "x", count: 200)] {
            var mac = keyed
            mac.update(message.utf8)
            #expect(mac.finalize() == HMAC.authenticationCode(for: message.utf8, key: key))
        }
        var streamed = keyed
        streamed.update("what do ya ".utf8)
        streamed.update("want for nothing?".utf8)
        #expect(
            Hex.encode(streamed.finalize()) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    /// A key of exactly B bytes is used as it is; one byte more is hashed first (RFC 2104 §2).
    @Test func keyLengthAtTheBlockSize() {
        let block = [UInt8](repeating: 0x42, count: 64)
        let longer = block + [0x42]
        #expect(
            HMAC.authenticationCode(for: [1, 2, 3], key: longer)
                == HMAC.authenticationCode(
                    for: [1, 2, 3], key: SHA256.hash(longer)))
        #expect(
            HMAC.authenticationCode(for: [1, 2, 3], key: block)
                != HMAC.authenticationCode(
                    for: [1, 2, 3], key: SHA256.hash(block)))
    }
}
