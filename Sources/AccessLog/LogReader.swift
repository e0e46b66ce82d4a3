import Glibc
import Gzip

/// Streams the lines of one log file, plain or gzip (told by its magic bytes, RFC 1952 §2.3.1: 1f 8b), in bounded
/// memory: one buffer of `maximumLineLength` plus a 1 MiB read block, whatever the file or its longest line.
///
/// Lines end at LF, a CRLF's CR is dropped. A final line with no LF is left for the next call (it may still be being
/// written), unless `atEnd` is asked for or the file is gzip (a finished stream). `offset` is the checkpoint: the
/// bytes of the decompressed stream consumed, always at a line end; `forEachLine` may be called again on the same
/// reader to pick up what a growing file gained, or a new reader started at that offset.
public final class LogReader {
    /// Device, inode and the hash of the first bytes of the content, computed at opening.
    public let identity: FileIdentity
    /// The bytes of the (decompressed) stream consumed, always just after an LF.
    public private(set) var offset: Int64

    private let descriptor: Int32
    private let maximumLineLength: Int
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private let gzip: GzipSource?
    /// The stream offset of `buffer[0]`.
    private var base: Int64
    /// The pending bytes are `buffer[start..<end]`; `buffer[start..<scanned]` is known to hold no LF.
    private var start = 0
    private var end = 0
    private var scanned = 0
    /// Inside a line longer than the maximum: its bytes are dropped until its LF.
    private var skipping = false

    static let blockSize = 1 << 20

