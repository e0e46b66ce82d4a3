/// Syntax of an e-mail address as a mail relay accepts it: RFC 5322 §3.4.1 `addr-spec` restricted to the
/// dot-atom form (no quoted local parts, no domain literals, no comments), with a DNS host name as domain
/// (RFC 1035 labels: letters, digits and inner hyphens, at most 63 bytes, at least two labels). UTF-8 in the
/// local part and domain is accepted as RFC 6531 (SMTPUTF8) allows.
public enum EmailAddress {
    public static func isValid(_ address: String) -> Bool {
        var address = address
        // Checked in place over the String's own bytes: a hundred thousand customers, no copies.
        return address.withUTF8 { bytes in
            guard bytes.count <= 254, let at = bytes.lastIndex(of: UInt8(ascii: "@")) else { return false }
            return isDotAtom(bytes[..<at], maximum: 64) && isHostName(bytes[(at + 1)...])
        }
    }

    private typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>

    /// RFC 5322 `atext`: letters, digits and ``!#$%&'*+-/=?^_`{|}~``, plus UTF-8 (RFC 6532).
    private static func isAtext(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"),
            UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "/"),
            UInt8(ascii: "="), UInt8(ascii: "?"), UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"),
            UInt8(ascii: "{"), UInt8(ascii: "|"), UInt8(ascii: "}"), UInt8(ascii: "~"):
            true
        default: byte >= 0x80
        }
    }

    private static func isDotAtom(_ bytes: Bytes, maximum: Int) -> Bool {
        guard !bytes.isEmpty, bytes.count <= maximum, bytes.first != UInt8(ascii: "."), bytes.last != UInt8(ascii: ".")
        else { return false }
        var previousWasDot = false
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                if previousWasDot { return false }
                previousWasDot = true
            } else {
                guard isAtext(byte) else { return false }
                previousWasDot = false
            }
        }
        return true
    }

    private static func isHostName(_ bytes: Bytes) -> Bool {
        guard bytes.count <= 253 else { return false }
        var labels = 0
        var labelStart = bytes.startIndex
        var lastLabelIsDigits = false
        for index in bytes.startIndex...bytes.endIndex {
            guard index == bytes.endIndex || bytes[index] == UInt8(ascii: ".") else {
                switch bytes[index] {
                // Letters, digits, inner hyphens, and UTF-8 (RFC 6531).
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), 0x80...:
                    continue
                default: return false
                }
            }
            let label = bytes[labelStart..<index]
            guard !label.isEmpty, label.count <= 63, label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-")
            else { return false }
            labels += 1
            lastLabelIsDigits = label.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
            labelStart = index + 1
        }
        // At least two labels, and the top-level domain is never all digits (that would be an IP address written
        // wrong).
        return labels >= 2 && !lastLabelIsDigits
    }
}
