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
    ///
    /// Two passes: one 8 bytes at a time (the high bit, and how many CRs), one memchr(3) per line (each LF must
    /// follow a CR; periods at line starts). When every LF follows a CR and there are as many CRs as LFs, no CR
    /// is bare either: each LF accounts for the CR before it.
    static func encode(_ message: [UInt8], into output: inout [UInt8]) throws(SMTPError) -> Scan {
        output.reserveCapacity(output.count + message.count + message.count / 64 + 5)
        let count = message.count
        var scan = Scan()
        let start = output.count
        let violation: Int? = message.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress, count > 0 else { return nil }
            let (carriageReturns, highBit) = countCarriageReturns(base, count: count)
            scan.hasEightBit = highBit
            var lineFeeds = 0
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
                let index = base.distance(to: lf.assumingMemoryBound(to: UInt8.self))
                if index == 0 || base[index - 1] != UInt8(ascii: "\r") {
                    return firstBareCarriageReturn(base, count: index).map { min($0, index) } ?? index
                }
                lineFeeds += 1
                lineStart = index + 1
            }
            if carriageReturns != lineFeeds { return firstBareCarriageReturn(base, count: count) }
            output.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: count - runStart))
            return nil
        }
        if let violation {
            output.removeSubrange(start...)
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

    /// The number of CR bytes, and whether any byte has its high bit set, 8 bytes at a time (SWAR, exact per byte).
    static func countCarriageReturns(_ base: UnsafePointer<UInt8>, count: Int) -> (Int, Bool) {
        let raw = UnsafeRawPointer(base)
        var any: UInt64 = 0
        var carriageReturns = 0
        var index = 0
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while index + 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            any |= word
            let x = word ^ (ones &* 0x0D)
            // A byte of x is zero (the byte was CR) when neither its low 7 bits (`(x & 0x7F…) + 0x7F…` sets the
            // high bit when they are not all zero, with no carry into the next byte) nor its high bit are set.
            let zero = ~(((x & ~highs) &+ ~highs) | x) & highs
            carriageReturns += zero.nonzeroBitCount
            index += 8
        }
        while index < count {
            any |= UInt64(base[index])
            if base[index] == UInt8(ascii: "\r") { carriageReturns += 1 }
            index += 1
        }
        return (carriageReturns, any & highs != 0)
    }

    /// The offset of the first CR not followed by LF.
    static func firstBareCarriageReturn(_ base: UnsafePointer<UInt8>, count: Int) -> Int? {
        var from = 0
        while from < count, let cr = memchr(base + from, Int32(UInt8(ascii: "\r")), count - from) {
            let index = base.distance(to: cr.assumingMemoryBound(to: UInt8.self))
            if index + 1 == count || base[index + 1] != UInt8(ascii: "\n") { return index }
            from = index + 2
        }
        return nil
    }
}
