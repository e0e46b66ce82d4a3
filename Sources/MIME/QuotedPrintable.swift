#if canImport(Glibc)
    import Glibc
#endif

/// The quoted-printable content transfer encoding (RFC 2045 §6.7) for text bodies.
public enum QuotedPrintable {
    /// The longest encoded line, soft-break `=` included (RFC 2045 §6.7 rule 5).
    static let lineLimit = 76

    /// Appends the encoding of a UTF-8 text to `output`.
    ///
    /// LF and CRLF both become hard line breaks (CRLF); a bare CR is data (`=0D`). Besides what RFC 2045 requires
    /// (`=` as `=3D`, controls and bytes ≥ 0x7F encoded, white space before a line end encoded, lines of at most 76
    /// characters with soft breaks that never split an `=XX`), a `.` at the start of a line is written `=2E` and a
    /// `From ` as `=46rom `, so that neither SMTP dot-stuffing nor an mbox writer ever needs to touch the output.
    public static func encode(_ body: some Sequence<UInt8>, into output: inout [UInt8]) {
        let done: Void? = body.withContiguousStorageIfAvailable { bytes in encode(bytes, into: &output) }
        if done == nil { Array(body).withUnsafeBufferPointer { bytes in encode(bytes, into: &output) } }
    }

    static func encode(_ input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        // The worst case: every byte as =XX, and a soft break for every 72 characters of that.
        let bound = input.count * 3 + input.count / 24 * 3 + 8
        let start = output.count
        output.append(contentsOf: repeatElement(0, count: bound))
        let written = output.withUnsafeMutableBufferPointer { buffer in
            pieces.withUnsafeBufferPointer { pieces in
                encode(input, into: UnsafeMutableBufferPointer(rebasing: buffer[start...]), pieces: pieces.baseAddress!)
            }
        }
        output.removeLast(bound - written)
    }

