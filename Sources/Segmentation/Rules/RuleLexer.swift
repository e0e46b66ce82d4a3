import TextFormats

/// Splits a rule into tokens, byte by byte.
///
///     token      = identifier | number | string | date | "(" | ")" | "[" | "]" | "," | operator
///     identifier = (letter | "_") (letter | digit | "_")*         and, or, not, in, true, false, days, ago are words
///     number     = ["-"] digit+ ["." digit+]
///     date       = digit{4} "-" digit{2} "-" digit{2}            a calendar date, checked (2026-02-30 is an error)
///     string     = '"' char* '"' | "'" char* "'"                   backslash escapes the quote and itself
///     operator   = "<" | "<=" | ">" | ">=" | "==" | "!="
struct RuleLexer {
    let bytes: [UInt8]

    init(_ text: String) { bytes = Array(text.utf8) }

    func tokens() -> Result<[RuleToken], RuleError> {
        var tokens: [RuleToken] = []
        var index = 0
        let count = bytes.count
        func peek(_ offset: Int) -> UInt8? { index + offset < count ? bytes[index + offset] : nil }
        while index < count {
            let byte = bytes[index]
            let start = index
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                index += 1
                continue
            case UInt8(ascii: "("): tokens.append(RuleToken(kind: .leftParen, start: start, end: start + 1))
            case UInt8(ascii: ")"): tokens.append(RuleToken(kind: .rightParen, start: start, end: start + 1))
            case UInt8(ascii: "["): tokens.append(RuleToken(kind: .leftBracket, start: start, end: start + 1))
            case UInt8(ascii: "]"): tokens.append(RuleToken(kind: .rightBracket, start: start, end: start + 1))
            case UInt8(ascii: ","): tokens.append(RuleToken(kind: .comma, start: start, end: start + 1))
            case UInt8(ascii: "<"), UInt8(ascii: ">"):
                let withEqual = peek(1) == UInt8(ascii: "=")
                let kind: RuleToken.Kind =
                    byte == UInt8(ascii: "<")
                    ? (withEqual ? .lessEqual : .less) : (withEqual ? .greaterEqual : .greater)
                index += withEqual ? 1 : 0
                tokens.append(RuleToken(kind: kind, start: start, end: index + 1))
            case UInt8(ascii: "="):
                guard peek(1) == UInt8(ascii: "=") else {
                    return .failure(RuleError("'=' is not an operator; write '==' to compare", at: start))
                }
                index += 1
                tokens.append(RuleToken(kind: .equal, start: start, end: index + 1))
            case UInt8(ascii: "!"):
                guard peek(1) == UInt8(ascii: "=") else {
                    return .failure(RuleError("'!' is not an operator; write 'not'", at: start))
                }
                index += 1
                tokens.append(RuleToken(kind: .notEqual, start: start, end: index + 1))
            case UInt8(ascii: "&"), UInt8(ascii: "|"):
                let word = byte == UInt8(ascii: "&") ? "and" : "or"
                let spelled = String(decoding: [byte] + (peek(1) == byte ? [byte] : []), as: UTF8.self)
                return .failure(RuleError("'\(spelled)' is not an operator; write '\(word)'", at: start))
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                switch string(from: start) {
                case .success(let (text, end)):
                    tokens.append(RuleToken(kind: .string(text), start: start, end: end))
                    index = end
                    continue
                case .failure(let error): return .failure(error)
                }
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."):
                switch number(from: start) {
                case .success(let token):
                    tokens.append(token)
                    index = token.end
                    continue
                case .failure(let error): return .failure(error)
                }
            default:
                guard Self.isIdentifierStart(byte) else {
                    return .failure(RuleError("unexpected character '\(character(at: start))'", at: start))
                }
                var end = start + 1
                while end < count, Self.isIdentifierStart(bytes[end]) || Self.isDigit(bytes[end]) { end += 1 }
                let name = String(decoding: bytes[start..<end], as: UTF8.self)
                tokens.append(RuleToken(kind: .identifier(name), start: start, end: end))
                index = end
                continue
            }
            index += 1
        }
        tokens.append(RuleToken(kind: .end, start: count, end: count))
        return .success(tokens)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_")
    }

    /// The whole UTF-8 character starting at `offset`, for messages.
    private func character(at offset: Int) -> String {
        var end = offset + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return String(decoding: bytes[offset..<end], as: UTF8.self)
    }

    private func string(from start: Int) -> Result<(String, Int), RuleError> {
        let quote = bytes[start]
        var content: [UInt8] = []
        var index = start + 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == quote { return .success((String(decoding: content, as: UTF8.self), index + 1)) }
            if byte == UInt8(ascii: "\\"), index + 1 < bytes.count {
                let next = bytes[index + 1]
                guard next == quote || next == UInt8(ascii: "\\") else {
                    return .failure(RuleError("unknown escape '\\\(character(at: index + 1))' in a string", at: index))
                }
                content.append(next)
                index += 2
                continue
            }
            content.append(byte)
            index += 1
        }
        return .failure(RuleError("unterminated string", at: start))
    }

    private func number(from start: Int) -> Result<RuleToken, RuleError> {
        var index = start
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        let digitsStart = index
        while index < bytes.count, Self.isDigit(bytes[index]) { index += 1 }
        guard index > digitsStart else {
            let spelled = character(at: start)
            return .failure(RuleError("unexpected character '\(spelled)'", at: start))
        }
        // A date: exactly 4 digits, '-', 2 digits, '-', 2 digits.
        if bytes[start] != UInt8(ascii: "-"), index - digitsStart == 4, index < bytes.count,
            bytes[index] == UInt8(ascii: "-")
        {
            return date(from: start)
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < bytes.count, Self.isDigit(bytes[index]) { index += 1 }
            guard index > fractionStart else {
                return .failure(RuleError("a number needs digits after '.'", at: start))
            }
        }
        if index < bytes.count, Self.isIdentifierStart(bytes[index]) {
            return .failure(RuleError("a number must be followed by a space or an operator", at: index))
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        return .success(RuleToken(kind: .number(Double(text) ?? 0), start: start, end: index))
    }

    private func date(from start: Int) -> Result<RuleToken, RuleError> {
        var end = start
        while end < bytes.count, Self.isDigit(bytes[end]) || bytes[end] == UInt8(ascii: "-") { end += 1 }
        let text = Array(bytes[start..<end])
        func value(_ range: Range<Int>) -> Int64 {
            range.reduce(0) { $0 * 10 + Int64(text[$1] - UInt8(ascii: "0")) }
        }
        let shaped =
            text.count == 10 && text[4] == UInt8(ascii: "-") && text[7] == UInt8(ascii: "-")
            && [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy { Self.isDigit(text[$0]) }
        guard shaped else {
            return .failure(RuleError("a date is written YYYY-MM-DD", at: start))
        }
        let year = value(0..<4)
        let month = value(5..<7)
        let day = value(8..<10)
        guard (1...12).contains(month), (1...CivilDate.daysIn(month: month, year: year)).contains(day) else {
            let spelled = String(decoding: text, as: UTF8.self)
            return .failure(RuleError("'\(spelled)' is not a calendar date", at: start))
        }
        let days = CivilDate.daysSince1970(year: year, month: month, day: day)
        return .success(RuleToken(kind: .date(Int32(days)), start: start, end: end))
    }
}
