import Foundation
import SeededRandom
import TestSupport
import Testing

@testable import Gzip

@Suite("gzip files")
struct GzipTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func randomBytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
    }

    /// Markup with the repetition of a real page: the same elements, varying names and prices.
    static func htmlLike(_ count: Int, seed: UInt64) -> [UInt8] {
        var random = SplitMix64(seed: seed)
        let words = ["linen", "shirt", "oak", "table", "wool", "scarf", "ceramic", "mug", "λινό", "پیراهن", "lamp"]
        var page = Array(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Shop</title></head><body><main>".utf8
        )
        page.reserveCapacity(count + 512)
        var item = 0
        while page.count < count {
            item += 1
            let name = "\(words[random.below(words.count)]) \(words[random.below(words.count)])"
            let price = "\(random.int(in: 1...999)).\(random.int(in: 10...99))"
            page += Array(
                """
                <article class="product" id="p\(item)"><a href="/en/p/\(item)/"><img src="/assets/p\(item).\
                \(random.next() % 100_000).webp" alt="\(name)" width="320" height="320" loading="lazy"></a>\
                <h2>\(name)</h2><p class="price"><data value="\(price)">€\(price)</data></p></article>

                """.utf8)
        }
        return Array(page.prefix(count))
    }

    static func realFiles() throws -> [(String, [UInt8])] {
        try ["Catalog/products.csv", "Catalog/customers.csv", "Themes/default/README.md", "Package.swift"].map {
            ($0, Array(try Data(contentsOf: packageRoot.appendingPathComponent($0))))
        }
    }

    @Test("round trips: empty, random bytes, markup and the repository's own files, one-shot and in chunks")
    func roundTrips() throws {
        var inputs: [(String, [UInt8])] = [("empty", []), ("one byte", [0x41])]
        for size in [100, 65_535, 65_536, 65_537, 300_000] {
            inputs.append(("random \(size)", Self.randomBytes(size, seed: UInt64(size))))
            inputs.append(("markup \(size)", Self.htmlLike(size, seed: UInt64(size))))
        }
        inputs += try Self.realFiles()
        for (name, input) in inputs {
            let compressed = try Gzip.compress(input)
            #expect(try Gzip.decompress(compressed) == input, "\(name)")

            // Streamed in uneven chunks, both ways: the same bytes as one-shot.
            let compressor = try GzipCompressor(level: 9)
            var streamed: [UInt8] = []
            var offset = 0
            var chunk = 1
            while offset < input.count {
                let end = min(offset + chunk, input.count)
                try compressor.compress(Array(input[offset..<end]), into: &streamed)
                offset = end
                chunk = chunk * 3 + 7
            }
            try compressor.finish(into: &streamed)
            #expect(streamed == compressed, "\(name)")

            let decompressor = try GzipDecompressor()
            var restored: [UInt8] = []
            for start in stride(from: 0, to: compressed.count, by: 1000) {
                try decompressor.decompress(
                    Array(compressed[start..<min(start + 1000, compressed.count)]), into: &restored)
            }
            try decompressor.finish()
            #expect(restored == input, "\(name)")
        }
    }

    @Test("the header: gzip magic, deflate, no flags (no name, no comment), mtime 0, and the same bytes every time")
    func deterministicHeader() throws {
        let input = Self.htmlLike(100_000, seed: 7)
        let first = try Gzip.compress(input)
        #expect(Array(first.prefix(10)) == [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 2, 3])  // XFL 2: level 9; OS 3: Unix
        #expect(try Gzip.compress(input) == first)
        #expect(try Gzip.compress(input).count < input.count / 3)
        // The trailer: CRC-32 and length modulo 2^32, little-endian (RFC 1952 §2.3.1).
        let size = first.suffix(4).reversed().reduce(0) { $0 << 8 | Int($1) }
        #expect(size == input.count)
        #expect(Array(try Gzip.compress(input, level: 1).prefix(10)) == [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 4, 3])
    }

    @Test("compressedIfSmaller: nil when compression saves nothing")
    func onlyWhenSmaller() throws {
        #expect(try Gzip.compressedIfSmaller([]) == nil)
        #expect(try Gzip.compressedIfSmaller(Array("ok".utf8)) == nil)
        #expect(try Gzip.compressedIfSmaller(Self.randomBytes(10_000, seed: 3)) == nil)
        let markup = Self.htmlLike(10_000, seed: 3)
        let compressed = try #require(try Gzip.compressedIfSmaller(markup))
        #expect(compressed.count < markup.count)
        #expect(try Gzip.decompress(compressed) == markup)
    }

    @Test("zlib's refusals are typed errors")
    func errors() throws {
        #expect(throws: GzipError(step: .startCompressing, reason: .invalidParameter)) {
            try Gzip.compress([1, 2, 3], level: 10)
        }
        let compressed = try Gzip.compress(Self.htmlLike(5000, seed: 1))
        #expect(throws: GzipError(step: .decompress, reason: .corruptData)) {
            try Gzip.decompress(Array("not a gzip file at all".utf8))
        }
        var badCheck = compressed
        badCheck[badCheck.count - 6] ^= 0xFF  // a CRC-32 byte
        #expect(throws: GzipError(step: .decompress, reason: .corruptData)) { try Gzip.decompress(badCheck) }
        #expect(throws: GzipError(step: .decompress, reason: .truncated)) {
            try Gzip.decompress(Array(compressed.dropLast(3)))
        }
        #expect(throws: GzipError(step: .decompress, reason: .truncated)) { try Gzip.decompress([]) }
        #expect(throws: GzipError(step: .decompress, reason: .trailingData)) { try Gzip.decompress(compressed + [0]) }
        let compressor = try GzipCompressor()
        var output: [UInt8] = []
        try compressor.finish(into: &output)
        #expect(throws: GzipError(step: .compress, reason: .finished)) { try compressor.finish(into: &output) }
        #expect(try Gzip.decompress(output) == [])
    }

    @Test("concatenated members (RFC 1952 §2.2, `cat a.gz b.gz`), read through a small output buffer and in chunks")
    func concatenatedMembers() throws {
        let first = Self.htmlLike(70_000, seed: 11)
        let second = Self.randomBytes(5000, seed: 12)
        let third = Self.htmlLike(1, seed: 13)
        let file = try Gzip.compress(first) + Gzip.compress(second) + Gzip.compress([]) + Gzip.compress(third)
        // One member by default: the rest is trailing data.
        #expect(throws: GzipError(step: .decompress, reason: .trailingData)) { try Gzip.decompress(file) }
        for chunk in [1, 7, 4096, file.count] {
            let decompressor = try GzipDecompressor(concatenatedMembers: true)
            var output: [UInt8] = []
            let window = UnsafeMutableRawBufferPointer.allocate(byteCount: 1000, alignment: 1)
            defer { window.deallocate() }
            try file.withUnsafeBytes { bytes in
                var start = 0
                while start < bytes.count {
                    let end = min(start + chunk, bytes.count)
                    var offset = start
                    while offset < end {
                        let step = try decompressor.decompress(
                            UnsafeRawBufferPointer(rebasing: bytes[offset..<end]), into: window)
                        output += UnsafeRawBufferPointer(rebasing: window[..<step.produced])
                        offset += step.consumed
                        #expect(step.produced <= window.count)
                    }
                    start = end
                }
                // Output zlib still holds once the input is all given.
                while true {
                    let step = try decompressor.decompress(UnsafeRawBufferPointer(start: nil, count: 0), into: window)
                    if step.produced == 0 { break }
                    output += UnsafeRawBufferPointer(rebasing: window[..<step.produced])
                }
            }
            try decompressor.finish()
            #expect(decompressor.memberEnded)
            #expect(output == first + second + third, "chunks of \(chunk)")
            let appending = try GzipDecompressor(concatenatedMembers: true)
            var appended: [UInt8] = []
            try appending.decompress(file, into: &appended)
            #expect(appended == first + second + third)
        }
    }

    @Test("GNU gzip accepts the files (gzip -t) and gives back the input (gzip -dc); we read gzip -9n's files")
    func gnuGzip() throws {
        guard
            FileManager.default.isExecutableFile(atPath: "/usr/bin/gzip")
                || FileManager.default.isExecutableFile(atPath: "/bin/gzip")
        else {
            Issue.record("gzip is missing: install the Debian package gzip")
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vitrine-gzip-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var inputs = try Self.realFiles()
        inputs += [
            ("empty", []), ("markup", Self.htmlLike(500_000, seed: 11)), ("random", Self.randomBytes(70_000, seed: 5)),
        ]
        for (index, (name, input)) in inputs.enumerated() {
            let path = folder.appendingPathComponent("\(index).gz").path
            try Data(try Gzip.compress(input)).write(to: URL(fileURLWithPath: path))
            let test = try Self.gzip(["-t", path])
            #expect(test.status == 0, "gzip -t \(name): \(String(decoding: test.error, as: UTF8.self))")
            let decompressed = try Self.gzip(["-dc", path])
            #expect(decompressed.status == 0 && decompressed.output == input, "gzip -dc \(name)")

            let original = folder.appendingPathComponent("\(index).raw").path
            try Data(input).write(to: URL(fileURLWithPath: original))
            let theirs = try Self.gzip(["-9", "-n", "-c", original])
            #expect(try Gzip.decompress(theirs.output) == input, "gzip -9n \(name)")
        }
    }

    static func gzip(_ arguments: [String]) throws -> ChildProcess.Result { try ChildProcess.run("gzip", arguments) }
}
