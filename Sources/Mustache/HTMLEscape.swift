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

    /// The text's bytes as they are (`{{{name}}}`, plain-text templates): one copy from a native string's storage,
    /// where appending the UTF-8 view goes through the generic sequence path.
    static func appendUnescaped(_ text: String, to out: inout [UInt8]) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { out.append(contentsOf: $0) }
        if done == nil { out.append(contentsOf: text.utf8) }
    }

    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        guard let base = bytes.baseAddress else { return }
        var runStart = 0
        var index = 0
        let count = bytes.count
        while index < count {
            // Eight bytes at a time while none of them is one to escape: most of a name, a price or a URL; then the
            // next eight (or the rest) byte by byte.
            while index + 8 <= count && !hasSpecial(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                index += 8
            }
            let end = min(index + 8, count)
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
                    out.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: index - 1 - runStart))
                }
                out.append(contentsOf: entity)
                runStart = index
            }
        }
        if count > runStart {
            out.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: count - runStart))
        }
    }

    /// Whether any byte of `word` is `&`, `<`, `>`, `"` or `'`: for each, a byte equal to it becomes zero after an
    /// XOR, and the classic "has a zero byte" test, exact for the whole word, finds it.
    @inline(__always)
    static func hasSpecial(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func zero(_ value: UInt64) -> UInt64 { (value &- ones) & ~value }
        let found =
            zero(word ^ (ones &* 0x26)) | zero(word ^ (ones &* 0x3C)) | zero(word ^ (ones &* 0x3E))
            | zero(word ^ (ones &* 0x22)) | zero(word ^ (ones &* 0x27))
        return found & highs != 0
    }
}
