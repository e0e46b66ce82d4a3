/// An extra header of a message (List-Unsubscribe, List-Id, Feedback-ID, X-…), checked and laid out once when made.
public struct HeaderField: Sendable {
    /// How the value is written.
    public enum Kind: Sendable, Equatable {
        /// Text, encoded words where needed (RFC 5322 §3.2.5, RFC 2047).
        case unstructured
        /// Mailboxes separated by commas (RFC 5322 §3.4).
        case mailboxList
        /// Printable ASCII written as given, folded only at its spaces: for structured values the caller has
        /// already made valid (`<https://…>, <mailto:…>`, `List-Unsubscribe=One-Click`, a message id).
        case raw
    }

    /// The value of a header.
    public enum Value: Sendable {
        case unstructured(String)
        case mailboxList([Mailbox])
        case raw(String)
    }

    public let name: String
    public let value: Value
    /// The whole field, folded and ending in CRLF.
    let encoded: [UInt8]

    public var kind: Kind {
        switch value {
        case .unstructured: .unstructured
        case .mailboxList: .mailboxList
        case .raw: .raw
        }
    }

    /// Headers the message writes itself, lowercased; any `Content-…` is refused too.
    static let reserved: Set<String> = ["from", "to", "reply-to", "subject", "date", "message-id", "mime-version"]

    public init(name: String, value: Value) throws(MIMEError) {
        let nameBytes = Array(name.utf8)
        // RFC 5322 §3.6.8: field-name = 1*ftext, ftext = %d33-57 / %d59-126. 76 octets leave room for ": " and a
        // token on the first line.
        guard !nameBytes.isEmpty, nameBytes.count <= 76,
            nameBytes.allSatisfy({ (33...126).contains($0) && $0 != UInt8(ascii: ":") })
        else { throw MIMEError(field: "header name", reason: .invalidHeaderName) }
        let lowered = name.lowercased()
        guard !Self.reserved.contains(lowered), !lowered.hasPrefix("content-") else {
            throw MIMEError(field: name, reason: .reservedHeaderName)
        }
        var output: [UInt8] = []
        var folder = HeaderFolder(name: nameBytes, into: &output)
        switch value {
        case .unstructured(let text):
            try HeaderText.appendUnstructured(text, field: name, folder: &folder, into: &output)
        case .mailboxList(let mailboxes):
            guard !mailboxes.isEmpty else { throw MIMEError(field: name, reason: .empty) }
            for (index, mailbox) in mailboxes.enumerated() {
                try HeaderText.appendMailbox(
                    mailbox, field: name, separator: index < mailboxes.count - 1, folder: &folder, into: &output)
            }
        case .raw(let text):
            // One copy of the bytes, checked and split by index (List-Unsubscribe is made once a message).
            let bytes = Array(text.utf8)
            if Syntax.hasControl(bytes) { throw MIMEError(field: name, reason: .controlCharacter) }
            if bytes.contains(where: { $0 >= 0x80 }) { throw MIMEError(field: name, reason: .nonASCII) }
            var wordStart = 0
            for index in bytes.indices where bytes[index] == 0x20 {
                folder.append(bytes[wordStart..<index], into: &output)
                wordStart = index + 1
            }
            folder.append(bytes[wordStart...], into: &output)
        }
        folder.finish(into: &output)
        // RFC 5322 §2.1.1: no line of more than 998 octets, which only an unbreakable raw token can reach.
        guard folder.longestLine <= 998 else { throw MIMEError(field: name, reason: .tooLong(limit: 998)) }
        self.name = name
        self.value = value
        self.encoded = output
    }

    /// A raw header: printable ASCII written as given.
    public init(name: String, raw: String) throws(MIMEError) {
        try self.init(name: name, value: .raw(raw))
    }

    /// An unstructured header: text encoded as needed.
    public init(name: String, unstructured: String) throws(MIMEError) {
        try self.init(name: name, value: .unstructured(unstructured))
    }
}
