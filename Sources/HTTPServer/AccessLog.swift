import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Appends one line in the combined log format per request, as nginx writes it:
/// `127.0.0.1 - - [06/Dec/2026:10:00:00 +0000] "GET / HTTP/1.1" 200 1234 "referer" "user-agent"`.
final class AccessLog: @unchecked Sendable {
    private let fd: Int32
    private let lock = NSLock()

    init(path: String) throws(ServerError) {
        if let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) {
            let folder = String(path[..<slash])
            if !folder.isEmpty {
                try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
        }
        fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw ServerError(step: "open the access log", path: path, errno: errno) }
    }

    deinit { close(fd) }

    func append(
        address: String, time: time_t, requestLine: String, status: Int, bytes: Int, referer: String?,
        userAgent: String?
    ) {
        var line = address
        line += " - - ["
        line += Self.timestamp(time)
        line += "] \""
        line += Self.escaped(requestLine)
        line += "\" \(status) \(bytes) \""
        line += referer.map(Self.escaped) ?? "-"
        line += "\" \""
        line += userAgent.map(Self.escaped) ?? "-"
        line += "\"\n"
        lock.lock()
        defer { lock.unlock() }
        // One write(2) of the whole line: O_APPEND keeps lines whole even beside other writers.
        _ = line.utf8.withContiguousStorageIfAvailable { write(fd, $0.baseAddress, $0.count) }
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `06/Dec/2026:10:00:00 +0000`, always UTC.
    static func timestamp(_ time: time_t) -> String {
        var seconds = time
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(two(parts.tm_mday))/\(months[Int(parts.tm_mon)])/\(parts.tm_year + 1900):\(two(parts.tm_hour)):"
            + "\(two(parts.tm_min)):\(two(parts.tm_sec)) +0000"
    }

    /// Quotes, backslashes and control or non-ASCII bytes as `\xHH`, as nginx escapes log variables.
    static func escaped(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if byte < 0x20 || byte >= 0x7F || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes += [UInt8(ascii: "\\"), UInt8(ascii: "x"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A failure to start serving: the step, the path or address, and errno.
public struct ServerError: Error, Equatable, CustomStringConvertible {
    public var step: String
    public var path: String
    public var errno: Int32

    public var description: String { "cannot \(step) \(path): \(String(cString: strerror(errno)))" }
}
