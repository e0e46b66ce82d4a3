/// The outcome of one `send`: each recipient's RCPT outcome and the reply to the message itself.
public struct SMTPDelivery: Sendable, Equatable {
    /// A recipient the server refused at RCPT, with its reply.
    public struct Refusal: Sendable, Equatable {
        public var recipient: String
        public var reply: SMTPReply

        public init(recipient: String, reply: SMTPReply) {
            self.recipient = recipient
            self.reply = reply
        }
    }

    /// Recipients the server took at RCPT (2xx). They have the message only when `isDelivered`.
    public var accepted: [String] = []
    /// Recipients refused with 4xx at RCPT: try them again later.
    public var deferred: [Refusal] = []
    /// Recipients refused with 5xx at RCPT: do not try them again.
    public var rejected: [Refusal] = []
    /// The reply to the final "." (or to DATA when it was refused); nil when no recipient was accepted.
    public var dataReply: SMTPReply?

    public init() {}

    /// True when the server took responsibility for the message for every `accepted` recipient.
    public var isDelivered: Bool { dataReply.map { $0.code / 100 == 2 } ?? false }
}
