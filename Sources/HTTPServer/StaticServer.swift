import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A small HTTP/1.1 server of static files on 127.0.0.1 (RFC 9110, 9112): GET and HEAD, `index.html` for folders,
/// the site's `404.html`, keep-alive, a combined-format access log, and `POST /unsubscribe/` answered with 200.
///
/// No path outside the root is ever served: the target is percent-decoded, `.` and `..` segments and NUL are
/// refused, and the file's canonical path must lie under the root's canonical path — resolved on every request,
/// because the root (`OUTPUT/site`) is a link the publisher switches between builds.
public final class StaticServer: @unchecked Sendable {
    /// The port listened on (the one the system chose when 0 was asked).
    public let port: Int
    private let root: String
    private let accessLog: AccessLog?
    private let listener: Int32
    private let stopped = NSLock()
    private var isStopped = false

    /// Largest request head, and largest body read (and discarded) for the unsubscribe POST.
    static let maximumHead = 16 * 1024
    static let maximumBody = 64 * 1024

    /// Binds 127.0.0.1:`port` (0: any free port). `accessLog` is the file lines are appended to, nil for none.
    public init(root: String, accessLog: String?, port: Int) throws(ServerError) {
        self.root = root
        self.accessLog = try accessLog.map { path throws(ServerError) in try AccessLog(path: path) }
        #if canImport(Glibc)
            let socketType = Int32(SOCK_STREAM.rawValue)
        #else
            let socketType = SOCK_STREAM
        #endif
        let fd = socket(AF_INET, socketType | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw ServerError(step: "open a socket", path: "127.0.0.1", errno: errno) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(truncatingIfNeeded: port).bigEndian)
        address.sin_addr.s_addr = in_addr_t(0x7F00_0001).bigEndian
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(fd, 128) == 0 else {
            let code = errno
            close(fd)
            throw ServerError(step: "listen on", path: "127.0.0.1:\(port)", errno: code)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        self.port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { close(listener) }

    /// Accepts connections until `stop()`, each served on its own thread. Blocks.
    public func run() {
        while true {
            var address = sockaddr_in()
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let connection = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { accept(listener, $0, &length) }
            }
            if connection < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                stopped.lock()
                let done = isStopped
                stopped.unlock()
                if done { return }
                usleep(10_000)  // EMFILE and the like: wait for connections to close
                continue
            }
            let host = UInt32(bigEndian: address.sin_addr.s_addr)
            let remote = "\(host >> 24).\(host >> 16 & 0xFF).\(host >> 8 & 0xFF).\(host & 0xFF)"
            Thread.detachNewThread { [self] in
                Connection(fd: connection, remote: remote, server: self).serve()
            }
        }
    }

    /// Stops accepting: `run()` returns; connections in progress finish.
    public func stop() {
        stopped.lock()
        isStopped = true
        stopped.unlock()
        shutdown(listener, Int32(SHUT_RDWR))
    }

    // MARK: - Answers

