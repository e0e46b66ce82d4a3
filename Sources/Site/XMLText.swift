/// Character data and attribute values for XML 1.0: `&`, `<`, `>`, `"` and `'` as entities, and the control
/// characters XML 1.0 forbids (all below U+0020 but tab, newline and carriage return) dropped.
enum XMLText {
    static func append(_ text: String, to out: inout [UInt8]) {
        var copy = text
        copy.withUTF8 { bytes in
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "&"): out += [0x26, 0x61, 0x6D, 0x70, 0x3B]  // &amp;
                case UInt8(ascii: "<"): out += [0x26, 0x6C, 0x74, 0x3B]  // &lt;
                case UInt8(ascii: ">"): out += [0x26, 0x67, 0x74, 0x3B]  // &gt;
                case UInt8(ascii: "\""): out += [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]  // &quot;
                case UInt8(ascii: "'"): out += [0x26, 0x23, 0x33, 0x39, 0x3B]  // &#39;
                case 0x09, 0x0A, 0x0D: out.append(byte)
                case 0x00..<0x20, 0x7F: continue
                default: out.append(byte)
                }
            }
        }
    }
}
