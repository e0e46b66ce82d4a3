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
        // A prefix comes first; a path is not before itself.
        #expect(OutputPath("vip/p")! < OutputPath("vip/p/a")!)
        #expect(!(OutputPath("vip/p/a")! < OutputPath("vip/p")!))
        #expect(!(OutputPath("vip/p")! < OutputPath("vip/p")!))
        // UTF-8 bytes, not Unicode order: "é" (C3 A9) before "ﬀ" (EF AC 80) before "𝒜" (F0 9D 92 9C); and an
        // "e" with a combining acute (65 CC 81) before the composed "é" (C3 A9), which String's `<` calls equal.
        #expect(OutputPath("x/é")! < OutputPath("x/ﬀ")!)
        #expect(OutputPath("x/ﬀ")! < OutputPath("x/𝒜")!)
        #expect(OutputPath("x/e\u{301}")! < OutputPath("x/\u{E9}")!)
        #expect(!(OutputPath("x/\u{E9}")! < OutputPath("x/e\u{301}")!))
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
        // Stable across runs and machines: a manifest written on one machine is reused on another.
        var fingerprint = Fingerprint()
        fingerprint.add("vip")
        fingerprint.add(1290)
        #expect(fingerprint.hex == "e8cb60da8013af282ae2178a8ab8c42a")
        #expect(Fingerprint().hex == "00000000000000000000000000000000")
    }

    /// MurmurHash3_x64_128 with seed 0: h1 of the reference's output, whose first 8 digits name assets.
    @Test(arguments: [
        ("", "00000000"),
        ("The quick brown fox jumps over the lazy dog", "e34bbc7b"),  // h1 e34bbc7bbc071b6c, h2 7a433ca9c49a9347
        ("hello", "cbd8a7b3"),  // h1 cbd8a7b341bd9b02, h2 5b1e906a48ae1d19
    ])
    func contentHashMatchesTheReference(_ text: String, _ expected: String) {
        #expect(ContentHash.hex8(Array(text.utf8)) == expected)
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
