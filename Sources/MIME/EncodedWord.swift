/// Encoded words (RFC 2047): non-ASCII text in headers as `=?utf-8?q?…?=` or `=?utf-8?b?…?=`.
///
/// Each word holds whole characters: the text is cut at grapheme cluster boundaries (so an emoji ZWJ sequence, a
/// flag or a letter with its combining mark stays in one word), and only a cluster too long for any word is cut
/// between scalars. Each word is therefore valid UTF-8 on its own. Per word, the shorter of Q and B is chosen: Q for
/// mostly-Latin text, B for Greek, Persian or emoji. Q uses only the characters RFC 2047 §5 rule 3 allows in a
/// phrase, so the same words serve display names and subjects.
public enum EncodedWord {
    /// RFC 2047 §2: an encoded word is at most 75 characters.
    public static let maxLength = 75

    /// `=?utf-8?q?` or `=?utf-8?b?` and `?=`.
    static let overhead = 12

    /// The encoded words of a text, each at most `maxLength` characters; decoding them (joined by any white space)
    /// gives the text back.
    public static func encode(_ text: String, maxLength: Int = maxLength) -> [String] {
        var splitter = Splitter(text)
        var words: [String] = []
        var word: [UInt8] = []
        while !splitter.isAtEnd {
            word.removeAll(keepingCapacity: true)
            splitter.next(maxLength: max(maxLength, 24), splitClusters: true, into: &word)
            words.append(String(decoding: word, as: UTF8.self))
        }
        return words
    }

    /// Appends `text` as encoded words, filling the folder's current line first and folding between words
    /// (white space between adjacent encoded words is not part of the text, RFC 2047 §6.2).
    static func append(_ text: String, folder: inout HeaderFolder, into output: inout [UInt8]) {
        var splitter = Splitter(text)
        var word: [UInt8] = []
        word.reserveCapacity(maxLength)
        while !splitter.isAtEnd {
            word.removeAll(keepingCapacity: true)
            // Less than 30 columns left is too little for a useful word: start the next line instead.
            let room = min(maxLength, folder.room)
            if room >= 30 || !folder.canFold, splitter.next(maxLength: room, splitClusters: false, into: &word) {
                folder.append(word, into: &output)
                continue
            }
            splitter.next(
                maxLength: folder.canFold ? maxLength : max(room, 24), splitClusters: true, into: &word)
            folder.append(word, into: &output)
        }
    }

    /// Cuts a text into encoded words.
    struct Splitter {
        let bytes: [UInt8]
        /// The UTF-8 offsets where grapheme clusters end, ascending; the last is `bytes.count`.
        let clusterEnds: [Int]
        var position = 0
        var cluster = 0

        init(_ text: String) {
            bytes = Array(text.utf8)
            var ends: [Int] = []
            ends.reserveCapacity(bytes.count)
            var offset = 0
            // Grapheme clusters (UAX #29) come from the standard library: a header is short, and the rules are
            // not worth a second implementation.
            for character in text {
                offset += character.utf8.count
                ends.append(offset)
            }
            clusterEnds = ends
        }

        var isAtEnd: Bool { position == bytes.count }

        /// Q costs 1 for a character allowed in a phrase word, 3 for `=XX`; space is `_`.
        @inline(__always)
        static func qWidth(_ byte: UInt8) -> Int {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "!"), UInt8(ascii: "*"), UInt8(ascii: "+"),
                UInt8(ascii: "-"), UInt8(ascii: "/"), 0x20:
                return 1
            default:
                return 3
            }
        }

        /// Appends the longest next word of whole clusters within `maxLength`; false when not even one cluster
        /// fits. With `splitClusters`, a cluster too long for a word is cut between scalars instead (maxLength ≥
        /// 24 always holds one scalar).
        @discardableResult
        mutating func next(maxLength: Int, splitClusters: Bool, into word: inout [UInt8]) -> Bool {
            let payload = maxLength - EncodedWord.overhead
            var qLength = 0
            var end = position
            var index = cluster
            while index < clusterEnds.count {
                let clusterEnd = clusterEnds[index]
                var q = qLength
                for offset in end..<clusterEnd { q += Self.qWidth(bytes[offset]) }
                let b = (clusterEnd - position + 2) / 3 * 4
                guard min(q, b) <= payload else { break }
                qLength = q
                end = clusterEnd
                index += 1
            }
            if end == position {
                guard splitClusters else { return false }
                // One cluster longer than a word: whole scalars (a scalar starts at a byte that is not 10xxxxxx).
                var offset = position
                let clusterEnd = clusterEnds[cluster]
                while offset < clusterEnd {
                    var scalarEnd = offset + 1
                    while scalarEnd < clusterEnd && bytes[scalarEnd] & 0xC0 == 0x80 { scalarEnd += 1 }
                    var q = qLength
                    for at in offset..<scalarEnd { q += Self.qWidth(bytes[at]) }
                    let b = (scalarEnd - position + 2) / 3 * 4
                    guard min(q, b) <= payload else { break }
                    qLength = q
                    offset = scalarEnd
                }
                end = offset
                if end == clusterEnd { index = cluster + 1 }
            }
            let bLength = (end - position + 2) / 3 * 4
            if qLength <= bLength {
                word.append(contentsOf: "=?utf-8?q?".utf8)
                for offset in position..<end {
                    let byte = bytes[offset]
                    if byte == 0x20 {
                        word.append(UInt8(ascii: "_"))
                    } else if Self.qWidth(byte) == 1 {
                        word.append(byte)
                    } else {
                        word.append(UInt8(ascii: "="))
                        word.append(QuotedPrintable.hexDigits[Int(byte >> 4)])
                        word.append(QuotedPrintable.hexDigits[Int(byte & 0x0F)])
                    }
                }
            } else {
                word.append(contentsOf: "=?utf-8?b?".utf8)
                Base64.append(bytes[position..<end], into: &word)
            }
            word.append(UInt8(ascii: "?"))
            word.append(UInt8(ascii: "="))
            position = end
            cluster = index
            return true
        }
    }
}