    struct Response {
        var status: Int
        var headers: [(String, String)] = []
        var body: [UInt8] = []
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 301: "Moved Permanently"
        case 400: "Bad Request"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 413: "Content Too Large"
        case 431: "Request Header Fields Too Large"
        case 505: "HTTP Version Not Supported"
        default: "Error"
        }
    }

    /// What to answer to a parsed request.
    func respond(to request: Request) -> Response {
        let (pathPart, query) = Self.split(request.target)
        guard let path = Self.percentDecoded(pathPart) else { return Self.plain(400, "bad request\n") }
        switch request.method {
        case "GET", "HEAD":
            break
        case "POST" where path == "/unsubscribe/" || path == "/unsubscribe":
            return Response(
                status: 200, headers: [("Content-Type", "text/html; charset=utf-8")],
                body: Array(Self.unsubscribed.utf8))
        case "POST" where path == "/privacy/" || path == "/privacy":
            return Response(
                status: 200, headers: [("Content-Type", "text/html; charset=utf-8")],
                body: Array(Self.trackingOff.utf8))
        default:
            var response = Self.plain(405, "method not allowed\n")
            response.headers.append(("Allow", "GET, HEAD"))
            return response
        }
        // Segments: no `.` or `..`, no NUL or backslash once decoded.
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        guard !segments.contains(where: { $0 == "." || $0 == ".." }), !path.utf8.contains(0),
            !path.utf8.contains(UInt8(ascii: "\\"))
        else { return Self.plain(400, "bad request\n") }

        guard let base = Self.canonical(root) else { return notFound() }
        let candidate = base + "/" + segments.joined(separator: "/")
        guard let resolved = Self.canonical(candidate), Self.isInside(resolved, base) else { return notFound() }
        var info = stat()
        guard stat(resolved, &info) == 0 else { return notFound() }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            guard path.hasSuffix("/") else {
                let location = pathPart + "/" + (query.map { "?" + $0 } ?? "")
                var response = Self.plain(301, "moved to \(location)\n")
                response.headers.append(("Location", location))
                return response
            }
            guard let index = Self.canonical(resolved + "/index.html"), Self.isInside(index, base),
                let body = Self.read(index)
            else { return notFound() }
            return Response(status: 200, headers: [("Content-Type", ContentType.of(index))], body: body)
        }
        guard (info.st_mode & S_IFMT) == S_IFREG, let body = Self.read(resolved) else { return notFound() }
        return Response(status: 200, headers: [("Content-Type", ContentType.of(resolved))], body: body)
    }

    /// 404 with the site's own `404.html` when it has one.
    private func notFound() -> Response {
        if let base = Self.canonical(root), let page = Self.canonical(base + "/404.html"), Self.isInside(page, base),
            let body = Self.read(page)
        {
            return Response(status: 404, headers: [("Content-Type", "text/html; charset=utf-8")], body: body)
        }
        return Self.plain(404, "not found\n")
    }

    static func plain(_ status: Int, _ text: String) -> Response {
        Response(status: status, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Array(text.utf8))
    }

    static let unsubscribed = """
        <!doctype html><html lang="en"><meta charset="utf-8"><title>Unsubscribed</title>\
        <p>You are unsubscribed. (vitrine serve: a local preview; the request is in logs/access.log.)</p></html>

        """

    static let trackingOff = """
        <!doctype html><html lang="en"><meta charset="utf-8"><title>Tracking off</title>\
        <p>Tracking is off for you. (vitrine serve: a local preview; the request is in logs/access.log.)</p></html>

        """

    static func split(_ target: String) -> (path: String, query: String?) {
        let withoutFragment = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let parts = withoutFragment.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        return (String(parts[0]), parts.count > 1 ? String(parts[1]) : nil)
    }

    /// RFC 3986 §2.1 percent-decoding; nil for a malformed escape or bytes that are not UTF-8.
    static func percentDecoded(_ text: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        func hex(_ byte: UInt8?) -> UInt8? {
            switch byte {
            case let b? where b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"): b - UInt8(ascii: "0")
            case let b? where b >= UInt8(ascii: "a") && b <= UInt8(ascii: "f"): b - UInt8(ascii: "a") + 10
            case let b? where b >= UInt8(ascii: "A") && b <= UInt8(ascii: "F"): b - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = hex(iterator.next()), let low = hex(iterator.next()) else { return nil }
                bytes.append(high << 4 | low)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    static func canonical(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func isInside(_ path: String, _ base: String) -> Bool {
        path == base || path.hasPrefix(base.hasSuffix("/") ? base : base + "/")
    }

    static func read(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }

    func log(_ remote: String, _ line: String, _ status: Int, _ bytes: Int, _ request: Request?) {
        accessLog?.append(
            address: remote, time: time(nil), requestLine: line, status: status, bytes: bytes,
            referer: request?.referer, userAgent: request?.userAgent)
    }
}