    public init(path: String, maximumLineLength: Int = 64 * 1024, startingAt offset: Int64 = 0)
        throws(LogReaderError)
    {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw LogReaderError(reason: .open(errno)) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let code = errno
            close(descriptor)
            throw LogReaderError(reason: .open(code))
        }
        var magic: (UInt8, UInt8) = (0, 0)
        let magicCount = withUnsafeMutableBytes(of: &magic) { pread(descriptor, $0.baseAddress, 2, 0) }
        let isGzip = magicCount == 2 && magic == (0x1f, 0x8b)
        self.descriptor = descriptor
        self.maximumLineLength = max(1, maximumLineLength)
        self.buffer = .allocate(capacity: self.maximumLineLength + Self.blockSize)
        self.base = 0
        self.offset = 0
        do {
            self.gzip = isGzip ? try GzipSource() : nil
            let prefix = try Self.prefix(of: descriptor, isGzip: isGzip, length: FileIdentity.prefixCapacity)
            self.identity = FileIdentity(
                device: UInt64(status.st_dev), inode: UInt64(status.st_ino), prefixLength: prefix.length,
                prefixHash: prefix.hash)
        } catch {
            close(descriptor)
            buffer.deallocate()
            throw error
        }
        if offset > 0 {
            if isGzip {
                try skipDecompressed(to: offset)
            } else {
                guard Int64(status.st_size) >= offset else {
                    throw LogReaderError(reason: .offsetBeyondEnd)
                }
                lseek(descriptor, off_t(offset), SEEK_SET)
                base = offset
            }
            self.offset = offset
        }
    }

    deinit {
        close(descriptor)
        buffer.deallocate()
    }

    /// Whether this file starts with the content `earlier` was taken from: the same hash over the same length, so a
    /// file that has grown since (or been renamed, or gzipped) still matches.
    public func continues(_ earlier: FileIdentity) -> Bool {
        guard let prefix = try? Self.prefix(of: descriptor, isGzip: gzip != nil, length: earlier.prefixLength)
        else { return false }
        return prefix.length == earlier.prefixLength && prefix.hash == earlier.prefixHash
    }

    /// Calls `body` for each complete line (without its LF, a CRLF's CR dropped) and `problem(.gigantic)` for each
    /// line longer than the maximum, skipped. With `atEnd`, a last line without LF is delivered too.
    public func forEachLine(
        atEnd: Bool = false, _ body: (UnsafeBufferPointer<UInt8>) -> Void, problem: (LineProblem) -> Void
    ) throws(LogReaderError) {
        let memory = buffer.baseAddress!
        let limit = maximumLineLength
        while true {
            while scanned < end, let hit = memchr(memory + scanned, 0x0A, end - scanned) {
                let lineFeed = memory.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if skipping {
                    skipping = false
                    problem(.gigantic)
                } else {
                    deliver(from: start, to: lineFeed, limit: limit, body, problem)
                }
                start = lineFeed + 1
                scanned = start
                offset = base + Int64(start)
            }
            scanned = end
            if end - start > limit {
                // No LF within the maximum: drop what is held and skip to the LF.
                skipping = true
                base += Int64(end)
                start = 0
                end = 0
                scanned = 0
            } else if start > 0 && buffer.count - end < Self.blockSize {
                let pending = end - start
                memmove(memory, memory + start, pending)
                base += Int64(start)
                start = 0
                end = pending
                scanned = pending
            }
            let count = try fill(UnsafeMutableRawBufferPointer(start: memory + end, count: buffer.count - end))
            if count == 0 { break }
            end += count
        }
        if let gzip, gzip.started, !gzip.decompressor.memberEnded {
            throw LogReaderError(reason: .truncatedGzip)
        }
        guard atEnd || gzip != nil else { return }
        if skipping {
            skipping = false
            problem(.gigantic)
        } else if end > start {
            deliver(from: start, to: end, limit: limit, body, problem)
        } else {
            return
        }
        start = end
        scanned = end
        offset = base + Int64(end)
    }

    @inline(__always)
    private func deliver(
        from lineStart: Int, to lineEnd: Int, limit: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Void,
        _ problem: (LineProblem) -> Void
    ) {
        let memory = buffer.baseAddress!
        var last = lineEnd
        if last > lineStart && memory[last - 1] == 0x0D { last -= 1 }
        if last - lineStart > limit {
            problem(.gigantic)
        } else {
            body(UnsafeBufferPointer(start: memory + lineStart, count: last - lineStart))
        }
    }

    /// Reads (and for gzip, decompresses) into `space`; 0 at the end of the file as it stands.
    private func fill(_ space: UnsafeMutableRawBufferPointer) throws(LogReaderError) -> Int {
        guard let gzip else { return try Self.read(descriptor, into: space) }
        return try gzip.fill(space, from: descriptor)
    }

    /// Decompresses and drops the stream's first `target` bytes, keeping what follows in the buffer.
    private func skipDecompressed(to target: Int64) throws(LogReaderError) {
        let memory = UnsafeMutableRawBufferPointer(buffer)
        var skipped: Int64 = 0
        while true {
            let count = try fill(memory)
            guard count > 0 else { throw LogReaderError(reason: .offsetBeyondEnd) }
            if skipped + Int64(count) >= target {
                base = skipped
                start = Int(target - skipped)
                end = count
                scanned = start
                return
            }
            skipped += Int64(count)
        }
    }

    private static func read(_ descriptor: Int32, into space: UnsafeMutableRawBufferPointer) throws(LogReaderError)
        -> Int
    {
        while true {
            let count = Glibc.read(descriptor, space.baseAddress, space.count)
            if count >= 0 { return count }
            if errno != EINTR { throw LogReaderError(reason: .read(errno)) }
        }
    }

    /// The length and FNV-1a hash of the first `length` bytes of the (decompressed) content, read with `pread` so the
    /// stream position is untouched.
    private static func prefix(of descriptor: Int32, isGzip: Bool, length: Int) throws(LogReaderError)
        -> (length: Int, hash: UInt64)
    {
        let head = UnsafeMutableRawBufferPointer.allocate(byteCount: max(length, 1), alignment: 1)
        defer { head.deallocate() }
        var filled = 0
        if !isGzip {
            while filled < length {
                let count = pread(descriptor, head.baseAddress! + filled, length - filled, off_t(filled))
                if count < 0 && errno == EINTR { continue }
                guard count >= 0 else { throw LogReaderError(reason: .read(errno)) }
                if count == 0 { break }
                filled += count
            }
        } else {
            let source: GzipSource
            do { source = try GzipSource(capacity: 64 * 1024) } catch { throw error }
            var position: off_t = 0
            while filled < length {
                let count = try source.fill(
                    UnsafeMutableRawBufferPointer(rebasing: head[filled..<length]), from: descriptor,
                    at: &position)
                if count == 0 { break }
                filled += count
            }
        }
        return (filled, FileIdentity.fnv1a(UnsafeRawBufferPointer(rebasing: head[..<filled])))
    }
}
