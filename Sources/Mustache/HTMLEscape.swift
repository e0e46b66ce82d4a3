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
        var runStart = 0
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            // Every byte to escape is <= '>' (0x3E): one compare clears letters and all non-ASCII bytes.
            if byte > 0x3E {
                index += 1
                continue
            }
            let entity: [UInt8]
            switch byte {
            case UInt8(ascii: "&"): entity = amp
            case UInt8(ascii: "<"): entity = lt
            case UInt8(ascii: ">"): entity = gt
            case UInt8(ascii: "\""): entity = quot
            case UInt8(ascii: "'"): entity = apos
            default:
                index += 1
                continue
            }
            if index > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
            out.append(contentsOf: entity)
            index += 1
            runStart = index
        }
        if count > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count])) }
    }
}
