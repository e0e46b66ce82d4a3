/// One SMTP session over TCP (RFC 5321), without TLS or AUTH: meant for a relay on loopback or a private network.
/// It owns its socket; every wait has a timeout. Not for use from two threads at once.
public final class SMTPConnection {
    /// What the server offered in reply to EHLO.
    public private(set) var capabilities = SMTPCapabilities()
    /// The 220 greeting.
    public let greeting: SMTPReply

    let socket: Socket
    let timeouts: SMTPTimeouts
    /// Commands of one transaction, built in a buffer kept across messages; the message's wire form (the caller's
    /// bytes themselves unless a line needs a period added, which is done in `stuffed`).
    var commands: [UInt8] = []
    var wire = MessageData.Wire(content: [], scan: .init())
    var stuffed: [UInt8] = []
    /// The stream (SMTPConnection+Stream): bytes queued for the next write, and the message body that goes out
    /// before `output[bodyOffset...]` (its final `.` and what follows it); the transaction whose message is in them
    /// or on the wire, the recipients of the transaction whose replies are awaited, and the one that is ready.
    var output: [UInt8] = []
    var body: [UInt8] = []
    var bodyOffset = 0
    var messageInFlight: SMTPDelivery?
    var opening: [String]?
    var ready: SMTPDelivery?
    var readyWire = MessageData.Wire(content: [], scan: .init())

    /// Connects, reads the greeting and says EHLO (HELO when the server refuses EHLO with 5xx).
    public init(endpoint: SMTPEndpoint, clientName: String, timeouts: SMTPTimeouts = .init()) throws(SMTPError) {
        try Self.checkParameter(clientName, what: "the client name")
        self.timeouts = timeouts
        socket = try Socket(endpoint: endpoint, timeout: timeouts.connect)
        // §3.1: a 554 greeting refuses the session; the client should still say QUIT.
        greeting = try socket.readReply(timeout: timeouts.greeting, step: "greeting")
        guard greeting.code == 220 else {
            quit()
            throw SMTPError(.rejected(greeting))
        }
        try socket.write(Array("EHLO \(clientName)\r\n".utf8), timeout: timeouts.command, step: "EHLO")
        let ehlo = try socket.readReply(timeout: timeouts.command, step: "EHLO")
        if ehlo.isPositive {
            capabilities = SMTPCapabilities(ehlo: ehlo)
        } else if ehlo.isPermanent {
            // §3.2: a server that does not know EHLO answers 5xx; HELO then opens a plain session.
            try socket.write(Array("HELO \(clientName)\r\n".utf8), timeout: timeouts.command, step: "HELO")
            let helo = try socket.readReply(timeout: timeouts.command, step: "HELO")
            guard helo.isPositive else {
                quit()
                throw SMTPError(.rejected(helo))
            }
        } else {
            quit()
            throw SMTPError(.rejected(ehlo))
        }
        commands.reserveCapacity(1024)
    }

    deinit { socket.close() }

    /// Sends one message to its recipients. An RCPT refusal of one recipient never aborts the others; when every
    /// RCPT fails, no message is sent (RSET instead). Throws when the server refuses MAIL (after RSET), and on
    /// anything that leaves the session unusable (timeouts, a closed connection, a malformed reply).
    public func send(from sender: String, to recipients: [String], message: [UInt8]) throws(SMTPError) -> SMTPDelivery {
        if capabilities.pipelining {
            // RFC 2920 §3.1: MAIL, every RCPT and DATA go in one group; the replies come back in order.
            try queueTransaction(from: sender, to: recipients, message: message)
            switch try exchange().opened {
            case .senderRefused(let reply)?: throw SMTPError(.rejected(reply))
            case .broken(let error)?: throw error
            case .refused(let delivery)?: return delivery
            case .ready?, nil:
                queueMessage()
                let delivery = try exchange().finished ?? SMTPDelivery()
                if !delivery.isDelivered { try reset() }
                return delivery
            }
        }
        try prepare(from: sender, to: recipients, message: message)
        var delivery = SMTPDelivery()
        try socket.write(commands, timeout: timeouts.command, step: "MAIL")
        let mail = try socket.readReply(timeout: timeouts.command, step: "MAIL")
        guard mail.isPositive else {
            try abandon(afterData: nil)
            throw SMTPError(.rejected(mail))
        }
        for (index, recipient) in recipients.enumerated() {
            commands.removeAll(keepingCapacity: true)
            append("RCPT TO:<", recipient, ">\r\n")
            try socket.write(commands, timeout: timeouts.command, step: "RCPT \(index + 1)")
            let reply = try socket.readReply(timeout: timeouts.command, step: "RCPT \(index + 1)")
            record(reply, for: recipient, in: &delivery)
        }
        if delivery.accepted.isEmpty {
            try abandon(afterData: nil)
            return delivery
        }
        try socket.write(Array("DATA\r\n".utf8), timeout: timeouts.command, step: "DATA")
        let data = try socket.readReply(timeout: timeouts.dataInitiation, step: "DATA")
        guard data.code == 354 else {
            delivery.dataReply = data
            try abandon(afterData: data)
            return delivery
        }
        // The whole message and its terminator in one system call.
        try socket.write(wire.content, wire.ending[...], timeout: timeouts.dataBlock, step: "message body")
        wire.content = []
        let final = try socket.readReply(timeout: timeouts.dataTermination, step: "end of data")
        delivery.dataReply = final
        if !final.isPositive { try reset() }
        return delivery
    }

