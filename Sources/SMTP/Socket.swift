#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A non-blocking TCP socket where every wait is a poll(2) with a deadline, so that no step blocks forever.
/// Received bytes collect in `input`; `consume` drops what a parsed reply spanned.
final class Socket {
    private(set) var fd: Int32 = -1
    private var input: [UInt8] = []
    private var inputStart = 0
    /// Bytes were written since the last read.
    private var wrote = false
    /// Where recv(2) writes, before the bytes join `input`.
    private let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 4096, alignment: 8)

    var isOpen: Bool { fd >= 0 }

    /// Resolves `endpoint` and connects to the first address that answers within `timeout` in all.
    init(endpoint: SMTPEndpoint, timeout: Duration) throws(SMTPError) {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(endpoint.host, String(endpoint.port), &hints, &list) == 0, let first = list else {
            throw SMTPError(.cannotResolve)
        }
        defer { freeaddrinfo(list) }
        let deadline = Deadline(after: timeout)
        var lastError: Int32 = ECONNREFUSED
        var candidate: UnsafeMutablePointer<addrinfo>? = first
        while let info = candidate {
            candidate = info.pointee.ai_next
            let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            guard fd >= 0 else {
                lastError = errno
                continue
            }
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            var result = connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen)
            if result != 0 && (errno == EINPROGRESS || errno == EINTR) {
                // A non-blocking connect finishes when the socket becomes writable; SO_ERROR tells how.
                switch Socket.wait(fd, for: Int16(POLLOUT), deadline: deadline) {
                case .ready:
                    var error: Int32 = 0
                    var length = socklen_t(MemoryLayout<Int32>.size)
                    getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length)
                    result = error == 0 ? 0 : -1
                    errno = error
                case .timedOut:
                    Socket.closeDescriptor(fd)
                    throw SMTPError(.timedOut(step: "connect"))
                case .failed(let error):
                    result = -1
                    errno = error
                }
            }
            if result == 0 {
                // Commands are small writes answered before the next one: Nagle would only delay them.
                var one: Int32 = 1
                setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
                self.fd = fd
                input.reserveCapacity(4096)
                return
            }
            lastError = errno
            Socket.closeDescriptor(fd)
        }
        throw SMTPError(.cannotConnect(errno: lastError))
    }

    deinit {
        close()
        scratch.deallocate()
    }

    func close() {
        if fd >= 0 {
            Socket.closeDescriptor(fd)
            fd = -1
        }
    }

    private static func closeDescriptor(_ fd: Int32) {
        #if canImport(Glibc)
            _ = Glibc.close(fd)
        #else
            _ = Darwin.close(fd)
        #endif
    }

    /// Writes every byte; each wait for room in the send buffer may last `timeout`. MSG_NOSIGNAL: a closed peer is
    /// an EPIPE error here, not a SIGPIPE that kills the process.
    func write(_ bytes: UnsafeRawBufferPointer, timeout: Duration, step: String) throws(SMTPError) {
        try write(bytes, UnsafeRawBufferPointer(start: nil, count: 0), timeout: timeout, step: step)
    }

    /// Writes `first`, then `second`, with sendmsg(2): one system call for both while the send buffer has room, so
    /// that a message's body goes out with the commands after it without being copied next to them.
    func write(
        _ first: UnsafeRawBufferPointer, _ second: UnsafeRawBufferPointer, timeout: Duration, step: String
    ) throws(SMTPError) {
        guard fd >= 0 else { throw SMTPError(.connectionClosed(step: step)) }
        let total = first.count + second.count
        var done = 0
        while done < total {
            var vectors = (iovec(), iovec())
            var count = 1
            if done < first.count {
                vectors.0 = iovec(
                    iov_base: UnsafeMutableRawPointer(mutating: first.baseAddress! + done), iov_len: first.count - done)
                if !second.isEmpty {
                    vectors.1 = iovec(
                        iov_base: UnsafeMutableRawPointer(mutating: second.baseAddress!), iov_len: second.count)
                    count = 2
                }
            } else {
                let at = done - first.count
                vectors.0 = iovec(
                    iov_base: UnsafeMutableRawPointer(mutating: second.baseAddress! + at), iov_len: second.count - at)
            }
            let sent = withUnsafeMutablePointer(to: &vectors) { pointer in
                pointer.withMemoryRebound(to: iovec.self, capacity: 2) { iov in
                    var header = msghdr()
                    header.msg_iov = iov
                    header.msg_iovlen = count
                    return sendmsg(fd, &header, Int32(MSG_NOSIGNAL))
                }
            }
            if sent > 0 {
                done += sent
                wrote = true
                continue
            }
            let error = errno
            if sent < 0 && error == EINTR { continue }
            if sent < 0 && (error == EAGAIN || error == EWOULDBLOCK) {
                switch Socket.wait(fd, for: Int16(POLLOUT), deadline: Deadline(after: timeout)) {
                case .ready: continue
                case .timedOut: throw fail(.timedOut(step: step))
                case .failed(let error): throw fail(Socket.reason(error, step: step))
                }
            }
            throw fail(Socket.reason(error, step: step))
        }
    }

    /// `first` then `second` (see above), from arrays.
    func write(_ first: [UInt8], _ second: ArraySlice<UInt8>, timeout: Duration, step: String) throws(SMTPError) {
        // withUnsafeBytes rethrows an untyped error; the closure throws only SMTPError.
        var failure: SMTPError?
        first.withUnsafeBytes { firstBytes in
            second.withUnsafeBytes { secondBytes in
                do throws(SMTPError) {
                    try write(firstBytes, secondBytes, timeout: timeout, step: step)
                } catch {
                    failure = error
                }
            }
        }
        if let failure { throw failure }
    }

    func write(_ bytes: [UInt8], timeout: Duration, step: String) throws(SMTPError) {
        // withUnsafeBytes rethrows an untyped error; the closure throws only SMTPError.
        var failure: SMTPError?
        bytes.withUnsafeBytes { raw in
            do throws(SMTPError) {
                try write(raw, timeout: timeout, step: step)
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
    }

    /// The next complete reply, reading as needed until `timeout` has passed.
    func readReply(timeout: Duration, step: String) throws(SMTPError) -> SMTPReply {
        let deadline = Deadline(after: timeout)
        while true {
            if inputStart < input.count {
                let parsed: (reply: SMTPReply, length: Int)?
                do {
                    parsed = try input.withUnsafeBufferPointer { (buffer) throws(SMTPError) in
                        try ReplyParser.parse(UnsafeBufferPointer(rebasing: buffer[inputStart...]))
                    }
                } catch {
                    throw fail(error.reason)
                }
                if let parsed {
                    inputStart += parsed.length
                    if inputStart == input.count {
                        input.removeAll(keepingCapacity: true)
                        inputStart = 0
                    }
                    return parsed.reply
                }
            }
            try fill(deadline: deadline, step: step)
        }
    }

    /// Appends what the socket has (at least one byte) to `input`.
    private func fill(deadline: Deadline, step: String) throws(SMTPError) {
        guard fd >= 0 else { throw SMTPError(.connectionClosed(step: step)) }
        if inputStart > 0 {
            input.removeFirst(inputStart)
            inputStart = 0
        }
        // Just after a write, the answer cannot be there yet (the peer has to read what was written first): wait for
        // it before the first recv(2) rather than after one that fails with EAGAIN, a system call a message saved.
        if wrote {
            wrote = false
            switch Socket.wait(fd, for: Int16(POLLIN), deadline: deadline) {
            case .ready: break
            case .timedOut: throw fail(.timedOut(step: step))
            case .failed(let error): throw fail(Socket.reason(error, step: step))
            }
        }
        while true {
            let received = recv(fd, scratch.baseAddress!, scratch.count, 0)
            if received > 0 {
                input.append(contentsOf: UnsafeRawBufferPointer(rebasing: scratch[..<received]))
                return
            }
            if received == 0 { throw fail(.connectionClosed(step: step)) }
            let error = errno
            if error == EINTR { continue }
            if error == EAGAIN || error == EWOULDBLOCK {
                switch Socket.wait(fd, for: Int16(POLLIN), deadline: deadline) {
                case .ready: continue
                case .timedOut: throw fail(.timedOut(step: step))
                case .failed(let error): throw fail(Socket.reason(error, step: step))
                }
            }
            throw fail(Socket.reason(error, step: step))
        }
    }

    /// Closes the socket (its state is unknown after a failure) and returns the error to throw.
    private func fail(_ reason: SMTPError.Reason) -> SMTPError {
        close()
        return SMTPError(reason)
    }

    private static func reason(_ error: Int32, step: String) -> SMTPError.Reason {
        switch error {
        case EPIPE, ECONNRESET, ENOTCONN, ESHUTDOWN: .connectionClosed(step: step)
        case ETIMEDOUT: .timedOut(step: step)
        default: .ioFailed(step: step, errno: error)
        }
    }

    enum Wait {
        case ready, timedOut
        case failed(Int32)
    }

    /// poll(2) until `events` (or an error or hang-up, which the next call reports) or the deadline; EINTR retries
    /// with the time left.
    static func wait(_ fd: Int32, for events: Int16, deadline: Deadline) -> Wait {
        while true {
            let left = deadline.millisecondsLeft
            if left <= 0 { return .timedOut }
            var descriptor = pollfd(fd: fd, events: events, revents: 0)
            let result = poll(&descriptor, 1, Int32(clamping: left))
            if result > 0 { return .ready }
            if result == 0 { return .timedOut }
            if errno != EINTR { return .failed(errno) }
        }
    }
}

/// A point on the monotonic clock.
struct Deadline {
    private let end: ContinuousClock.Instant

    init(after duration: Duration) {
        end = .now + duration
    }

    var millisecondsLeft: Int {
        let left = ContinuousClock.now.duration(to: end)
        return left <= .zero ? 0 : left.milliseconds
    }
}
