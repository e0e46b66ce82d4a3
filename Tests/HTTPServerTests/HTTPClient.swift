import Foundation
import HTTPServer
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// A raw HTTP/1.1 client over a real socket: sends bytes as given, reads the responses back.
struct HTTPClient {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    let fd: Int32

    init(port: Int) throws {
        guard let fd = LoopbackSocket.connect(port: port) else { throw POSIXError(.ECONNREFUSED) }
        self.fd = fd
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    func close() { _ = Glibc.close(fd) }

    func send(_ text: String) {
        _ = Array(text.utf8).withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Reads `count` responses (bodies by Content-Length; none for HEAD when `head`).
    func responses(_ count: Int, head: Bool = false) -> [Response] {
        var buffer: [UInt8] = []
        var responses: [Response] = []
        while responses.count < count {
            if let (response, used) = Self.parse(buffer, head: head) {
                responses.append(response)
                buffer.removeFirst(used)
                continue
            }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let read = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if read <= 0 { break }
            buffer += chunk[..<read]
        }
        return responses
    }

    /// True when the server has closed the connection (a read returns end of file).
    func isClosedByServer() -> Bool {
        var byte: UInt8 = 0
        return recv(fd, &byte, 1, 0) == 0
    }

    static func parse(_ buffer: [UInt8], head: Bool) -> (Response, Int)? {
        let text = String(decoding: buffer, as: UTF8.self)
        guard let headEnd = text.range(of: "\r\n\r\n") else { return nil }
        let headText = text[..<headEnd.lowerBound]
        let headBytes = headText.utf8.count + 4
        var lines = headText.components(separatedBy: "\r\n")
        let status = Int(lines.removeFirst().split(separator: " ")[1])!
        var headers: [String: String] = [:]
        for line in lines {
            let parts = line.split(separator: ":", maxSplits: 1)
            headers[parts[0].lowercased()] = parts[1].trimmingCharacters(in: .whitespaces)
        }
        let length = head ? 0 : Int(headers["content-length"] ?? "0")!
        guard buffer.count >= headBytes + length else { return nil }
        let body = String(decoding: buffer[headBytes..<headBytes + length], as: UTF8.self)
        return (Response(status: status, headers: headers, body: body), headBytes + length)
    }

    /// One request on a new connection.
    static func request(_ port: Int, _ raw: String, head: Bool = false) throws -> Response? {
        let client = try HTTPClient(port: port)
        defer { client.close() }
        client.send(raw)
        return client.responses(1, head: head).first
    }
}