    /// Checks the addresses, makes the message's wire form (`wire`) and puts `MAIL FROM` (with its parameters) into
    /// `commands`; throws what makes the message unsendable on this session (before anything is written).
    func prepare(from sender: String, to recipients: [String], message: [UInt8]) throws(SMTPError) {
        try Self.checkAddress(sender, what: "the sender address", allowEmpty: true)
        for (index, recipient) in recipients.enumerated() {
            try Self.checkAddress(recipient, what: "recipient \(index + 1)", allowEmpty: false)
        }
        guard !recipients.isEmpty else { throw SMTPError(.protocolViolation("a message needs a recipient")) }
        wire = try MessageData.wire(message, stuffed: &stuffed)
        let scan = wire.scan
        // RFC 1870 §4: the size is the message's octets with CRLF line ends, before dot-stuffing.
        let size = message.count + (message.last == UInt8(ascii: "\n") || message.isEmpty ? 0 : 2)
        if let limit = capabilities.sizeLimit, size > limit { throw SMTPError(.messageTooLarge(limit: limit)) }
        if scan.hasEightBit && !capabilities.eightBitMIME { throw SMTPError(.needs8BitMIME) }
        let unicodeAddresses = ([sender] + recipients).contains { $0.utf8.contains { $0 >= 0x80 } }
        if unicodeAddresses && !capabilities.smtpUTF8 {
            throw SMTPError(.protocolViolation("an address is not ASCII and the server does not offer SMTPUTF8"))
        }
        // §4.1.1.2 MAIL FROM:<reverse-path> [SP Mail-parameters]; RFC 1870 SIZE=, RFC 6152 BODY=, RFC 6531 SMTPUTF8.
        commands.removeAll(keepingCapacity: true)
        append("MAIL FROM:<", sender, ">")
        if capabilities.size { append(" SIZE=", String(size)) }
        if scan.hasEightBit { append(" BODY=8BITMIME") }
        if unicodeAddresses { append(" SMTPUTF8") }
        append("\r\n")
    }

    /// RSET (§4.1.1.5): abandons the current transaction.
    public func reset() throws(SMTPError) {
        try socket.write(Array("RSET\r\n".utf8), timeout: timeouts.command, step: "RSET")
        let reply = try socket.readReply(timeout: timeouts.command, step: "RSET")
        guard reply.isPositive else { throw SMTPError(.rejected(reply)) }
    }

    /// QUIT (§4.1.1.10) and close; never throws, waits at most the command timeout (5 s at most) for the 221.
    public func quit() {
        guard socket.isOpen else { return }
        let wait = min(timeouts.command, .seconds(5))
        do {
            try socket.write(Array("QUIT\r\n".utf8), timeout: wait, step: "QUIT")
            _ = try socket.readReply(timeout: wait, step: "QUIT")
        } catch {
            // The session ends either way.
        }
        socket.close()
    }

    /// Ends a transaction that will not carry the message: a 354 (RFC 2920 §3.1, when DATA was accepted with
    /// no valid recipient) gets an empty message, whose reply is read and dropped, then RSET.
    func abandon(afterData data: SMTPReply?) throws(SMTPError) {
        if data?.code == 354 {
            try socket.write(Array(".\r\n".utf8), timeout: timeouts.dataBlock, step: "end of data")
            _ = try socket.readReply(timeout: timeouts.dataTermination, step: "end of data")
        }
        try reset()
    }

    func record(_ reply: SMTPReply, for recipient: String, in delivery: inout SMTPDelivery) {
        if reply.isPositive {
            delivery.accepted.append(recipient)
        } else if reply.isTransient {
            delivery.deferred.append(.init(recipient: recipient, reply: reply))
        } else {
            delivery.rejected.append(.init(recipient: recipient, reply: reply))
        }
    }

    func append(_ parts: String...) {
        for part in parts { commands.append(contentsOf: part.utf8) }
    }

    /// An address goes between '<' and '>' on a command line: no control byte, no angle bracket, no space.
    private static func checkAddress(_ address: String, what: String, allowEmpty: Bool) throws(SMTPError) {
        if address.isEmpty && !allowEmpty { throw SMTPError(.protocolViolation("\(what) is empty")) }
        for byte in address.utf8 {
            switch byte {
            case 0..<0x21, 0x7F, UInt8(ascii: "<"), UInt8(ascii: ">"):
                throw SMTPError(.protocolViolation("\(what) contains a forbidden byte"))
            default: continue
            }
        }
    }

    private static func checkParameter(_ text: String, what: String) throws(SMTPError) {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw SMTPError(.protocolViolation("\(what) is empty or has a space or control byte"))
        }
    }
}
