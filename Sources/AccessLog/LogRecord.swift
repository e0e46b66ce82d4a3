import Glibc

/// One parsed line: views into the parser's buffer, valid only inside the callback that receives it.
public struct LogRecord {
    /// The client address as logged.
    public var address: UnsafeBufferPointer<UInt8>
    /// Unix seconds UTC (`$time_local` with its offset applied, `$time_iso8601`, `$msec`); `.min` when absent.
    public var time: Int64
    /// The request method; empty when the request line does not split (TLS bytes, `""`).
    public var method: UnsafeBufferPointer<UInt8>
    /// The request-target as logged (path + "?" + query), still nginx-escaped.
    public var target: UnsafeBufferPointer<UInt8>
    /// The protocol of the request line (`HTTP/1.1`, `HTTP/2.0`) or `$server_protocol`; empty when absent.
    public var httpVersion: UnsafeBufferPointer<UInt8>
    /// The status code; -1 when absent.
    public var status: Int
    /// `$body_bytes_sent` (or `$bytes_sent`); 0 for `-` or when absent.
    public var bytes: Int
    /// The referer; empty for `-`.
    public var referer: UnsafeBufferPointer<UInt8>
    /// The user agent; empty for `-`.
    public var userAgent: UnsafeBufferPointer<UInt8>
    /// `$host`; empty when absent.
    public var host: UnsafeBufferPointer<UInt8>
    /// `$request_time` in milliseconds; -1 when absent.
    public var requestMilliseconds: Int

    static var none: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: nil, count: 0) }

    init() {
        address = Self.none
        time = .min
        method = Self.none
        target = Self.none
        httpVersion = Self.none
        status = -1
        bytes = 0
        referer = Self.none
        userAgent = Self.none
        host = Self.none
        requestMilliseconds = -1
    }

    /// The raw value of `name=` in the target's query: the first occurrence starting at `?` or `&`, up to the next
    /// `&` or `#`. Nil when absent; empty for `name=` with no value.
    public func queryValue(_ name: StaticString) -> UnsafeBufferPointer<UInt8>? {
        let count = target.count
        guard let base = target.baseAddress, count > 0 else { return nil }
        let key = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        guard let question = memchr(base, Int32(UInt8(ascii: "?")), count) else { return nil }
        var index = base.distance(to: question.assumingMemoryBound(to: UInt8.self)) + 1
        while index < count {
            // index is at the start of a parameter: compare `name` then `=`.
            if index + key.count < count,
                base[index + key.count] == UInt8(ascii: "=")
                    && memcmp(base + index, key.baseAddress!, key.count) == 0
            {
                let start = index + key.count + 1
                var end = start
                while end < count, base[end] != UInt8(ascii: "&"), base[end] != UInt8(ascii: "#") { end += 1 }
                return UnsafeBufferPointer(start: base + start, count: end - start)
            }
            while index < count, base[index] != UInt8(ascii: "&") {
                if base[index] == UInt8(ascii: "#") { return nil }
                index += 1
            }
            index += 1
        }
        return nil
    }
}
