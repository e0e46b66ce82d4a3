/// Messages streamed over one session (RFC 2920 §3.1): "the actual transfer of message content is explicitly allowed
/// to be the first command in a group", so a message's body, its final `.`, and the next message's MAIL, RCPT and
/// DATA go out in one write, and their replies come back in one read. One round trip per message instead of two,
/// and half the wake-ups on both sides.
///
/// The caller drives it: `queueTransaction` (nothing is written yet), `exchange` (writes what is queued, then reads
/// the reply to the message in flight and the replies of the queued transaction), `queueMessage` once a
/// transaction is `.ready`, and `exchange` again. Only for servers that offer PIPELINING.
extension SMTPConnection {
    /// What became of a queued transaction once its MAIL, RCPT and DATA replies were read.
    public enum Opening: Sendable, Equatable {
        /// DATA got 354: `queueMessage` hands the message (RCPT outcomes are in the delivery).
        case ready(SMTPDelivery)
        /// The server refused MAIL; the transaction was reset.
        case senderRefused(SMTPReply)
        /// No recipient was accepted, or DATA was refused: the message is not sent (the delivery says why); the
        /// transaction was reset.
        case refused(SMTPDelivery)
        /// The session broke while the replies were read (a timeout, a closed connection): the transaction never
        /// carried its message, and the session is unusable. Reported here rather than thrown, so that the reply to
        /// the message before it, read in the same exchange, is not lost.
        case broken(SMTPError)
    }

    /// What one `exchange` learnt.
    public struct Exchange: Sendable, Equatable {
        /// The message that was in flight, with the reply to its final `.`.
        public var finished: SMTPDelivery?
        /// The transaction that was queued.
        public var opened: Opening?
    }

    /// Queues MAIL, RCPT for each recipient and DATA for a new transaction. Throws, with nothing queued, when the
    /// message cannot go over this session (too large, 8-bit without 8BITMIME, a bad address), or when the server
    /// does not offer PIPELINING or a transaction is already waiting for its replies or its message.
    public func queueTransaction(from sender: String, to recipients: [String], message: [UInt8]) throws(SMTPError) {
        guard capabilities.pipelining else {
            throw SMTPError(.protocolViolation("the server does not offer PIPELINING"))
        }
        guard opening == nil, ready == nil else {
            throw SMTPError(.protocolViolation("a transaction is already open"))
        }
        try prepare(from: sender, to: recipients, message: message)
        for recipient in recipients { append("RCPT TO:<", recipient, ">\r\n") }
        append("DATA\r\n")
        output.append(contentsOf: commands)
        readyWire = wire
        wire.content = []
        opening = recipients
    }

    /// Queues the message of the transaction that is `.ready` (its wire form was made by `queueTransaction`): its
    /// bytes are written from where they are, before its final `.` and whatever is queued after it.
    public func queueMessage() {
        guard let delivery = ready else { return }
        body = readyWire.content
        bodyOffset = output.count
        output.append(contentsOf: readyWire.ending)
        readyWire.content = []
        messageInFlight = delivery
        ready = nil
    }

    /// Writes what is queued, then reads the reply to the message in flight (if any) and the replies of the queued
    /// transaction (if any). Throws when the write or the message's reply fails (the caller then treats the message
    /// in flight as possibly delivered); a failure after that reply is the queued transaction's `.broken`.
    public func exchange() throws(SMTPError) -> Exchange {
        if !output.isEmpty {
            let carriesMessage = messageInFlight != nil
            let timeout = carriesMessage ? timeouts.dataBlock : timeouts.command
            let step = carriesMessage ? "message body" : "MAIL"
            if body.isEmpty {
                try socket.write(output, timeout: timeout, step: step)
            } else {
                // Commands queued before the body (none when streaming) go out first, on their own.
                if bodyOffset > 0 { try socket.write(Array(output[..<bodyOffset]), timeout: timeout, step: step) }
                try socket.write(body, output[bodyOffset...], timeout: timeout, step: step)
                // The caller's bytes are let go as soon as they are written, so its buffer can be reused.
                body = []
                bodyOffset = 0
            }
            output.removeAll(keepingCapacity: true)
        }
        var result = Exchange()
        if var delivery = messageInFlight {
            messageInFlight = nil
            delivery.dataReply = try socket.readReply(timeout: timeouts.dataTermination, step: "end of data")
            result.finished = delivery
        }
        if let recipients = opening {
            opening = nil
            do throws(SMTPError) {
                result.opened = try readOpening(recipients)
            } catch {
                result.opened = .broken(error)
            }
        }
        return result
    }

    /// The replies to MAIL, each RCPT and DATA, in order (RFC 2920 §3.1); a transaction that will not carry the
    /// message is ended here.
    private func readOpening(_ recipients: [String]) throws(SMTPError) -> Opening {
        let mail = try socket.readReply(timeout: timeouts.command, step: "MAIL")
        var delivery = SMTPDelivery()
        for (index, recipient) in recipients.enumerated() {
            let reply = try socket.readReply(timeout: timeouts.command, step: "RCPT \(index + 1)")
            record(reply, for: recipient, in: &delivery)
        }
        let data = try socket.readReply(timeout: timeouts.dataInitiation, step: "DATA")
        guard mail.isPositive else {
            try abandon(afterData: data)
            return .senderRefused(mail)
        }
        if delivery.accepted.isEmpty {
            try abandon(afterData: data)
            return .refused(delivery)
        }
        guard data.code == 354 else {
            delivery.dataReply = data
            try abandon(afterData: data)
            return .refused(delivery)
        }
        ready = delivery
        return .ready(delivery)
    }
}
