import Glibc
import Gzip

/// The compressed side of a gzip log: a read block and a decompressor that reads concatenated members through.
final class GzipSource {
    let decompressor: GzipDecompressor
    private let input: UnsafeMutableRawBufferPointer
    private var inputStart = 0
    private var inputEnd = 0
    /// Whether any compressed byte has been read (an empty file is no truncated stream).
    private(set) var started = false

    init(capacity: Int = LogReader.blockSize) throws(LogReaderError) {
        do {
            decompressor = try GzipDecompressor(concatenatedMembers: true)
        } catch {
            throw LogReaderError(reason: .gzip(error.reason))
        }
        input = .allocate(byteCount: capacity, alignment: 16)
    }

    deinit {
        input.deallocate()
    }

    /// Decompresses into `space`, reading the file at its current position (or at `position` with `pread`).
    func fill(
        _ space: UnsafeMutableRawBufferPointer, from descriptor: Int32, at position: UnsafeMutablePointer<off_t>? = nil
    )
        throws(LogReaderError) -> Int
    {
        while true {
            // First what zlib holds or the block still has, then the next block of the file.
            let result: (consumed: Int, produced: Int)
            do {
                result = try decompressor.decompress(
                    UnsafeRawBufferPointer(rebasing: input[inputStart..<inputEnd]), into: space)
            } catch {
                throw LogReaderError(reason: .gzip(error.reason))
            }
            inputStart += result.consumed
            if result.produced > 0 { return result.produced }
            if inputStart == inputEnd {
                var count: Int
                repeat {
                    if let position {
                        count = pread(descriptor, input.baseAddress, input.count, position.pointee)
                        if count > 0 { position.pointee += off_t(count) }
                    } else {
                        count = read(descriptor, input.baseAddress, input.count)
                    }
                } while count < 0 && errno == EINTR
                guard count >= 0 else { throw LogReaderError(reason: .read(errno)) }
                if count == 0 { return 0 }
                started = true
                inputStart = 0
                inputEnd = count
            }
        }
    }
}
