import Glibc

/// Puts field values into a record, shared by the pattern and the JSON parsers; keeps `$uri` and `$args` apart until
/// the line is done, when they are joined into the scratch buffer as the target.
struct FieldSink {
    private var uri = LogRecord.none
    private var args = LogRecord.none

    /// Stores one value; false when the value cannot be what the field says (a status that is not a number).
    @inline(__always)
    mutating func apply(_ field: LogField, _ value: UnsafeBufferPointer<UInt8>, to record: inout LogRecord) -> Bool {
        switch field {
        case .remoteAddr: record.address = value
        case .timeLocal:
            guard let time = Timestamp.parseLocal(value) else { return false }
            record.time = time
        case .timeISO8601:
            guard let time = Timestamp.parseISO8601(value) else { return false }
            record.time = time
        case .msec:
            guard let time = Timestamp.parseMsec(value) else { return false }
            record.time = time
        case .request: Self.splitRequest(value, into: &record)
        case .requestMethod: record.method = Self.dashIsEmpty(value)
        case .requestURI: record.target = Self.dashIsEmpty(value)
        case .uri: uri = Self.dashIsEmpty(value)
        case .args, .queryString: args = Self.dashIsEmpty(value)
        case .status:
            guard let status = Self.number(value), status < 1000 else { return false }
            record.status = status
        case .bodyBytesSent, .bytesSent:
            if value.count == 1 && value[0] == UInt8(ascii: "-") {
                record.bytes = 0
            } else {
                guard let bytes = Self.number(value) else { return false }
                record.bytes = bytes
            }
        case .httpReferer: record.referer = Self.dashIsEmpty(value)
        case .httpUserAgent: record.userAgent = Self.dashIsEmpty(value)
        case .requestTime:
            guard let milliseconds = Self.milliseconds(value) else { return false }
            record.requestMilliseconds = milliseconds
        case .host: record.host = Self.dashIsEmpty(value)
        case .serverProtocol: record.httpVersion = Self.dashIsEmpty(value)
        case .remoteUser, .other: break
        }
        return true
    }

    /// Makes the target from `$uri` and `$args` when no `$request` or `$request_uri` gave one.
    mutating func finish(_ record: inout LogRecord, scratch: UnsafeMutableBufferPointer<UInt8>?) {
        guard record.target.isEmpty, uri.count > 0 else { return }
        guard args.count > 0, let scratch, let out = scratch.baseAddress, uri.count + 1 + args.count <= scratch.count
        else {
            record.target = uri
            return
        }
        memcpy(out, uri.baseAddress!, uri.count)
        out[uri.count] = UInt8(ascii: "?")
        memcpy(out + uri.count + 1, args.baseAddress!, args.count)
        record.target = UnsafeBufferPointer(start: out, count: uri.count + 1 + args.count)
    }

    /// `$request` is `METHOD SP target SP protocol` (RFC 9112 §3); HTTP/0.9 has no protocol. A line whose first
    /// word is not a method token (TLS bytes written as `\x16\x03…`, the `""` of an empty request) gives an empty
    /// method and target.
    @inline(__always)
    private static func splitRequest(_ value: UnsafeBufferPointer<UInt8>, into record: inout LogRecord) {
        guard let base = value.baseAddress, value.count > 0 else { return }
        let count = value.count
        var space = 0
        while space < count, base[space] != UInt8(ascii: " ") {
            guard isMethodByte(base[space]) else { return }
            space += 1
        }
        guard space > 0, space < count else { return }
        record.method = UnsafeBufferPointer(start: base, count: space)
        var last = count - 1
        while last > space, base[last] != UInt8(ascii: " ") { last -= 1 }
        let targetStart = space + 1
        if last > space, count - last > 5, memcmp(base + last + 1, "HTTP/", 5) == 0 {
            record.target = UnsafeBufferPointer(start: base + targetStart, count: last - targetStart)
            record.httpVersion = UnsafeBufferPointer(start: base + last + 1, count: count - last - 1)
        } else {
            record.target = UnsafeBufferPointer(start: base + targetStart, count: count - targetStart)
        }
    }

    /// RFC 9110 §5.6.2 tchar.
    @inline(__always)
    private static func isMethodByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"),
            UInt8(ascii: "%"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"),
            UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"),
            UInt8(ascii: "|"), UInt8(ascii: "~"):
            return true
        default: return false
        }
    }

    @inline(__always)
    private static func dashIsEmpty(_ value: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        value.count == 1 && value[0] == UInt8(ascii: "-") ? LogRecord.none : value
    }

    @inline(__always)
    private static func number(_ value: UnsafeBufferPointer<UInt8>) -> Int? {
        guard value.count > 0, value.count <= 18 else { return nil }
        var result = 0
        for byte in value {
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            result = result * 10 + Int(digit)
        }
        return result
    }

    /// `$request_time` is seconds with millisecond resolution, `0.004`; `-` counts as absent.
    private static func milliseconds(_ value: UnsafeBufferPointer<UInt8>) -> Int? {
        if value.count == 1 && value[0] == UInt8(ascii: "-") { return -1 }
        var seconds = 0
        var index = 0
        while index < value.count, index < 12, value[index] &- UInt8(ascii: "0") < 10 {
            seconds = seconds * 10 + Int(value[index] &- UInt8(ascii: "0"))
            index += 1
        }
        guard index > 0 else { return nil }
        var fraction = 0
        var scale = 100
        if index < value.count {
            guard value[index] == UInt8(ascii: ".") else { return nil }
            index += 1
            while index < value.count {
                let digit = value[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                fraction += Int(digit) * scale
                scale /= 10
                index += 1
            }
        }
        return seconds * 1000 + fraction
    }
}
