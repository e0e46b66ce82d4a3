/// An addr-spec (`local@domain`) that is safe to put in a header and in an SMTP envelope.
///
/// Stricter than RFC 5322 §3.4.1 on purpose: the local part is a dot-atom (no quoted strings, no obsolete forms),
/// the domain is a host name of LDH labels (RFC 1123 §2.1) with at least one dot (no address literals), and the
/// whole address is ASCII (an internationalized address needs SMTPUTF8, which vitrine does not speak).
public struct MailAddress: Sendable, Hashable {
    /// `local@domain`, exactly as given.
    public let text: String

    public init(_ text: String) throws(MIMEError) {
        let field = "address"
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { throw MIMEError(field: field, reason: .empty) }
        for byte in bytes {
            if byte < 0x20 || byte == 0x7F { throw MIMEError(field: field, reason: .controlCharacter) }
        }
        for byte in bytes where byte >= 0x80 {
            throw MIMEError(field: field, reason: byte == 0xC2 ? Self.c1Reason(bytes) : .internationalizedAddress)
        }
        // RFC 5321 §4.5.3.1.3: a path is at most 256 octets with its angle brackets, so 254 for the address.
        guard bytes.count <= 254 else { throw MIMEError(field: field, reason: .tooLong(limit: 254)) }
        guard let at = bytes.lastIndex(of: UInt8(ascii: "@")) else {
            throw MIMEError(field: field, reason: .invalidLocalPart)
        }
        let local = bytes[..<at]
        let domain = bytes[(at + 1)...]
        if local.first == UInt8(ascii: "\"") { throw MIMEError(field: field, reason: .quotedLocalPart) }
        // RFC 5321 §4.5.3.1.1: a local part is at most 64 octets.
        guard local.count <= 64 else { throw MIMEError(field: field, reason: .tooLong(limit: 64)) }
        guard Syntax.isDotAtom(local) else { throw MIMEError(field: field, reason: .invalidLocalPart) }
        guard Syntax.isHostName(domain) else { throw MIMEError(field: field, reason: .invalidDomain) }
        self.text = text
    }

    /// U+0080…U+009F are controls, reported as such; any other non-ASCII is an internationalized address.
    private static func c1Reason(_ bytes: [UInt8]) -> MIMEError.Reason {
        Syntax.hasControl(bytes) ? .controlCharacter : .internationalizedAddress
    }
}
