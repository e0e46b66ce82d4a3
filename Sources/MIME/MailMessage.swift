/// One e-mail (RFC 5322) with a text and an HTML alternative (RFC 2046 §5.1.4), both UTF-8 in quoted-printable.
///
/// `write(into:)` appends the whole message to a buffer the caller reuses, CRLF line ends, every octet 7-bit, every
/// line at most 998 octets (header lines are folded at 76 columns; only an unbreakable raw token runs longer).
public struct MailMessage: Sendable {
    public var from: Mailbox
    public var to: Mailbox
    public var replyTo: Mailbox?
    public var subject: String
    /// Unix seconds.
    public var date: Int64
    /// The offset of the zone the Date is written in, east of UTC, within ±23:59.
    public var utcOffsetMinutes: Int
    public var messageID: MessageID
    /// Written in order after MIME-Version.
    public var extraHeaders: [HeaderField]
    /// UTF-8, LF or CRLF line ends.
    public var text: [UInt8]
    /// UTF-8, LF or CRLF line ends.
    public var html: [UInt8]

    public init(
        from: Mailbox, to: Mailbox, replyTo: Mailbox? = nil, subject: String, date: Int64, utcOffsetMinutes: Int = 0,
        messageID: MessageID, extraHeaders: [HeaderField] = [], text: [UInt8], html: [UInt8]
    ) {
        self.from = from
        self.to = to
        self.replyTo = replyTo
        self.subject = subject
        self.date = date
        self.utcOffsetMinutes = utcOffsetMinutes
        self.messageID = messageID
        self.extraHeaders = extraHeaders
        self.text = text
        self.html = html
    }

    /// The multipart boundary: `=_vt_` and 16 hex digits of a hash of the Message-ID, so the same message is the
    /// same bytes. It cannot occur in a part: quoted-printable writes `=` only before two hex digits or a line end
    /// (RFC 2045 §6.7), so `=_` never appears in its output, as RFC 2046 §5.1.1 requires of a boundary.
    public var boundary: String { String(decoding: boundaryBytes, as: UTF8.self) }

    var boundaryBytes: [UInt8] {
        // FNV-1a, 64 bits: stable across runs and platforms, unlike Hasher.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in messageID.localPart.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        hash = (hash ^ UInt64(UInt8(ascii: "@"))) &* 0x100_0000_01b3
        for byte in messageID.domain.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        var bytes: [UInt8] = Array("=_vt_".utf8)
        for shift in stride(from: 60, through: 0, by: -4) {
            bytes.append(QuotedPrintable.hexDigits[Int(hash >> UInt64(shift) & 0xF)])
        }
        return bytes
    }

    /// Appends the whole message to `output`. On a throw, `output` is left as it was.
    public func write(into output: inout [UInt8]) throws(MIMEError) {
        let start = output.count
        do {
            try writeMessage(into: &output)
        } catch {
            output.removeSubrange(start...)
            throw error
        }
    }

    private func writeMessage(into output: inout [UInt8]) throws(MIMEError) {
        // Room for the worst case of quoted-printable, which reserves that much before it writes.
        output.reserveCapacity(output.count + 4096 + (text.count + html.count) * 13 / 4)
        var from = HeaderFolder(name: "From".utf8, into: &output)
        try HeaderText.appendMailbox(self.from, field: "From", separator: false, folder: &from, into: &output)
        from.finish(into: &output)
        var to = HeaderFolder(name: "To".utf8, into: &output)
        try HeaderText.appendMailbox(self.to, field: "To", separator: false, folder: &to, into: &output)
        to.finish(into: &output)
        if let replyTo {
            var folder = HeaderFolder(name: "Reply-To".utf8, into: &output)
            try HeaderText.appendMailbox(replyTo, field: "Reply-To", separator: false, folder: &folder, into: &output)
            folder.finish(into: &output)
        }
        var subject = HeaderFolder(name: "Subject".utf8, into: &output)
        try HeaderText.appendUnstructured(self.subject, field: "Subject", folder: &subject, into: &output)
        subject.finish(into: &output)
        Self.append("Date: ", to: &output)
        try DateTime.append(seconds: date, utcOffsetMinutes: utcOffsetMinutes, into: &output)
        Self.append("\r\nMessage-ID: <", to: &output)
        Self.append(messageID.localPart, to: &output)
        output.append(UInt8(ascii: "@"))
        Self.append(messageID.domain, to: &output)
        Self.append(">\r\nMIME-Version: 1.0\r\n", to: &output)
        for header in extraHeaders { output.append(contentsOf: header.encoded) }
        let boundary = boundaryBytes
        Self.append("Content-Type: multipart/alternative; boundary=\"", to: &output)
        output.append(contentsOf: boundary)
        Self.append("\"\r\n\r\n", to: &output)
        // RFC 2046 §5.1.1: the CRLF before each delimiter belongs to the delimiter, so a body that ends without a
        // line break keeps ending without one.
        for (type, body) in [("plain", text), ("html", html)] {
            Self.append("--", to: &output)
            output.append(contentsOf: boundary)
            Self.append("\r\nContent-Type: text/", to: &output)
            Self.append(type, to: &output)
            Self.append("; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n", to: &output)
            QuotedPrintable.encode(body, into: &output)
            Self.append("\r\n", to: &output)
        }
        Self.append("--", to: &output)
        output.append(contentsOf: boundary)
        Self.append("--\r\n", to: &output)
    }

    /// A string's bytes, copied in one go from its storage when it is native (a literal is): appending its UTF-8
    /// view goes through the generic sequence path.
    @inline(__always)
    private static func append(_ text: String, to output: inout [UInt8]) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { output.append(contentsOf: $0) }
        if done == nil { output.append(contentsOf: text.utf8) }
    }
}
