import Crypto
import Foundation
import Testing

@Suite struct SHA256Tests {
    /// The FIPS 180-4 examples (NIST "Examples with Intermediate Values", SHA-256), the 896-bit message of the
    /// SHA-2 additional examples, and the empty message.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        (
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
        ),
    ])
    func publishedExample(message: String, digest: String) {
        #expect(Hex.encode(SHA256.hash(message.utf8)) == digest)
    }

    @Test func oneMillionA() {
        let digest = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        #expect(Hex.encode(SHA256.hash([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))) == digest)
        // The same message streamed in uneven pieces, as a reader of a file would feed it.
        var hasher = SHA256()
        var fed = 0
        var piece = 1
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 4099)
        while fed < 1_000_000 {
            let count = min(piece, 1_000_000 - fed)
            hasher.update(chunk[0..<count])
            fed += count
            piece = piece * 7 % 4099 + 1
        }
        #expect(Hex.encode(hasher.finalize()) == digest)
    }

    /// CAVP SHAVS ShortMsg, every byte length from 0 to 64 (Fixtures/SHA256ShortMsg.rsp).
    @Test(arguments: VectorFile.records("SHA256ShortMsg.rsp"))
    func cavpShortMessage(_ record: VectorRecord) throws {
        let bits = try #require(Int(record.fields["Len"] ?? ""))
        let message = Array(record.hex("Msg").prefix(bits / 8))
        #expect(message.count == bits / 8)
        #expect(Hex.encode(SHA256.hash(message)) == record.fields["MD"])
    }

    @Test func theFixtureHasEveryShortLength() {
        #expect(VectorFile.records("SHA256ShortMsg.rsp").count == 65)
    }

    /// Every split point of a three-block message: streaming gives the one-shot digest, and finalizing leaves the
    /// hasher able to take more.
    @Test func streamingMatchesOneShot() {
        let message = (0..<200).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let expected = SHA256.hash(message)
        for split in 0...message.count {
            var hasher = SHA256()
            hasher.update(message[..<split])
            _ = hasher.finalize()
            hasher.update(message[split...])
            #expect(hasher.finalize() == expected, "split at \(split)")
        }
    }

    /// Padding edges: 55 bytes fit one padded block, 56 need two; 63, 64 and 65 straddle a block.
    @Test(arguments: [55, 56, 57, 63, 64, 65, 119, 120, 128])
    func paddingBoundary(length: Int) {
        let message = [UInt8](repeating: 0x61, count: length)
        var viaRaw = SHA256()
        message.withUnsafeBytes { viaRaw.update($0) }
        #expect(viaRaw.finalize() == SHA256.hash(message))
        #expect(SHA256.hash(message) != SHA256.hash(message.dropLast()))
    }

    /// A non-contiguous sequence takes the copying path and gives the same digest.
    @Test func nonContiguousSequence() {
        let lazy = (0..<300).lazy.map { UInt8(truncatingIfNeeded: $0) }
        #expect(SHA256.hash(lazy) == SHA256.hash(Array(lazy)))
    }
}
