/// A failure of an SMTP session. Messages name the step and the recipient's position, never an address or a
/// server's free text (which often echoes the address).
public struct SMTPError: Error, Equatable, CustomStringConvertible {
    public enum Reason: Equatable, Sendable {
        /// The endpoint text is not `host:port`, `[v6]:port` or `host`.
        case invalidEndpoint
        /// The host name resolved to no address.
        case cannotResolve
        /// Every address refused the connection; `errno` is the last connect(2) error.
        case cannotConnect(errno: Int32)
        /// The server did not answer (or take our bytes) within the step's timeout.
        case timedOut(step: String)
        /// The server closed the connection (or reset it) during the step.
        case connectionClosed(step: String)
        /// A read or write failed with another errno during the step.
        case ioFailed(step: String, errno: Int32)
        /// Bytes that break RFC 5321: a malformed reply, or a message or address we refuse to send.
        case protocolViolation(String)
        /// The server refused the session or the transaction (greeting, EHLO/HELO, MAIL, RSET).
        case rejected(SMTPReply)
        /// The message is larger than the server's announced SIZE limit (RFC 1870); nothing was sent.
        case messageTooLarge(limit: Int)
        /// The message has bytes ≥ 0x80 and the server does not offer 8BITMIME (RFC 6152); nothing was sent.
        case needs8BitMIME
    }

    public var reason: Reason

    public init(_ reason: Reason) {
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .invalidEndpoint: "SMTP: the endpoint is not host:port"
        case .cannotResolve: "SMTP: cannot resolve the server's host name"
        case .cannotConnect(let errno): "SMTP: cannot connect (errno \(errno))"
        case .timedOut(let step): "SMTP: timed out during \(step)"
        case .connectionClosed(let step): "SMTP: the server closed the connection during \(step)"
        case .ioFailed(let step, let errno): "SMTP: I/O error during \(step) (errno \(errno))"
        case .protocolViolation(let what): "SMTP: protocol violation: \(what)"
        case .rejected(let reply):
            "SMTP: the server refused with \(reply.code)\(reply.enhanced.map { " " + $0 } ?? "")"
        case .messageTooLarge(let limit): "SMTP: the message exceeds the server's limit of \(limit) bytes"
        case .needs8BitMIME: "SMTP: the message has 8-bit bytes and the server does not offer 8BITMIME"
        }
    }
}
