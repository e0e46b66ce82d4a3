/// Reads replies out of the bytes received so far, without a String per byte or a regex.
///
/// RFC 5321 §4.2:
///     Greeting / Reply-line = *( Reply-code "-" [ textstring ] CRLF ) Reply-code [ SP textstring ] CRLF
///     Reply-code = %x32-35 %x30-35 %x30-39
/// Every line of a multi-line reply carries the same code. A bare LF ends a line too (some servers send one);
/// the CR before it is dropped.
enum ReplyParser {
    /// §4.5.3.1.5 bounds a reply line at 512 octets; generous slack for servers that exceed it.
    static let maximumLineLength = 2048
    /// A bound on a whole reply (an EHLO reply is the longest in practice: a few hundred bytes).
    static let maximumReplyLength = 65536

    /// The first complete reply in `bytes` and the count of bytes it spans, or nil when more bytes are needed.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(SMTPError) -> (reply: SMTPReply, length: Int)? {
        var lines: [String] = []
        var code = -1
        var lineStart = 0
        while true {
            // Find the end of this line, within the bound.
            var end = lineStart
            let limit = min(bytes.count, lineStart + maximumLineLength)
            while end < limit && bytes[end] != UInt8(ascii: "\n") { end += 1 }
            if end == limit {
                if limit - lineStart >= maximumLineLength {
                    throw SMTPError(.protocolViolation("a reply line is longer than \(maximumLineLength) bytes"))
                }
                if lineStart >= maximumReplyLength {
                    throw SMTPError(.protocolViolation("a reply is longer than \(maximumReplyLength) bytes"))
                }
                return nil
            }
            let next = end + 1
            var textEnd = end
            if textEnd > lineStart && bytes[textEnd - 1] == UInt8(ascii: "\r") { textEnd -= 1 }
            guard textEnd - lineStart >= 3,
                case UInt8(ascii: "2")...UInt8(ascii: "5") = bytes[lineStart],
                case UInt8(ascii: "0")...UInt8(ascii: "5") = bytes[lineStart + 1],
                case UInt8(ascii: "0")...UInt8(ascii: "9") = bytes[lineStart + 2]
            else { throw SMTPError(.protocolViolation("a reply line does not start with a reply code")) }
            let lineCode =
                Int(bytes[lineStart] - UInt8(ascii: "0")) * 100 + Int(bytes[lineStart + 1] - UInt8(ascii: "0")) * 10
                + Int(bytes[lineStart + 2] - UInt8(ascii: "0"))
            if code >= 0 && lineCode != code {
                throw SMTPError(.protocolViolation("the lines of a multi-line reply carry different codes"))
            }
            code = lineCode
            var isLast = true
            var textStart = lineStart + 3
            if textStart < textEnd {
                switch bytes[textStart] {
                case UInt8(ascii: " "): break
                case UInt8(ascii: "-"): isLast = false
                default: throw SMTPError(.protocolViolation("a reply code is followed by neither SP nor '-'"))
                }
                textStart += 1
            }
            lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[textStart..<textEnd]), as: UTF8.self))
            if isLast {
                return (SMTPReply(code: code, enhanced: enhancedCode(lines[0], code: code), lines: lines), next)
            }
            lineStart = next
        }
    }

    /// Parses the first reply of `bytes` (tests and one-off callers).
    static func parse(_ bytes: [UInt8]) throws(SMTPError) -> (reply: SMTPReply, length: Int)? {
        try bytes.withUnsafeBufferPointer { (buffer) throws(SMTPError) in try parse(buffer) }
    }

    /// RFC 3463 §2: status-code = class "." subject "." detail; class is 2, 4 or 5 and matches the reply's first
    /// digit; subject and detail are 1 to 3 digits. Read only at the start of the first line, followed by SP or end.
    static func enhancedCode(_ text: String, code: Int) -> String? {
        let bytes = Array(text.utf8.prefix(12))
        guard bytes.count >= 5, bytes[0] == UInt8(ascii: "0") + UInt8(code / 100), bytes[1] == UInt8(ascii: ".")
        else { return nil }
        var index = 2
        for part in 0..<2 {
            let start = index
            while index < bytes.count, index - start < 4, case UInt8(ascii: "0")...UInt8(ascii: "9") = bytes[index] {
                index += 1
            }
            guard index > start, index - start <= 3 else { return nil }
            if part == 0 {
                guard index < bytes.count, bytes[index] == UInt8(ascii: ".") else { return nil }
                index += 1
            }
        }
        guard index == bytes.count || bytes[index] == UInt8(ascii: " ") else { return nil }
        return String(decoding: bytes[..<index], as: UTF8.self)
    }
}
