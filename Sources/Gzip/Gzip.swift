/// One-shot gzip (RFC 1952) compression and decompression; `GzipCompressor` and `GzipDecompressor` stream.
public enum Gzip {
    /// The gzip file of `input` at a zlib level (9 by default); the same input and level give the same bytes.
    public static func compress(_ input: UnsafeRawBufferPointer, level: Int = 9) throws(GzipError) -> [UInt8] {
        let compressor = try GzipCompressor(level: level)
        var output: [UInt8] = []
        output.reserveCapacity(compressor.bound(forInputCount: input.count))
        try compressor.compress(input, into: &output)
        try compressor.finish(into: &output)
        return output
    }

    /// The gzip file of `input` at a zlib level (9 by default); the same input and level give the same bytes.
    public static func compress(_ input: [UInt8], level: Int = 9) throws(GzipError) -> [UInt8] {
        // withUnsafeBytes rethrows untyped errors: the typed one crosses it inside a Result.
        try input.withUnsafeBytes { bytes in Result { () throws(GzipError) in try compress(bytes, level: level) } }
            .get()
    }

    /// The gzip file of `input` when it is smaller than `input`, nil when compressing saves nothing (a `.gz` sibling
    /// that is not smaller is only a cost to serve and to store).
    public static func compressedIfSmaller(_ input: [UInt8], level: Int = 9) throws(GzipError) -> [UInt8]? {
        let compressed = try compress(input, level: level)
        return compressed.count < input.count ? compressed : nil
    }

    /// The bytes of a gzip file of one member; throws for corrupt, truncated or trailing data.
    public static func decompress(_ input: [UInt8]) throws(GzipError) -> [UInt8] {
        let decompressor = try GzipDecompressor()
        var output: [UInt8] = []
        output.reserveCapacity(input.count * 4)
        try decompressor.decompress(input, into: &output)
        try decompressor.finish()
        return output
    }
}
