#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One client connection: reads request heads, answers them in order, until the client or a rule closes it.
struct Connection {
    let fd: Int32
    let remote: String
    let server: StaticServer

    func serve() {
        defer { close(fd) }
        var timeout = timeval(tv_sec: 15, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer: [UInt8] = []
        buffer.reserveCapacity(4096)
        while true {
            // Read until the head's CRLF CRLF, within the bound.
            var headEnd: Int? = Self.headEnd(in: buffer)
            while headEnd == nil {
                if buffer.count > StaticServer.maximumHead {
                    answer(StaticServer.plain(431, "request head too large\n"), line: "-", request: nil, head: false)
                    return
                }
                guard receive(into: &buffer) else { return }
                headEnd = Self.headEnd(in: buffer)
            }
            let end = headEnd!
            if end > StaticServer.maximumHead {
                answer(StaticServer.plain(431, "request head too large\n"), line: "-", request: nil, head: false)
                return
            }
            let parsed = buffer.withUnsafeBytes { bytes in
                Result { () throws(Request.ParseError) in
                    try Request.parse(UnsafeRawBufferPointer(rebasing: bytes[..<end]))
                }
            }
            let firstLine = Self.firstLine(buffer, end: end)
            let request: Request
            switch parsed {
            case .success(let value): request = value
            case .failure(let error):
                let status = error == .unsupportedVersion ? 505 : 400
                answer(StaticServer.plain(status, "bad request\n"), line: firstLine, request: nil, head: false)
                return
            }
            buffer.removeFirst(end + 4)
            if request.chunked {
                answer(
                    StaticServer.plain(400, "chunked bodies are not accepted\n"), line: request.line, request: request,
                    head: false)
                return
            }
            if request.contentLength > StaticServer.maximumBody {
                answer(
                    StaticServer.plain(413, "request body too large\n"), line: request.line, request: request,
                    head: false)
                return
            }
            // Read and drop the body.
            while buffer.count < request.contentLength {
                guard receive(into: &buffer) else { return }
            }
            buffer.removeFirst(request.contentLength)

            let response = server.respond(to: request)
            let keepAlive = request.keepAlive && response.status < 400
            guard
                answer(
                    response, line: request.line, request: request, head: request.method == "HEAD", keepAlive: keepAlive
                ),
                keepAlive
            else { return }
        }
    }

    /// Sends the response; logs it. False when the connection is gone.
    @discardableResult
    private func answer(
        _ response: StaticServer.Response, line: String, request: Request?, head: Bool, keepAlive: Bool = false
    ) -> Bool {
        var text = "HTTP/1.1 \(response.status) \(StaticServer.reason(response.status))\r\n"
        for (name, value) in response.headers { text += "\(name): \(value)\r\n" }
        text += "Content-Length: \(response.body.count)\r\n"
        text += "Cache-Control: no-cache\r\nServer: vitrine\r\n"
        text += keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n"
        var bytes = Array(text.utf8)
        if !head { bytes += response.body }
        let sent = bytes.withUnsafeBytes { sendAll($0) }
        server.log(remote, line, response.status, head ? 0 : response.body.count, request)
        return sent
    }

    private func sendAll(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let result = send(fd, bytes.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
            if result < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += result
        }
        return true
    }

    private func receive(into buffer: inout [UInt8]) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 8192)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            buffer.append(contentsOf: chunk[..<count])
            return true
        }
    }

    static func headEnd(in buffer: [UInt8]) -> Int? {
        guard buffer.count >= 4 else { return nil }
        for index in 0...(buffer.count - 4)
        where buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13 && buffer[index + 3] == 10 {
            return index
        }
        return nil
    }

    static func firstLine(_ buffer: [UInt8], end: Int) -> String {
        let lineEnd = buffer[..<end].firstIndex(of: 13) ?? end
        return String(decoding: buffer[..<lineEnd], as: UTF8.self)
    }
}