extension EncodedWord {
    /// The text of an unstructured header value (or a phrase) with its encoded words decoded: folding (CRLF before
    /// white space) is removed, white space between two adjacent encoded words is dropped (RFC 2047 §6.2), any
    /// other white space kept. Words in UTF-8, US-ASCII and ISO-8859-1 are read; text that only looks like an
    /// encoded word (bad syntax) stays as it is.
    public static func decode(_ header: String) throws(MIMEError) -> String {
        let field = "encoded word"
        var input: [UInt8] = []
        input.reserveCapacity(header.utf8.count)
        // Unfold (RFC 5322 §2.2.3): a line break followed by white space is removed.
        let raw = Array(header.utf8)
        var index = 0
        while index < raw.count {
            if raw[index] == 0x0D, index + 2 < raw.count, raw[index + 1] == 0x0A,
                raw[index + 2] == 0x20 || raw[index + 2] == 0x09
            {
                index += 2
                continue
            }
            if raw[index] == 0x0A, index + 1 < raw.count, raw[index + 1] == 0x20 || raw[index + 1] == 0x09 {
                index += 1
                continue
            }
            input.append(raw[index])
            index += 1
        }
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var pendingSpace: Range<Int>? = nil
        var afterWord = false
        index = 0
        while index < input.count {
            let byte = input[index]
            if byte == 0x20 || byte == 0x09 {
                let start = pendingSpace?.lowerBound ?? index
                pendingSpace = start..<(index + 1)
                index += 1
                continue
            }
            if byte == UInt8(ascii: "="), let word = try parseWord(input, at: index, field: field) {
                // §6.2: white space between adjacent encoded words is not displayed.
                if let space = pendingSpace, !afterWord { output.append(contentsOf: input[space]) }
                pendingSpace = nil
                output.append(contentsOf: word.text)
                afterWord = true
                index = word.end
                continue
            }
            if let space = pendingSpace { output.append(contentsOf: input[space]) }
            pendingSpace = nil
            output.append(byte)
            afterWord = false
            index += 1
        }
        if let space = pendingSpace { output.append(contentsOf: input[space]) }
        guard let text = String(validating: output, as: UTF8.self) else {
            throw MIMEError(field: field, reason: .invalidEncoding)
        }
        return text
    }

    /// `=?charset?encoding?text?=` at `start`, as UTF-8 bytes; nil when the syntax does not match.
    private static func parseWord(_ input: [UInt8], at start: Int, field: String) throws(MIMEError) -> (
        text: [UInt8], end: Int
    )? {
        guard start + 1 < input.count, input[start + 1] == UInt8(ascii: "?") else { return nil }
        var index = start + 2
        let charsetStart = index
        while index < input.count, input[index] != UInt8(ascii: "?") {
            guard input[index] > 0x20, input[index] < 0x7F else { return nil }
            index += 1
        }
        guard index + 2 < input.count, index > charsetStart, input[index + 2] == UInt8(ascii: "?") else {
            return nil
        }
        let charsetEnd = index
        let encoding = input[index + 1] | 0x20
        guard encoding == UInt8(ascii: "q") || encoding == UInt8(ascii: "b") else { return nil }
        index += 3
        let textStart = index
        while index + 1 < input.count, !(input[index] == UInt8(ascii: "?") && input[index + 1] == UInt8(ascii: "=")) {
            guard input[index] > 0x20, input[index] < 0x7F else { return nil }
            index += 1
        }
        guard index + 1 < input.count else { return nil }
        let text = input[textStart..<index]
        // RFC 2231 §5: a language may follow the charset after `*`.
        var charset = String(decoding: input[charsetStart..<charsetEnd], as: UTF8.self).lowercased()
        if let star = charset.firstIndex(of: "*") { charset = String(charset[..<star]) }
        var bytes: [UInt8]
        if encoding == UInt8(ascii: "b") {
            guard let decoded = Base64.decode(text) else { throw MIMEError(field: field, reason: .invalidEncoding) }
            bytes = decoded
        } else {
            bytes = []
            var at = text.startIndex
            while at < text.endIndex {
                let byte = text[at]
                if byte == UInt8(ascii: "_") {
                    bytes.append(0x20)
                    at += 1
                } else if byte == UInt8(ascii: "=") {
                    guard at + 2 < text.endIndex, let high = QuotedPrintable.hexValue(text[at + 1]),
                        let low = QuotedPrintable.hexValue(text[at + 2])
                    else { throw MIMEError(field: field, reason: .invalidEncoding) }
                    bytes.append(high << 4 | low)
                    at += 3
                } else {
                    bytes.append(byte)
                    at += 1
                }
            }
        }
        switch charset {
        // UTF-8 is checked once the whole value is decoded: a writer that cut a character between two adjacent
        // words is wrong, but its text is still readable.
        case "utf-8", "utf8":
            break
        case "us-ascii":
            guard !bytes.contains(where: { $0 >= 0x80 }) else {
                throw MIMEError(field: field, reason: .invalidEncoding)
            }
        case "iso-8859-1", "latin1":
            bytes = bytes.flatMap { Array(String(Unicode.Scalar($0)).utf8) }
        default:
            throw MIMEError(field: field, reason: .unsupportedCharset)
        }
        return (bytes, index + 2)
    }
}
