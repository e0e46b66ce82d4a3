#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The message as it goes on the wire after DATA, built in one buffer that is reused from message to message.
///
/// The scans use memchr(3) for line ends and 8 bytes at a time for the high bit, so that a 29 KiB message costs
/// a few hundred calls rather than a Swift step per byte (which matters most in debug builds).
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
        let count = message.count
        var scan = Scan()
        let violation: Int? = message.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress, count > 0 else { return nil }
            if let bare = firstBareLineEnd(base, count: count) { return bare }
            scan.hasEightBit = hasHighBit(base, count: count)
            // Every line start is 0 or just after an LF; copy the runs between the periods that need a twin.
            var runStart = 0
            var lineStart = 0
            while lineStart < count {
                if base[lineStart] == UInt8(ascii: ".") {
                    output.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: lineStart - runStart))
                    output.append(UInt8(ascii: "."))
                    runStart = lineStart
                }
                guard let lf = memchr(base + lineStart, Int32(UInt8(ascii: "\n")), count - lineStart) else { break }
                lineStart = base.distance(to: lf.assumingMemoryBound(to: UInt8.self)) + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: count - runStart))
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

    /// The offset of the first CR not followed by LF or LF not preceded by CR, if any.
    static func firstBareLineEnd(_ base: UnsafePointer<UInt8>, count: Int) -> Int? {
        var bare: Int?
        var from = 0
        while from < count, let cr = memchr(base + from, Int32(UInt8(ascii: "\r")), count - from) {
            let index = base.distance(to: cr.assumingMemoryBound(to: UInt8.self))
            if index + 1 == count || base[index + 1] != UInt8(ascii: "\n") {
                bare = index
                break
            }
            from = index + 2
        }
        from = 0
        let end = bare ?? count
        while from < end, let lf = memchr(base + from, Int32(UInt8(ascii: "\n")), end - from) {
            let index = base.distance(to: lf.assumingMemoryBound(to: UInt8.self))
            if index == 0 || base[index - 1] != UInt8(ascii: "\r") { return index }
            from = index + 1
        }
        return bare
    }

    /// Whether any byte has its high bit set, 8 bytes at a time.
    static func hasHighBit(_ base: UnsafePointer<UInt8>, count: Int) -> Bool {
        let raw = UnsafeRawPointer(base)
        var any: UInt64 = 0
        var index = 0
        while index + 8 <= count {
            any |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            index += 8
        }
        while index < count {
            any |= UInt64(base[index])
            index += 1
        }
        return any & 0x8080_8080_8080_8080 != 0
    }
}
