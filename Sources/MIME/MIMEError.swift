/// A value that cannot go into a message, or encoded text that cannot be read back: the field and why. The
/// offending value is never part of the error, since it is usually a name or an address.
public struct MIMEError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Why the value was refused.
    public enum Reason: Equatable, Sendable {
        /// The value is empty where something is required.
        case empty
        /// A C0 control (CR, LF, NUL, TAB…), DEL or a C1 control (U+0080…U+009F, e.g. NEL U+0085): the stuff of
        /// header injection, refused everywhere.
        case controlCharacter
        /// A byte outside ASCII where only ASCII may go (a raw header, a message id).
        case nonASCII
        /// An address with non-ASCII characters needs SMTPUTF8 (RFC 6531), which vitrine does not send.
        case internationalizedAddress
        /// A quoted local part (`"a b"@example.com`): legal in RFC 5322, refused by vitrine.
        case quotedLocalPart
        /// The local part is not a dot-atom (RFC 5322 §3.4.1), or there is no `@`.
        case invalidLocalPart
        /// The domain is not dot-separated LDH labels with at least one dot (RFC 5321 §4.1.2, RFC 1123 §2.1).
        case invalidDomain
        /// Longer than the limit in octets.
        case tooLong(limit: Int)
        /// A header name that is not RFC 5322 ftext (printable ASCII except `:`) or longer than 76 octets.
        case invalidHeaderName
        /// A header the message writes itself (From, To, Reply-To, Subject, Date, Message-ID, MIME-Version,
        /// Content-*): a second copy would be ambiguous.
        case reservedHeaderName
        /// A date outside the years 1900…9999, or a UTC offset outside ±23:59.
        case dateOutOfRange
        /// Malformed quoted-printable, base64 or an encoded word that decodes to invalid UTF-8.
        case invalidEncoding
        /// An encoded word in a charset other than UTF-8, US-ASCII or ISO-8859-1.
        case unsupportedCharset
    }

    /// The header or part the value was meant for (`Subject`, `To display name`, `address`, `List-Id`…).
    public var field: String
    public var reason: Reason

    public init(field: String, reason: Reason) {
        self.field = field
        self.reason = reason
    }

    public var description: String {
        let why: String
        switch reason {
        case .empty: why = "is empty"
        case .controlCharacter: why = "contains a control character (CR, LF, NUL, TAB, DEL or a C1 control)"
        case .nonASCII: why = "contains non-ASCII characters"
        case .internationalizedAddress:
            why = "is a non-ASCII address, which needs SMTPUTF8 (RFC 6531), not supported"
        case .quotedLocalPart: why = "has a quoted local part, not supported"
        case .invalidLocalPart: why = "has no valid dot-atom local part (RFC 5322 §3.4.1)"
        case .invalidDomain: why = "has no valid domain (LDH labels of 1 to 63 octets, at least one dot)"
        case .tooLong(let limit): why = "is longer than \(limit) octets"
        case .invalidHeaderName: why = "is not a valid header name (printable ASCII except ':', at most 76 octets)"
        case .reservedHeaderName: why = "is a header the message writes itself"
        case .dateOutOfRange: why = "is outside the years 1900 to 9999 or has an offset beyond ±23:59"
        case .invalidEncoding: why = "is not valid encoded text"
        case .unsupportedCharset: why = "uses a charset other than UTF-8, US-ASCII or ISO-8859-1"
        }
        return "\(field) \(why)"
    }
}
