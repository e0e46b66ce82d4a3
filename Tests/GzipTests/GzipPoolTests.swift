import Dispatch
import Foundation
import Testing

@testable import Gzip

@Suite("gzip: compressors reused across files and threads")
struct GzipPoolTests {
    /// Pages of every size class a site has (empty, tiny, a page, beyond deflate's 32 KiB window), markup and noise.
    static let inputs: [[UInt8]] =
        [[], Array("a".utf8)]
        + (0..<40).map { GzipTests.htmlLike([100, 9_000, 70_000][$0 % 3] + $0, seed: UInt64($0)) }
        + (0..<6).map { GzipTests.randomBytes(1 << (8 + $0), seed: UInt64(100 + $0)) }

    @Test("a reset compressor writes what a new one writes, member after member")
    func resetIsFresh() throws {
        let compressor = try GzipCompressor(level: 9)
        var first = true
        for input in Self.inputs {
            if !first { try compressor.reset() }
            first = false
            var output: [UInt8] = []
            try compressor.compress(input, into: &output)
            try compressor.finish(into: &output)
            #expect(output == (try Gzip.compress(input, level: 9)))
            #expect(try Gzip.decompress(output) == input)
        }
        // A spent compressor refuses more input until it is reset.
        var more: [UInt8] = []
        #expect(throws: GzipError.self) { try compressor.compress([1, 2, 3], into: &more) }
    }

    @Test("the pool gives every thread the one-shot bytes", arguments: [1, 6, 9])
    func pooledOnThreads(level: Int) throws {
        let pool = GzipPool(level: level)
        let expected = try Self.inputs.map { try Gzip.compress($0, level: level) }
        let results = Results(count: Self.inputs.count * 4)
        DispatchQueue.concurrentPerform(iterations: 4) { thread in
            for (index, input) in Self.inputs.enumerated() {
                let output = input.withUnsafeBytes { try? pool.compress($0) }
                results.set(index * 4 + thread, output)
            }
        }
        for index in 0..<Self.inputs.count * 4 { #expect(results.values[index] == expected[index / 4]) }
    }

    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var values: [[UInt8]?]
        init(count: Int) { values = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ value: [UInt8]?) {
            lock.lock()
            values[index] = value
            lock.unlock()
        }
    }
}
