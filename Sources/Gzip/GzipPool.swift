import Foundation

/// One-shot compression for many threads, reusing compressors: a zlib stream at level 9 holds about 256 KiB of
/// buffers, and a new one per file makes the allocator map (and the kernel zero) that memory again for every file —
/// on a site of 200,000 pages, more system time than writing the files. Compressors are lent out one at a time, so
/// as many exist as threads compress at once.
public final class GzipPool: @unchecked Sendable {
    public let level: Int
    private let lock = NSLock()
    private var idle: [GzipCompressor] = []

    public init(level: Int = 9) {
        self.level = level
    }

    /// The gzip file of `input`: the same bytes as `Gzip.compress(input, level: level)`.
    public func compress(_ input: UnsafeRawBufferPointer) throws(GzipError) -> [UInt8] {
        lock.lock()
        let lent = idle.popLast()
        lock.unlock()
        let compressor: GzipCompressor
        if let lent {
            try lent.reset()
            compressor = lent
        } else {
            compressor = try GzipCompressor(level: level)
        }
        var output: [UInt8] = []
        output.reserveCapacity(compressor.bound(forInputCount: input.count))
        // A compressor that failed is dropped, not lent again.
        try compressor.compress(input, into: &output)
        try compressor.finish(into: &output)
        lock.lock()
        idle.append(compressor)
        lock.unlock()
        return output
    }
}
