import Diagnostics

/// A streaming RFC 4180 reader over the bytes of one file.
///
/// Grammar (RFC 4180 §2, relaxed the way real exports need): records end in CRLF or LF (a lone CR too); the
/// last record may lack its line break; a field is either bare bytes without `"`, `,`, CR or LF, or a quoted
/// run where `""` stands for `"` and commas and line breaks are data. A UTF-8 byte order mark is skipped.
/// Fields are byte ranges into the source: the reader never builds a String unless asked.
public struct CSVReader: Sendable {
    public private(set) var source: SourceText
    public let separator: UInt8
    private var position: Int
    /// Where this reader stops (the end of the file, or of its slice of the file).
    private var end: Int
    /// Set once a record ends without a line break; the next call reports end of input.
    private var finished = false

    public init(source: SourceText, separator: UInt8 = UInt8(ascii: ",")) {
        self.source = source
        self.separator = separator
        let bytes = source.bytes
        self.position = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        self.end = bytes.count
    }

    /// The byte offset of the next record.
    public var offset: Int { position }

    /// The record that starts at `offset` (a record read before), for a message that needs one of its fields.
    public func record(at offset: Int) -> CSVRecord {
        var reader = self
        reader.position = offset
        reader.end = source.bytes.count
        reader.finished = false
        var record = CSVRecord()
        var ignored = DiagnosticEngine()
        _ = reader.next(into: &record, diagnostics: &ignored)
        return record
    }

    /// The same reader over its own copy of the bytes (see `SourceText.unshared`).
    public func unshared() -> CSVReader {
        var copy = self
        copy.source = source.unshared()
        return copy
    }

    /// Splits the rest of the input into at most `parts` readers of whole records, for parsing on several cores.
    /// A split falls on a line break outside quotes: an even number of `"` since the reader's position.
    public func split(into parts: Int) -> [CSVReader] {
        guard parts > 1, !finished, end - position > 1 << 20 else { return [self] }
        var readers: [CSVReader] = []
        var start = position
        var quotes = 0
        var scanned = position
        source.bytes.withUnsafeBufferPointer { bytes in
            for part in 1..<parts {
                let target = position + (end - position) * part / parts
                guard target > start else { continue }
                // Quotes are rare: memchr jumps from one to the next.
                while let found = bytes.firstIndex(of: UInt8(ascii: "\""), in: scanned..<max(scanned, target)) {
                    quotes += 1
                    scanned = found + 1
                }
                scanned = max(scanned, target)
                // Move to the next line break outside quotes.
                while scanned < end, !(bytes[scanned] == UInt8(ascii: "\n") && quotes % 2 == 0) {
                    if bytes[scanned] == UInt8(ascii: "\"") { quotes += 1 }
                    scanned += 1
                }
                guard scanned < end else { break }
                var piece = self
                piece.position = start
                piece.end = scanned + 1
                readers.append(piece)
                start = scanned + 1
                scanned += 1
            }
        }
        var last = self
        last.position = start
        readers.append(last)
        return readers
    }

