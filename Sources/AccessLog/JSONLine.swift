import Glibc

/// A scanner for one flat JSON object (RFC 8259) of string, number, true/false/null values, as nginx's
/// `escape=json` writes. Strings without escapes are views into the line; escaped ones are decoded into the scratch
/// buffer, which never needs more room than the line (every escape decodes to fewer bytes than it takes).
enum JSONLine {
    static func parse(
        _ line: UnsafeBufferPointer<UInt8>, into record: inout LogRecord, scratch: UnsafeMutableBufferPointer<UInt8>
    ) -> LineProblem? {
        let p = line.baseAddress!
        let end = line.count
        var index = skipSpace(p, 0, end)
        guard index < end else { return .malformed }
        guard p[index] == UInt8(ascii: "{") else { return .malformed }
        index += 1
        var out = 0  // next free byte of scratch
        var fields = FieldSink()
        var first = true
        while true {
            index = skipSpace(p, index, end)
            guard index < end else { return .truncated }
            if p[index] == UInt8(ascii: "}") {
                guard first else { return .malformed }  // `{"a":1,}`
                break
            }
            guard p[index] == UInt8(ascii: "\"") else { return .malformed }
            // RFC 8259 §7: a key is a string; one with escapes is no key we know.
            let keyStart = index + 1
            var keyEnd = keyStart
            var keyEscaped = false
            while keyEnd < end, p[keyEnd] != UInt8(ascii: "\"") {
                if p[keyEnd] == UInt8(ascii: "\\") {
                    keyEscaped = true
                    keyEnd += 1
                }
                keyEnd += 1
            }
            guard keyEnd < end else { return .truncated }
            let field =
                keyEscaped ? .other : LogField(key: UnsafeBufferPointer(start: p + keyStart, count: keyEnd - keyStart))
            index = skipSpace(p, keyEnd + 1, end)
            guard index < end else { return .truncated }
            guard p[index] == UInt8(ascii: ":") else { return .malformed }
            index = skipSpace(p, index + 1, end)
            guard index < end else { return .truncated }
            let value: UnsafeBufferPointer<UInt8>
            if p[index] == UInt8(ascii: "\"") {
                let start = index + 1
                var close = start
                var escaped = false
                while close < end, p[close] != UInt8(ascii: "\"") {
                    if p[close] == UInt8(ascii: "\\") {
                        escaped = true
                        close += 1
                    } else if p[close] < 0x20 {
                        return .malformed
                    }
                    close += 1
                }
                guard close < end else { return .truncated }
                if escaped {
                    guard let decoded = decode(p, start, close, into: scratch, at: out) else { return .malformed }
                    value = UnsafeBufferPointer(start: scratch.baseAddress! + out, count: decoded)
                    out += decoded
                } else {
                    value = UnsafeBufferPointer(start: p + start, count: close - start)
                }
                index = close + 1
            } else {
                let start = index
                while index < end {
                    switch p[index] {
                    case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: " "), UInt8(ascii: "\t"): break
                    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"),
                        UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                        index += 1
                        continue
                    default: return .malformed
                    }
                    break
                }
                guard index > start else { return .malformed }
                let bare = UnsafeBufferPointer(start: p + start, count: index - start)
                value = isLiteral(bare, "null") ? LogRecord.none : bare
                if bare[0] >= UInt8(ascii: "a"), !isLiteral(bare, "null"), !isLiteral(bare, "true"),
                    !isLiteral(bare, "false")
                {
                    return .malformed
                }
            }
            if value.count > 0 || field == .status {
                guard fields.apply(field, value, to: &record) else { return .malformed }
            }
            first = false
            index = skipSpace(p, index, end)
            guard index < end else { return .truncated }
            if p[index] == UInt8(ascii: ",") {
                index += 1
                first = false
                continue
            }
            guard p[index] == UInt8(ascii: "}") else { return .malformed }
            break
        }
        index = skipSpace(p, index + 1, end)
        guard index == end else { return .malformed }
        fields.finish(&record, scratch: UnsafeMutableBufferPointer(rebasing: scratch[out...]))
        return nil
    }

    @inline(__always)
    private static func skipSpace(_ p: UnsafePointer<UInt8>, _ from: Int, _ end: Int) -> Int {
        var index = from
        while index < end {
            switch p[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"): index += 1
            default: return index
            }
        }
        return index
    }

    private static func isLiteral(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        bytes.count == word.utf8CodeUnitCount && memcmp(bytes.baseAddress!, word.utf8Start, bytes.count) == 0
    }

    /// RFC 8259 §7 escapes: `\" \\ \/ \b \f \n \r \t` and `\uXXXX`, a surrogate pair making one code point;
    /// written as UTF-8 at `scratch[at...]`. Returns the decoded length, nil for a bad escape.
    private static func decode(
        _ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, into scratch: UnsafeMutableBufferPointer<UInt8>,
        at: Int
    ) -> Int? {
        let out = scratch.baseAddress! + at
        var written = 0
        var index = start
        while index < end {
            let byte = p[index]
            guard byte == UInt8(ascii: "\\") else {
                out[written] = byte
                written += 1
                index += 1
                continue
            }
            guard index + 1 < end else { return nil }
            let escape = p[index + 1]
            index += 2
            let simple: UInt8
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): simple = escape
            case UInt8(ascii: "b"): simple = 0x08
            case UInt8(ascii: "f"): simple = 0x0C
            case UInt8(ascii: "n"): simple = 0x0A
            case UInt8(ascii: "r"): simple = 0x0D
            case UInt8(ascii: "t"): simple = 0x09
            case UInt8(ascii: "u"):
                guard var scalar = hex4(p, index, end) else { return nil }
                index += 4
                if scalar >= 0xD800 && scalar < 0xDC00 {
                    guard index + 1 < end, p[index] == UInt8(ascii: "\\"), p[index + 1] == UInt8(ascii: "u"),
                        let low = hex4(p, index + 2, end), low >= 0xDC00 && low < 0xE000
                    else { return nil }
                    index += 6
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if scalar >= 0xDC00 && scalar < 0xE000 {
                    return nil
                }
                written += encode(scalar, into: out + written)
                continue
            default: return nil
            }
            out[written] = simple
            written += 1
        }
        return written
    }

    private static func hex4(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> UInt32? {
        guard start + 4 <= end else { return nil }
        var value: UInt32 = 0
        for index in start..<(start + 4) {
            let byte = p[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    private static func encode(_ scalar: UInt32, into out: UnsafeMutablePointer<UInt8>) -> Int {
        switch scalar {
        case ..<0x80:
            out[0] = UInt8(scalar)
            return 1
        case ..<0x800:
            out[0] = UInt8(0xC0 | scalar >> 6)
            out[1] = UInt8(0x80 | scalar & 0x3F)
            return 2
        case ..<0x10000:
            out[0] = UInt8(0xE0 | scalar >> 12)
            out[1] = UInt8(0x80 | scalar >> 6 & 0x3F)
            out[2] = UInt8(0x80 | scalar & 0x3F)
            return 3
        default:
            out[0] = UInt8(0xF0 | scalar >> 18)
            out[1] = UInt8(0x80 | scalar >> 12 & 0x3F)
            out[2] = UInt8(0x80 | scalar >> 6 & 0x3F)
            out[3] = UInt8(0x80 | scalar & 0x3F)
            return 4
        }
    }
}
