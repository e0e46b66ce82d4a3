/// HTML escaping for `{{name}}`: `& < > " '` become entities (`'` as `&#39;`, which every browser and the
/// benchmark peers agree on). Works on bytes; a run of safe bytes is copied in one go.
enum HTMLEscape {
    static let amp = Array("&amp;".utf8)
    static let lt = Array("&lt;".utf8)
    static let gt = Array("&gt;".utf8)
    static let quot = Array("&quot;".utf8)
    static let apos = Array("&#39;".utf8)

    static func append(_ text: String, to out: inout [UInt8]) {
        // Native strings expose their bytes in place; only bridged ones need a contiguous copy first.
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { append($0, to: &out) }
        if done == nil {
            var copy = text
            copy.withUTF8 { append($0, to: &out) }
        }
    }

    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        guard let base = bytes.baseAddress else { return }
        var runStart = 0
        var index = 0
        let count = bytes.count
        while index < count {
            // Eight bytes at a time while none of them is to be escaped (most of every value): they stay in the run.
            var end = count
            if count - index >= 8 {
                if !needsEscape(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                    index += 8
                    continue
                }
                end = index + 8
            }
            while index < end {
                let byte = base[index]
                index += 1
                // Every byte to escape is <= '>' (0x3E): one compare clears letters and all non-ASCII bytes.
                if byte > 0x3E { continue }
                let entity: [UInt8]
                switch byte {
                case UInt8(ascii: "&"): entity = amp
                case UInt8(ascii: "<"): entity = lt
                case UInt8(ascii: ">"): entity = gt
                case UInt8(ascii: "\""): entity = quot
                case UInt8(ascii: "'"): entity = apos
                default: continue
                }
                if index - 1 > runStart {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<(index - 1)]))
                }
                out.append(contentsOf: entity)
                runStart = index
            }
        }
        if count > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count])) }
    }

    /// Whether any of the eight bytes of `word` is `& < > " '`. A byte equal to `c` is a zero byte of `word ^ c…c`,
    /// and `(x - 0x01…01) & ~x & 0x80…80` is non-zero exactly when `x` has a zero byte. Setting bit 0 first makes
    /// `&` (0x26) and `'` (0x27), and only they, equal 0x27; setting bit 1 makes `<` (0x3C) and `>` (0x3E), and only
    /// they, equal 0x3E: three tests cover the five.
    @inline(__always)
    static func needsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func zeroByte(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        let found =
            zeroByte((word | ones) ^ (ones &* 0x27)) | zeroByte((word | (ones &* 0x02)) ^ (ones &* 0x3E))
            | zeroByte(word ^ (ones &* 0x22))
        return found != 0
    }
}