    /// Reads the next record into `record`; false at the end of input. Syntax problems (an unterminated quote,
    /// bytes after a closing quote, a quote inside a bare field) are reported and the reader resynchronises
    /// at the next line.
    public mutating func next(into record: inout CSVRecord, diagnostics: inout DiagnosticEngine) -> Bool {
        record.fields.removeAll(keepingCapacity: true)
        if finished || position >= end { return false }
        record.startOffset = position
        let comma = separator
        let quote = UInt8(ascii: "\"")
        let cr = UInt8(ascii: "\r")
        let lf = UInt8(ascii: "\n")
        let separatorPattern = Self.everyByte(comma)
        var problem: (offset: Int, message: String)?
        var position = self.position
        let limit = end
        let endOfInput: Bool = source.bytes.withUnsafeBufferPointer { bytes in
            let count = limit
            while true {
                // One field.
                if position < count, bytes[position] == quote {
                    let open = position
                    position += 1
                    let start = position
                    var doubled = false
                    var closed = false
                    while position < count {
                        let byte = bytes[position]
                        if byte == quote {
                            if position + 1 < count, bytes[position + 1] == quote {
                                doubled = true
                                position += 2
                                continue
                            }
                            closed = true
                            break
                        }
                        position += 1
                    }
                    if !closed {
                        problem = problem ?? (open, "quoted field is never closed")
                        record.fields.append(
                            CSVField(start: start, end: count, isQuoted: true, hasDoubledQuotes: doubled))
                        position = count
                        return true
                    }
                    record.fields.append(
                        CSVField(start: start, end: position, isQuoted: true, hasDoubledQuotes: doubled))
                    position += 1  // closing quote
                    if position < count, bytes[position] != comma, bytes[position] != cr, bytes[position] != lf {
                        problem = problem ?? (position, "unexpected character after a closing quote")
                        while position < count, bytes[position] != comma, bytes[position] != cr,
                            bytes[position] != lf
                        {
                            position += 1
                        }
                    }
                } else {
                    let start = position
                    while true {
                        // Eight bytes at a time: the lowest marked byte is the first separator, line break or
                        // quote. Byte by byte only within eight bytes of the end.
                        if position + 8 <= count {
                            let word = UnsafeRawPointer(bytes.baseAddress! + position).loadUnaligned(as: UInt64.self)
                            let marks = Self.fieldEndMarks(
                                UInt64(littleEndian: word), separatorPattern: separatorPattern)
                            if marks == 0 {
                                position += 8
                                continue
                            }
                            position += marks.trailingZeroBitCount >> 3
                        } else {
                            while position < count, bytes[position] != comma, bytes[position] != lf,
                                bytes[position] != cr, bytes[position] != quote
                            {
                                position += 1
                            }
                            if position == count { break }
                        }
                        guard bytes[position] == quote else { break }
                        problem = problem ?? (position, "quote inside an unquoted field")
                        position += 1
                    }
                    record.fields.append(
                        CSVField(start: start, end: position, isQuoted: false, hasDoubledQuotes: false))
                }
                // What ends the field.
                if position >= count { return true }
                let byte = bytes[position]
                position += 1
                if byte == comma { continue }
                if byte == cr, position < count, bytes[position] == lf { position += 1 }
                return false
            }
        }
        self.position = position
        if endOfInput { finished = true }
        if let problem {
            diagnostics.error(problem.message, at: source.location(atOffset: problem.offset))
        }
        return true
    }

    /// `byte` in each of the eight bytes of a word.
    static func everyByte(_ byte: UInt8) -> UInt64 { 0x0101_0101_0101_0101 &* UInt64(byte) }

    /// The high bit of each byte of `word` (first byte lowest) that is the separator, LF, CR or a quote, exact up
    /// to the first such byte (SWAR: a byte equal to `b` is a zero byte of `word ^ b…b`, and
    /// `(v - 0x01…01) & ~v & 0x80…80` marks the lowest zero byte of `v` exactly; a borrow can only mark bytes above it).
    @inline(__always)
    static func fieldEndMarks(_ word: UInt64, separatorPattern: UInt64) -> UInt64 {
        @inline(__always) func zeroBytes(_ v: UInt64) -> UInt64 {
            (v &- 0x0101_0101_0101_0101) & ~v & 0x8080_8080_8080_8080
        }
        return zeroBytes(word ^ separatorPattern) | zeroBytes(word ^ 0x0A0A_0A0A_0A0A_0A0A)
            | zeroBytes(word ^ 0x0D0D_0D0D_0D0D_0D0D) | zeroBytes(word ^ 0x2222_2222_2222_2222)
    }

    /// The field's text, with doubled quotes unescaped. Invalid UTF-8 is repaired (it was reported by
    /// `UTF8Validation` already).
    public func string(_ field: CSVField) -> String {
        let bytes = source.bytes[field.start..<field.end]
        guard field.hasDoubledQuotes else { return String(decoding: bytes, as: UTF8.self) }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(field.count)
        var skipNext = false
        for byte in bytes {
            if skipNext {
                skipNext = false
                continue
            }
            unescaped.append(byte)
            if byte == UInt8(ascii: "\"") { skipNext = true }
        }
        return String(decoding: unescaped, as: UTF8.self)
    }

    /// The field's raw bytes (quotes removed, doubled quotes not unescaped): for numbers, dates and ids.
    public func bytes(_ field: CSVField) -> ArraySlice<UInt8> { source.bytes[field.start..<field.end] }

    /// Where the field starts (for a quoted field, its opening quote).
    public func location(of field: CSVField) -> SourceLocation {
        source.location(atOffset: field.isQuoted ? field.start - 1 : field.start)
    }
}
