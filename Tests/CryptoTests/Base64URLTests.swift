import Crypto
import Testing

@Suite struct Base64URLTests {
    /// RFC 4648 §10 without the padding, which §5's URL form omits here; these texts use no `+` or `/`.
    @Test(arguments: [
        ("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE"),
        ("foobar", "Zm9vYmFy"),
    ])
    func rfc4648(text: String, encoded: String) {
        #expect(Base64URL.encode(text.utf8) == encoded)
        #expect(Base64URL.decode(encoded) == Array(text.utf8))
    }

    /// The two characters that differ from base64 (§5, Table 2): 62 is `-` (not `+`), 63 is `_` (not `/`).
    @Test(arguments: [
        ([0xFB, 0xFF] as [UInt8], "-_8"), ([0xFF, 0xFF, 0xFF], "____"), ([0xFB, 0xEF, 0xBE], "----"),
        ([0x00, 0x10, 0x83, 0x10, 0x51, 0x87, 0x20, 0x92, 0x8B], "ABCDEFGHIJKL"),
    ])
    func urlSafeAlphabet(bytes: [UInt8], encoded: String) {
        #expect(Base64URL.encode(bytes) == encoded)
        #expect(Base64URL.decode(encoded) == bytes)
    }

    /// Only the canonical spelling decodes: no padding, no standard-alphabet characters, no whitespace, no
    /// impossible length, no stray bits after the last byte.
    @Test(arguments: ["Zg==", "Zm8=", "+_8", "-/8", "Zm9v\n", " Zm9v", "Z", "Zm9vY", "Zh", "Zm9", "Zm9vYmF=", "é"])
    func rejectsNonCanonical(text: String) {
        #expect(Base64URL.decode(text) == nil)
    }

    /// Every length from 0 to 100 round-trips, and the text length is ⌈4n/3⌉.
    @Test func roundTripEveryLength() {
        var bytes: [UInt8] = []
        for length in 0...100 {
            let encoded = Base64URL.encode(bytes)
            #expect(encoded.utf8.count == (length * 4 + 2) / 3)
            #expect(Base64URL.decode(encoded) == bytes, "length \(length)")
            bytes.append(UInt8(truncatingIfNeeded: length &* 151 &+ 13))
        }
    }
}

@Suite struct ConstantTimeTests {
    @Test func equality() {
        #expect(ConstantTime.equals([UInt8](), [UInt8]()))
        #expect(ConstantTime.equals([1, 2, 3] as [UInt8], [1, 2, 3] as [UInt8]))
        #expect(ConstantTime.equals(Array("token".utf8), "token".utf8))
        #expect(!ConstantTime.equals([1, 2, 3] as [UInt8], [1, 2] as [UInt8]))
        for position in 0..<32 {
            var other = [UInt8](repeating: 7, count: 32)
            other[position] ^= 0x80
            #expect(!ConstantTime.equals([UInt8](repeating: 7, count: 32), other), "differs at \(position)")
        }
    }
}
