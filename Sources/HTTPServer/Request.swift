/// One HTTP/1.1 request head (RFC 9112 §3), parsed from bytes.
///
/// ```
/// request-line = method SP request-target SP HTTP-version CRLF
/// field-line   = field-name ":" OWS field-value OWS CRLF
/// ```
struct Request {
    var method: String
    /// The origin-form target as received, e.g. `/p/tea/?vt=x`.
    var target: String
    var version: String
    /// The request line as received, for the access log.
    var line: String
    var host: String?
    var referer: String?
    var userAgent: String?
    var contentLength = 0
    var chunked = false
    var connection: String?

    var keepAlive: Bool {
        let connection = connection?.lowercased() ?? ""
        return version == "HTTP/1.1" ? !connection.contains("close") : connection.contains("keep-alive")
    }

    enum ParseError: Error { case malformed, unsupportedVersion }

    /// Parses a head that ends with CRLF CRLF (the terminator excluded from `bytes`).
    static func parse(_ bytes: UnsafeRawBufferPointer) throws(ParseError) -> Request {
        var lines: [UnsafeRawBufferPointer] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\r") {
                guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") else { throw .malformed }
                lines.append(UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
                index += 2
                start = index
            } else if bytes[index] == UInt8(ascii: "\n") {
                throw .malformed  // a bare LF
            } else {
                index += 1
            }
        }
        lines.append(UnsafeRawBufferPointer(rebasing: bytes[start..<bytes.count]))
        guard let requestLine = lines.first else { throw .malformed }
        var request = try parseRequestLine(requestLine)
        for field in lines.dropFirst() {
            try request.addField(field)
        }
        return request
    }

    private static func parseRequestLine(_ line: UnsafeRawBufferPointer) throws(ParseError) -> Request {
        let parts = line.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy(isTokenByte),
            let first = parts[1].first, first == UInt8(ascii: "/"),
            parts[1].allSatisfy({ $0 > 0x20 && $0 < 0x7F })
        else { throw .malformed }
        let version = String(decoding: parts[2], as: UTF8.self)
        guard version.hasPrefix("HTTP/") else { throw .malformed }
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else { throw .unsupportedVersion }
        return Request(
            method: String(decoding: parts[0], as: UTF8.self), target: String(decoding: parts[1], as: UTF8.self),
            version: version, line: String(decoding: line, as: UTF8.self))
    }

    private mutating func addField(_ line: UnsafeRawBufferPointer) throws(ParseError) {
        // No whitespace between the name and the colon (RFC 9112 §5.1); obsolete line folding is refused.
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > 0,
            line[..<colon].allSatisfy(Request.isTokenByte)
        else { throw .malformed }
        var valueStart = colon + 1
        var valueEnd = line.count
        while valueStart < valueEnd, line[valueStart] == UInt8(ascii: " ") || line[valueStart] == UInt8(ascii: "\t") {
            valueStart += 1
        }
        while valueEnd > valueStart, line[valueEnd - 1] == UInt8(ascii: " ") || line[valueEnd - 1] == UInt8(ascii: "\t")
        {
            valueEnd -= 1
        }
        let valueBytes = line[valueStart..<valueEnd]
        guard valueBytes.allSatisfy({ $0 >= 0x20 && $0 != 0x7F || $0 == UInt8(ascii: "\t") }) else { throw .malformed }
        let name = String(decoding: line[..<colon], as: UTF8.self).lowercased()
        let value = String(decoding: valueBytes, as: UTF8.self)
        switch name {
        case "host": host = value
        case "referer": referer = value
        case "user-agent": userAgent = value
        case "connection": connection = value
        case "transfer-encoding": chunked = true
        case "content-length":
            guard let length = Int(value), length >= 0, contentLength == 0 || contentLength == length else {
                throw .malformed
            }
            contentLength = length
        default: break
        }
    }

    /// tchar (RFC 9110 §5.6.2).
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"),
            UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }
}
