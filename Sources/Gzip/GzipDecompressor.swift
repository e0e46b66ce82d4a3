import CZlib

/// A streaming gzip decompressor owning one zlib stream: feed it chunks with `decompress(_:into:)`, then `finish()`
/// checks that the member ended. One member, bytes after it an error, unless `concatenatedMembers` (RFC 1952 §2.2:
/// a file is a series of members, as `cat a.gz b.gz` makes): then each member's end starts the next.
public final class GzipDecompressor {
    private let stream: UnsafeMutablePointer<z_stream>
    private let scratch: UnsafeMutableBufferPointer<UInt8>
    private let concatenatedMembers: Bool
    private var ended = false

    public init(concatenatedMembers: Bool = false) throws(GzipError) {
        self.concatenatedMembers = concatenatedMembers
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        // windowBits 15 + 16: a gzip wrapper only, a zlib or raw stream is corrupt data.
        let status = czlib_inflate_init2(stream, 15 + 16)
        guard status == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw GzipError(step: .startDecompressing, reason: .init(zlibStatus: status))
        }
        self.stream = stream
        self.scratch = .allocate(capacity: 64 * 1024)
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
        scratch.deallocate()
    }

    /// Decompresses a chunk, appending the bytes it gives to `output`.
    public func decompress(_ input: UnsafeRawBufferPointer, into output: inout [UInt8]) throws(GzipError) {
        var rest = input
        while !rest.isEmpty {
            if ended {
                guard concatenatedMembers else { throw GzipError(step: .decompress, reason: .trailingData) }
                let status = inflateReset(stream)
                guard status == Z_OK else { throw GzipError(step: .decompress, reason: .init(zlibStatus: status)) }
                ended = false
            }
            let slice = min(rest.count, Int(UInt32.max))
            stream.pointee.next_in = UnsafeMutablePointer(
                mutating: rest.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.pointee.avail_in = uInt(slice)
            while true {
                stream.pointee.next_out = scratch.baseAddress
                stream.pointee.avail_out = uInt(scratch.count)
                let status = inflate(stream, Z_NO_FLUSH)
                guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                    throw GzipError(step: .decompress, reason: .init(zlibStatus: status))
                }
                let produced = scratch.count - Int(stream.pointee.avail_out)
                output.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[..<produced]))
                if status == Z_STREAM_END {
                    ended = true
                    break
                }
                if stream.pointee.avail_out != 0 { break }
            }
            let consumed = slice - Int(stream.pointee.avail_in)
            rest = UnsafeRawBufferPointer(rebasing: rest[consumed...])
            if !ended && consumed < slice {
                // inflate stopped with input and output room left: it cannot go on.
                throw GzipError(step: .decompress, reason: .corruptData)
            }
        }
    }

    /// Decompresses a chunk, appending the bytes it gives to `output`.
    public func decompress(_ input: [UInt8], into output: inout [UInt8]) throws(GzipError) {
        try input.withUnsafeBytes { bytes in Result { () throws(GzipError) in try decompress(bytes, into: &output) } }
            .get()
    }

    /// Decompresses from `input` into `output` until either is used up: the bounded-memory form, for callers that
    /// keep their own buffer. Returns how many bytes were read and written.
    public func decompress(
        _ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer
    ) throws(GzipError) -> (consumed: Int, produced: Int) {
        var consumed = 0
        var produced = 0
        // Runs until the output is full or inflate stalls: with all input given, zlib may still hold output (a long
        // match in progress), so a call with empty input drains it.
        while produced < output.count {
            if ended {
                guard consumed < input.count else { break }
                guard concatenatedMembers else { throw GzipError(step: .decompress, reason: .trailingData) }
                let status = inflateReset(stream)
                guard status == Z_OK else { throw GzipError(step: .decompress, reason: .init(zlibStatus: status)) }
                ended = false
            }
            let inSlice = min(input.count - consumed, Int(UInt32.max))
            let outSlice = min(output.count - produced, Int(UInt32.max))
            stream.pointee.next_in = UnsafeMutablePointer(
                mutating: input.baseAddress.map { ($0 + consumed).assumingMemoryBound(to: Bytef.self) })
            stream.pointee.avail_in = uInt(inSlice)
            stream.pointee.next_out = (output.baseAddress! + produced).assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = uInt(outSlice)
            let status = inflate(stream, Z_NO_FLUSH)
            guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                throw GzipError(step: .decompress, reason: .init(zlibStatus: status))
            }
            let read = inSlice - Int(stream.pointee.avail_in)
            let written = outSlice - Int(stream.pointee.avail_out)
            consumed += read
            produced += written
            if status == Z_STREAM_END {
                ended = true
            } else if read == 0 && written == 0 {
                // No progress: it needs more input, or with input and room left it cannot go on.
                guard consumed == input.count else { throw GzipError(step: .decompress, reason: .corruptData) }
                break
            }
        }
        return (consumed, produced)
    }

    /// Whether the last member read so far ended (its trailer read and checked).
    public var memberEnded: Bool { ended }

    /// Checks that the member ended (its trailer read and its CRC-32 and length verified).
    public func finish() throws(GzipError) {
        guard ended else { throw GzipError(step: .decompress, reason: .truncated) }
    }
}
