/// Syntax of an e-mail address as a mail relay accepts it: RFC 5322 §3.4.1 `addr-spec` restricted to the
/// dot-atom form (no quoted local parts, no domain literals, no comments), with a DNS host name as domain
/// (RFC 1035 labels: letters, digits and inner hyphens, at most 63 bytes, at least two labels). UTF-8 in the
/// local part and domain is accepted as RFC 6531 (SMTPUTF8) allows.
public enum EmailAddress {
    public static func isValid(_ address: String) -> Bool {
        let bytes = Array(address.utf8)
        guard bytes.count <= 254, let at = bytes.lastIndex(of: UInt8(ascii: "@")) else { return false }
        let local = bytes[..<at]
        let domain = bytes[(at + 1)...]
        return isDotAtom(local, maximum: 64) && isHostName(domain)
    }

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

    private static func isDotAtom(_ bytes: ArraySlice<UInt8>, maximum: Int) -> Bool {
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

    private static func isHostName(_ bytes: ArraySlice<UInt8>) -> Bool {
        let labels = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2, bytes.count <= 253 else { return false }
        for label in labels {
            guard !label.isEmpty, label.count <= 63, label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-")
            else { return false }
            for byte in label {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
                    continue
                default:
                    if byte < 0x80 { return false }
                }
            }
        }
        // The top-level domain is never all digits (that would be an IP address written wrong).
        return !labels.last!.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
}