    /// What each byte is written as when nothing but its value decides (rules 1 and 2; white space as itself, which
    /// rule 3 overrides at a line's end): its bytes in the low three bytes, in memory order, and their count in the
    /// high byte. Entries 256…511 are each byte's `=XY` escape. A piece is stored as four bytes at once (the buffer
    /// holds the worst case and more), and the count moves past what it needs.
    static let pieces: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 512)
        for byte in 0..<256 {
            let escape =
                UInt32(UInt8(ascii: "=")) | UInt32(upperHex(UInt8(byte >> 4))) << 8
                | UInt32(upperHex(UInt8(byte & 0x0F))) << 16 | 3 << 24
            table[256 + byte] = escape
            switch byte {
            case 33...60, 62...126, 0x20, 0x09: table[byte] = UInt32(byte) | 1 << 24
            default: table[byte] = escape
            }
        }
        return table
    }()

    /// Writes the encoding of `input` at the start of `out`, which holds the worst case; returns the count written.
    ///
    /// Line by line: a hard break is found first, so only the line's last byte needs the white-space and last-piece
    /// rules, and runs of literal bytes are copied a word at a time.
    private static func encode(
        _ input: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>,
        pieces: UnsafePointer<UInt32>
    ) -> Int {
        let count = input.count
        guard count > 0, let base = input.baseAddress, let target = out.baseAddress else { return 0 }
        let limit = lineLimit - 1
        var at = 0
        var lineStart = 0
        while lineStart < count {
            // The line's content ends before LF, or before CR LF; a bare CR is data.
            let lineFeed =
                memchr(base + lineStart, 0x0A, count - lineStart).map {
                    UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base
                } ?? count
            let contentEnd =
                lineFeed < count && lineFeed > lineStart && base[lineFeed - 1] == 0x0D ? lineFeed - 1 : lineFeed
            let last = contentEnd - 1
            var column = 0
            var index = lineStart
            while index < contentEnd {
                // Eight bytes at a time while they are all literal and fit on the line: most of an HTML body. Not
                // at column 0 (the "." and "From " rule), and never the line's last byte, so a space in the word is
                // not at the line's end and stays literal (rule 3). All eight are written; the literal ones before
                // the first that is not, before the line's last byte and before column 75 (rule 5) are kept. The
                // buffer holds the worst case, so the extra bytes are overwritten later, never out of bounds; the
                // eight read may pass the line's end (never the input's), and those past it are not kept.
                if column > 0 {
                    while index < last && index + 8 <= count && column < limit {
                        let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                        UnsafeMutableRawPointer(target + at).storeBytes(of: word, as: UInt64.self)
                        let literal = min(literalPrefix(word), limit - column, last - index)
                        at += literal
                        column += literal
                        index += literal
                        if literal != 8 { break }
                    }
                }
                // A run of 8-bit bytes (a word in Greek or Persian): each is =XX, with only the line length to check
                // while the run does not reach the line's last byte.
                while index < last && base[index] >= 0x80 {
                    if column > limit - 3 {
                        softBreak(target, at: &at)
                        column = 0
                    }
                    UnsafeMutableRawPointer(target + at).storeBytes(
                        of: pieces[Int(base[index])].littleEndian, as: UInt32.self)
                    at += 3
                    column += 3
                    index += 1
                }
                let byte = base[index]
                var piece = pieces[Int(byte)]
                // Rule 3: white space is literal unless it would end a line.
                if index == last && (byte == 0x20 || byte == 0x09) { piece = pieces[256 + Int(byte)] }
                var width = Int(piece >> 24)
                // Rule 5: at most 76 characters a line; a soft break `=` takes one, so 75 before it, or 76 for the
                // last piece of a line, which needs no soft break.
                if column + width > limit && !(index == last && column + width <= lineLimit) {
                    softBreak(target, at: &at)
                    column = 0
                }
                if column == 0 && width == 1 {
                    // Robustness beyond the RFC: no line starts with "." or "From ".
                    if byte == UInt8(ascii: ".")
                        || byte == UInt8(ascii: "F") && index + 4 < count && base[index + 1] == UInt8(ascii: "r")
                            && base[index + 2] == UInt8(ascii: "o") && base[index + 3] == UInt8(ascii: "m")
                            && base[index + 4] == UInt8(ascii: " ")
                    {
                        piece = pieces[256 + Int(byte)]
                        width = 3
                    }
                }
                UnsafeMutableRawPointer(target + at).storeBytes(of: piece.littleEndian, as: UInt32.self)
                at += width
                column += width
                index += 1
            }
            // The hard break, LF or CR LF, as CRLF.
            if lineFeed < count {
                target[at] = 0x0D
                target[at + 1] = 0x0A
                at += 2
            }
            lineStart = lineFeed + 1
        }
        return at
    }

    /// How many of the bytes of `word`, in memory order, stand for themselves before the first that does not, when
    /// none ends the line (rule 2: `!` to `~` but `=`; rule 3: a space): 8 when all do. By the classic "has a byte
    /// less than n" and "has a zero byte" bit tricks: a byte ≥ 0x80, below 0x20, 0x7F or `=` sets its high bit. A
    /// borrow can only flag bytes above a flagged one, so the lowest flag is exact. A tab is left to the
    /// byte-by-byte path (rare in a body, and a control below 0x20).
    @inline(__always)
    static func literalPrefix(_ word: UInt64) -> Int {
        let word = UInt64(littleEndian: word)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let below32 = (word &- ones &* 32) & ~word & highs
        let delete = word ^ (ones &* 0x7F)
        let equals = word ^ (ones &* 0x3D)
        let zeroByte = ((delete &- ones) & ~delete | (equals &- ones) & ~equals) & highs
        return ((word & highs) | below32 | zeroByte).trailingZeroBitCount >> 3
    }

    /// A soft line break (`=` CRLF, rule 5) at `at`.
    @inline(__always)
    private static func softBreak(_ out: UnsafeMutablePointer<UInt8>, at: inout Int) {
        out[at] = UInt8(ascii: "=")
        out[at + 1] = 0x0D
        out[at + 2] = 0x0A
        at += 3
    }

    @inline(__always)
    static func upperHex(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "A") - 10 + nibble
    }

    static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// The bytes of a quoted-printable text: soft breaks removed, `=XX` (either case) decoded, hard breaks as
    /// CRLF, and white space at the end of an encoded line dropped as rule 3 asks of decoders.
    public static func decode(_ encoded: some Sequence<UInt8>) throws(MIMEError) -> [UInt8] {
        let input = Array(encoded)
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var lineStart = 0
        while lineStart <= input.count {
            // One encoded line: up to LF (a CR before it is part of the break).
            var lineEnd = lineStart
            while lineEnd < input.count && input[lineEnd] != 0x0A { lineEnd += 1 }
            let hasBreak = lineEnd < input.count
            var contentEnd = lineEnd
            if hasBreak && contentEnd > lineStart && input[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            while contentEnd > lineStart && (input[contentEnd - 1] == 0x20 || input[contentEnd - 1] == 0x09) {
                contentEnd -= 1
            }
            var soft = false
            var index = lineStart
            while index < contentEnd {
                let byte = input[index]
                if byte == UInt8(ascii: "=") {
                    if index + 1 == contentEnd {
                        soft = true
                        break
                    }
                    guard index + 2 < contentEnd, let high = hexValue(input[index + 1]),
                        let low = hexValue(input[index + 2])
                    else { throw MIMEError(field: "quoted-printable", reason: .invalidEncoding) }
                    output.append(high << 4 | low)
                    index += 3
                } else {
                    guard byte < 0x80, byte >= 0x20 || byte == 0x09 || byte == 0x0D else {
                        throw MIMEError(field: "quoted-printable", reason: .invalidEncoding)
                    }
                    output.append(byte)
                    index += 1
                }
            }
            if hasBreak && !soft {
                output.append(0x0D)
                output.append(0x0A)
            }
            lineStart = lineEnd + 1
        }
        return output
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
