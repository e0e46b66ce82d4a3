/// The message as it goes on the wire after DATA, built in one buffer that is reused from message to message.
enum MessageData {
    /// What the scan of a message found.
    struct Scan {
        /// Any byte ≥ 0x80 (RFC 6152 8BITMIME needed).
        var hasEightBit = false
    }

    /// Appends `message` to `output`, dot-stuffed and terminated, and reports what it found.
    ///
    /// RFC 5321 §4.5.2: before sending a line, the client checks its first character; if it is a period, one more
    /// period is inserted at the start of the line. §4.1.1.4: the mail data ends with `CRLF . CRLF`, so a message
    /// without a final CRLF gets one. §2.3.8: CR and LF appear only together as CRLF; a bare one is refused here
    /// rather than sent, since servers differ in what they make of it.
    static func encode(_ message: [UInt8], into output: inout [UInt8]) throws(SMTPError) -> Scan {
        output.reserveCapacity(output.count + message.count + message.count / 64 + 5)
        var scan = Scan()
        let count = message.count
        let violation: Int? = message.withUnsafeBufferPointer { bytes -> Int? in
            var any: UInt8 = 0
            var runStart = 0
            var lineStart = true
            var index = 0
            while index < count {
                let byte = bytes[index]
                any |= byte
                switch byte {
                case UInt8(ascii: "."):
                    if lineStart {
                        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                        output.append(UInt8(ascii: "."))
                        runStart = index
                    }
                    lineStart = false
                case UInt8(ascii: "\r"):
                    guard index + 1 < count, bytes[index + 1] == UInt8(ascii: "\n") else { return index }
                    index += 1
                    lineStart = true
                case UInt8(ascii: "\n"):
                    return index
                default:
                    lineStart = false
                }
                index += 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count]))
            scan.hasEightBit = any & 0x80 != 0
            return nil
        }
        if let violation {
            throw SMTPError(.protocolViolation("the message has a bare CR or LF at byte \(violation)"))
        }
        if count > 0 && message[count - 1] != UInt8(ascii: "\n") {
            output.append(UInt8(ascii: "\r"))
            output.append(UInt8(ascii: "\n"))
        }
        output.append(UInt8(ascii: "."))
        output.append(UInt8(ascii: "\r"))
        output.append(UInt8(ascii: "\n"))
        return scan
    }
}
