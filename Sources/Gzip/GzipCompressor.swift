import CZlib

/// A streaming gzip compressor (RFC 1952 over deflate, RFC 1951) owning one zlib stream: feed it chunks with
/// `compress(_:into:)`, end with `finish(into:)`.
///
/// The header is zlib's default for windowBits 31 with no `deflateSetHeader`: no name, no comment, modification time
/// 0, so the same input at the same level gives the same bytes on every run (the extra-flags byte says 2 at level 9
/// and the OS byte is zlib's build-time code, 3 on Unix).
public final class GzipCompressor {
    /// zlib keeps a pointer back to its `z_stream`, so the stream lives at a fixed address for the object's lifetime.
    private let stream: UnsafeMutablePointer<z_stream>
    private let scratch: UnsafeMutableBufferPointer<UInt8>
    private var finished = false

    /// Starts a gzip member at a zlib level (0 stores, 9 compresses most, -1 is zlib's default, 6).
    public init(level: Int = 9) throws(GzipError) {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        // windowBits 15 + 16 asks for the gzip wrapper; memLevel 8 is zlib's default.
        let status = czlib_deflate_init2(
            stream, Int32(clamping: level), Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY)
        guard status == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw GzipError(step: .startCompressing, reason: .init(zlibStatus: status))
        }
        self.stream = stream
        self.scratch = .allocate(capacity: 64 * 1024)
    }

    deinit {
        deflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
        scratch.deallocate()
    }

    /// An upper bound on the compressed size of `count` more bytes, header and trailer included.
    public func bound(forInputCount count: Int) -> Int {
        Int(deflateBound(stream, uLong(count)))
    }

    /// Compresses a chunk, appending what deflate emits so far to `output`.
    public func compress(_ input: UnsafeRawBufferPointer, into output: inout [UInt8]) throws(GzipError) {
        try run(input, flush: Z_NO_FLUSH, into: &output)
    }

    /// Compresses a chunk, appending what deflate emits so far to `output`.
    public func compress(_ input: [UInt8], into output: inout [UInt8]) throws(GzipError) {
        try input.withUnsafeBytes { bytes in Result { () throws(GzipError) in try compress(bytes, into: &output) } }
            .get()
    }

    /// Ends the member: flushes deflate and appends the trailer (CRC-32 and length). The compressor is then spent.
    public func finish(into output: inout [UInt8]) throws(GzipError) {
        try run(UnsafeRawBufferPointer(start: nil, count: 0), flush: Z_FINISH, into: &output)
        finished = true
    }

    /// Starts a new member at the same level, keeping zlib's buffers: the next member's bytes are what a new
    /// compressor would write.
    public func reset() throws(GzipError) {
        let status = deflateReset(stream)
        guard status == Z_OK else { throw GzipError(step: .startCompressing, reason: .init(zlibStatus: status)) }
        finished = false
    }

    private func run(_ input: UnsafeRawBufferPointer, flush: Int32, into output: inout [UInt8]) throws(GzipError) {
        guard !finished else { throw GzipError(step: .compress, reason: .finished) }
        var rest = input
        repeat {
            // avail_in is 32 bits: a larger buffer goes in slices.
            let slice = min(rest.count, Int(UInt32.max))
            let last = slice == rest.count
            stream.pointee.next_in = UnsafeMutablePointer(
                mutating: rest.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.pointee.avail_in = uInt(slice)
            let mode = last ? flush : Z_NO_FLUSH
            while true {
                stream.pointee.next_out = scratch.baseAddress
                stream.pointee.avail_out = uInt(scratch.count)
                let status = deflate(stream, mode)
                // Z_BUF_ERROR only says no progress was possible (no input and room to spare): not a failure.
                guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                    throw GzipError(step: .compress, reason: .init(zlibStatus: status))
                }
                let produced = scratch.count - Int(stream.pointee.avail_out)
                output.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[..<produced]))
                if mode == Z_FINISH ? status == Z_STREAM_END : stream.pointee.avail_out != 0 { break }
            }
            rest = UnsafeRawBufferPointer(rebasing: rest[slice...])
        } while !rest.isEmpty
    }
}
