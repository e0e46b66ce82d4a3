/// The identifier of a message, `<id-left@id-right>` (RFC 5322 §3.6.4), both sides dot-atom-text.
public struct MessageID: Sendable, Hashable {
    public let localPart: String
    public let domain: String

    public init(localPart: String, domain: String) throws(MIMEError) {
        let field = "Message-ID"
        let left = Array(localPart.utf8)
        let right = Array(domain.utf8)
        guard !left.isEmpty, !right.isEmpty else { throw MIMEError(field: field, reason: .empty) }
        if Syntax.hasControl(left) || Syntax.hasControl(right) {
            throw MIMEError(field: field, reason: .controlCharacter)
        }
        if left.contains(where: { $0 >= 0x80 }) || right.contains(where: { $0 >= 0x80 }) {
            throw MIMEError(field: field, reason: .nonASCII)
        }
        // The id cannot be folded, so `Message-ID: <…>` must fit one line of 998 octets (RFC 5322 §2.1.1).
        guard left.count + right.count <= 980 else { throw MIMEError(field: field, reason: .tooLong(limit: 980)) }
        guard Syntax.isDotAtom(left[...]) else { throw MIMEError(field: field, reason: .invalidLocalPart) }
        // The no-fold-literal form of id-right (`[…]`) is not offered.
        guard Syntax.isDotAtom(right[...]) else { throw MIMEError(field: field, reason: .invalidDomain) }
        self.localPart = localPart
        self.domain = domain
    }

    /// `id-left@id-right`, without the angle brackets.
    public var text: String { localPart + "@" + domain }
}
