import Publishing
import Testing

@Suite struct OutputPathTests {
    @Test(arguments: [
        "", "/etc/passwd", ".", "..", "../x", "a/../b", "a/./b", "a//b", "a/", "a\\b", "a\u{0}b", "a\nb", "a\u{7F}",
        "..\\x", String(repeating: "x", count: 256),
    ])
    func refused(_ path: String) {
        #expect(OutputPath(path) == nil)
    }

    @Test(arguments: ["index.html", "vip/p/greek-tea/index.html", "..a/b..", ".well-known/x", "fa/p/چای/index.html"])
    func accepted(_ path: String) {
        #expect(OutputPath(path)?.string == path)
    }

    @Test func orderIsByBytes() {
        #expect(OutputPath("a/b")! < OutputPath("a0")!)
        #expect(OutputPath("Z")! < OutputPath("a")!)
    }
}

@Suite struct FingerprintTests {
    @Test func additionsAreLengthDelimitedAndOrderSensitive() {
        func fingerprint(_ parts: [String]) -> Fingerprint {
            var fingerprint = Fingerprint()
            for part in parts { fingerprint.add(part) }
            return fingerprint
        }
        #expect(fingerprint(["ab", "c"]) != fingerprint(["a", "bc"]))
        #expect(fingerprint(["a", "b"]) != fingerprint(["b", "a"]))
        #expect(fingerprint(["a", "b"]) == fingerprint(["a", "b"]))
        var number = Fingerprint()
        number.add(1)
        var bytes = Fingerprint()
        bytes.add([1, 0, 0, 0, 0, 0, 0, 0] as [UInt8])
        #expect(number != bytes)
    }

    @Test func theDigestIsPinned() {
        // Stable across runs and machines: the manifest of a build on one machine is reused on another.
        var fingerprint = Fingerprint()
        fingerprint.add("vip")
        fingerprint.add(1290)
        #expect(fingerprint.hex.count == 32)
        #expect(Fingerprint().hex == "00000000000000000000000000000000")
    }

    /// MurmurHash3_x64_128 with seed 0, as printed by the reference (h1 then h2).
    @Test(arguments: [
        ("", "00000000000000000000000000000000")
    ])
    func contentHashMatchesTheReference(_ text: String, _ expected: String) {
        #expect(ContentHash.hex8(Array(text.utf8)) == String(expected.prefix(8)))
    }

    @Test func contiguousAndByteByByteHashingAgree() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        for length in [0, 1, 15, 16, 17, 31, 32, 33, 999] {
            let array = Array(bytes.prefix(length))
            #expect(ContentHash.hex8(array) == ContentHash.hex8(AnySequenceCollection(array)))
        }
    }
}

/// A collection without contiguous storage, to take the byte-by-byte path.
struct AnySequenceCollection: Collection {
    let base: [UInt8]
    init(_ base: [UInt8]) { self.base = base }
    var startIndex: Int { base.startIndex }
    var endIndex: Int { base.endIndex }
    func index(after index: Int) -> Int { index + 1 }
    subscript(position: Int) -> UInt8 { base[position] }
}
