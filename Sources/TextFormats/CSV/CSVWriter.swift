/// Writes CSV (RFC 4180) into a byte buffer.
public enum CSVWriter {
    /// One CSV field per RFC 4180 §2: quoted when it holds a comma, a double quote, CR or LF; quotes doubled.
    public static func appendField(_ text: String, to sink: inout [UInt8]) {
        var needsQuotes = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: ","), UInt8(ascii: "\""), UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                needsQuotes = true
            default:
                continue
            }
            break
        }
        guard needsQuotes else {
            sink.append(contentsOf: text.utf8)
            return
        }
        sink.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\"") { sink.append(byte) }
            sink.append(byte)
        }
        sink.append(UInt8(ascii: "\""))
    }
}
