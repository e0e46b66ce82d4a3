/// A server reply (RFC 5321 §4.2): one three-digit code and one or more lines of text.
public struct SMTPReply: Sendable, Equatable {
    public var code: Int
    /// The RFC 3463 enhanced status code at the start of the first line's text (`5.1.1`), if any.
    public var enhanced: String?
    /// The text of each line after the code and its separator, enhanced code included, CRLF excluded.
    public var lines: [String]

    public init(code: Int, enhanced: String? = nil, lines: [String]) {
        self.code = code
        self.enhanced = enhanced
        self.lines = lines
    }

    /// 4yz: the command failed, trying again later may succeed.
    public var isTransient: Bool { code / 100 == 4 }
    /// 5yz: the command failed for good.
    public var isPermanent: Bool { code / 100 == 5 }
    /// 2yz: done.
    public var isPositive: Bool { code / 100 == 2 }
}
