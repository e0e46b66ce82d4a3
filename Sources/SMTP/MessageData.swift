#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The message as it goes on the wire after DATA: the message's own bytes when no line needs a period added (the
/// common case: nothing is copied), else a dot-stuffed copy built in a buffer reused from message to message.
///
/// The scan is one loop the compiler vectorizes; the stuffed copy (and the search for a bare CR or LF's offset) use
/// memchr(3) per line.
enum MessageData {
    /// What the scan of a message found.
    struct Scan {
        /// Any byte ≥ 0x80 (RFC 6152 8BITMIME needed).
        var hasEightBit = false
        /// Some line starts with a period: the wire form is a dot-stuffed copy.
        var needsStuffing = false
        /// The message ends with its line end (else the wire form adds CRLF before the final `.`).
        var endsWithLineFeed = true
    }

    /// A message as it goes on the wire after DATA: `content`, then `ending`.
    struct Wire {
        /// The message itself (its storage shared, not copied) when no line starts with a period, else its
        /// dot-stuffed copy.
        var content: [UInt8]
        var scan: Scan

        /// RFC 5321 §4.1.1.4: the mail data ends with `CRLF . CRLF`.
        var ending: [UInt8] { scan.endsWithLineFeed ? Self.end : Self.lineEndAndEnd }
        static let end: [UInt8] = Array(".\r\n".utf8)
        static let lineEndAndEnd: [UInt8] = Array("\r\n.\r\n".utf8)
    }

    /// The wire form of `message`: the message itself when it needs no period added (the common case: no copy), else
    /// its dot-stuffed copy made in `stuffed`. Throws on a bare CR or LF.
    ///
    /// RFC 5321 §4.5.2: before sending a line, the client checks its first character; if it is a period, one more
    /// period is inserted at the start of the line. §4.1.1.4: the mail data ends with `CRLF . CRLF`, so a message
    /// without a final CRLF gets one (`Wire.ending`). §2.3.8: CR and LF appear only together as CRLF; a bare one is
    /// refused here rather than sent, since servers differ in what they make of it.
    static func wire(_ message: [UInt8], stuffed: inout [UInt8]) throws(SMTPError) -> Wire {
        let scan = try check(message)
        guard scan.needsStuffing else { return Wire(content: message, scan: scan) }
        stuffed.removeAll(keepingCapacity: true)
        appendStuffed(message, to: &stuffed)
        return Wire(content: stuffed, scan: scan)
    }

    /// Scans `message` for what its wire form needs (§4.5.2 periods, the final line end, 8-bit bytes); throws on a
    /// bare CR or LF (§2.3.8).
    ///
    /// One pass compares each byte with the one before it: a byte is LF exactly when the one before it is CR,
    /// unless a CR or LF is bare; a period after an LF starts a line. The loop is written for the vectorizer (flags
    /// as bytes, OR-ed, no branch): 3–4 µs for a 29 KiB message in release builds, where a SWAR count of CRs and a
    /// memchr(3) per line took 14. Only a message with a bare CR or LF is scanned again for the offset of the first.
    static func check(_ message: [UInt8]) throws(SMTPError) -> Scan {
        var scan = Scan()
        let violation: Int? = message.withUnsafeBufferPointer { buffer -> Int? in
            guard let start = buffer.baseAddress, !buffer.isEmpty else { return nil }
            let count = buffer.count
            var mismatched: UInt8 = 0
            var periods: UInt8 = 0
            var bits = start[0]
            let current = UnsafeBufferPointer(start: start + 1, count: count - 1)
            let previous = UnsafeBufferPointer(start: start, count: count - 1)
            for index in 0..<(count - 1) {
                let (byte, before) = (current[index], previous[index])
                let lineFeed: UInt8 = byte == UInt8(ascii: "\n") ? 1 : 0
                let afterCarriageReturn: UInt8 = before == UInt8(ascii: "\r") ? 1 : 0
                let period: UInt8 = byte == UInt8(ascii: ".") ? 1 : 0
                let afterLineFeed: UInt8 = before == UInt8(ascii: "\n") ? 1 : 0
                mismatched |= lineFeed ^ afterCarriageReturn
                periods |= period & afterLineFeed
                bits |= byte
            }
            scan.needsStuffing = periods != 0 || start[0] == UInt8(ascii: ".")
            scan.hasEightBit = bits >= 0x80
            scan.endsWithLineFeed = start[count - 1] == UInt8(ascii: "\n")
            // The first byte has nothing before it, the last nothing after it.
            let bad = mismatched != 0 || start[0] == UInt8(ascii: "\n") || start[count - 1] == UInt8(ascii: "\r")
            return bad ? firstViolation(start, count: count) : nil
        }
        if let violation {
            throw SMTPError(.protocolViolation("the message has a bare CR or LF at byte \(violation)"))
        }
        return scan
    }

    /// The offset of the first bare CR or LF (there is one): one memchr(3) per line for LFs that do not follow a
    /// CR, and CRs counted 8 bytes at a time. When every LF follows a CR and there are as many CRs as LFs, no CR
    /// is bare either: each LF accounts for the CR before it.
    static func firstViolation(_ base: UnsafePointer<UInt8>, count: Int) -> Int? {
        let (carriageReturns, _) = countCarriageReturns(base, count: count)
        var lineFeeds = 0
        var lineStart = 0
        while lineStart < count {
            guard let lf = memchr(base + lineStart, Int32(UInt8(ascii: "\n")), count - lineStart) else { break }
            let index = base.distance(to: lf.assumingMemoryBound(to: UInt8.self))
            if index == 0 || base[index - 1] != UInt8(ascii: "\r") {
                return firstBareCarriageReturn(base, count: index).map { min($0, index) } ?? index
            }
            lineFeeds += 1
            lineStart = index + 1
        }
        if carriageReturns != lineFeeds { return firstBareCarriageReturn(base, count: count) }
        return nil
    }

    /// Appends `message` with a second period before each line's first one (the message was checked).
    private static func appendStuffed(_ message: [UInt8], to output: inout [UInt8]) {
        message.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let count = buffer.count
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
        }
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
