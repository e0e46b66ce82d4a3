/// What the server offered in its EHLO reply (RFC 5321 §4.1.1.1); all false after a HELO fallback.
public struct SMTPCapabilities: Sendable, Equatable {
    /// Every keyword line after the greeting line, upper-cased keyword → its parameters as sent.
    public var keywords: [String: String] = [:]
    /// True when EHLO succeeded; false after the HELO fallback (no extension may be used).
    public var isExtended = false

    public init() {}

    /// RFC 2920 command pipelining.
    public var pipelining: Bool { keywords["PIPELINING"] != nil }
    /// RFC 1870: the largest message the server takes, or nil when it announced none (or `SIZE 0`).
    public var sizeLimit: Int? {
        guard let parameters = keywords["SIZE"], let limit = Int(parameters), limit > 0 else { return nil }
        return limit
    }
    /// RFC 1870 SIZE offered at all (the `SIZE=` parameter may be sent on MAIL).
    public var size: Bool { keywords["SIZE"] != nil }
    /// RFC 6152 8-bit MIME transport.
    public var eightBitMIME: Bool { keywords["8BITMIME"] != nil }
    /// RFC 6531 internationalised addresses.
    public var smtpUTF8: Bool { keywords["SMTPUTF8"] != nil }
    /// RFC 3030 BDAT.
    public var chunking: Bool { keywords["CHUNKING"] != nil }
    /// RFC 2034 enhanced status codes in replies.
    public var enhancedStatusCodes: Bool { keywords["ENHANCEDSTATUSCODES"] != nil }

    /// Reads the keyword lines of a 250 reply to EHLO; the first line is the server's name.
    init(ehlo reply: SMTPReply) {
        isExtended = true
        for line in reply.lines.dropFirst() {
            let bytes = Array(line.utf8)
            let space = bytes.firstIndex(of: UInt8(ascii: " ")) ?? bytes.endIndex
            guard space > 0 else { continue }
            let keyword = String(decoding: bytes[..<space], as: UTF8.self).uppercased()
            let parameters = space < bytes.endIndex ? String(decoding: bytes[(space + 1)...], as: UTF8.self) : ""
            keywords[keyword] = parameters
        }
    }
}
