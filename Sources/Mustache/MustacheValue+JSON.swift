import Diagnostics

/// JSON (RFC 8259) straight into `MustacheValue`: `true`/`false` stay booleans, `85` an `int`, `1.21` a
/// `double` (JSONSerialization's NSNumber cannot tell a boolean from 1 reliably on Linux). Errors carry the
/// line and column of the offending byte.
extension MustacheValue {
    /// Parses a JSON document; on failure returns its first syntax error (JSON has no useful recovery).
    public static func parseJSON(_ source: SourceText) -> Result<MustacheValue, TemplateError> {
        var parser = JSONParser(bytes: source.bytes)
        do throws(JSONParser.Failure) {
            let value = try parser.parseDocument()
            return .success(value)
        } catch {
            let problem = Diagnostic.error(error.message, at: source.location(atOffset: error.offset))
            return .failure(TemplateError([problem], sources: [source]))
        }
    }

    /// Parses JSON text held in memory (tests, inline data).
    public init(json text: String) throws(TemplateError) {
        self = try Self.parseJSON(SourceText(path: "<json>", text: text)).get()
    }
}

private struct JSONParser {
    struct Failure: Error {
        var message: String
        var offset: Int
    }

    let bytes: [UInt8]
    var index = 0
    var depth = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
        // A UTF-8 byte order mark is allowed before the value.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    mutating func parseDocument() throws(Failure) -> MustacheValue {
        let value = try parseValue()
        skipWhitespace()
        if index < bytes.count { throw Failure(message: "unexpected text after the JSON value", offset: index) }
        return value
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): index += 1
            default: return
            }
        }
    }

    private mutating func parseValue() throws(Failure) -> MustacheValue {
        skipWhitespace()
        guard index < bytes.count else { throw Failure(message: "expected a JSON value, found the end", offset: index) }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): return try parseLiteral("true", .bool(true))
        case UInt8(ascii: "f"): return try parseLiteral("false", .bool(false))
        case UInt8(ascii: "n"): return try parseLiteral("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw Failure(message: "expected a JSON value", offset: index)
        }
    }

    private mutating func parseLiteral(_ word: String, _ value: MustacheValue) throws(Failure) -> MustacheValue {
        for byte in word.utf8 {
            guard index < bytes.count, bytes[index] == byte else {
                throw Failure(message: "expected \"\(word)\"", offset: index)
            }
            index += 1
        }
        return value
    }

    private mutating func enter() throws(Failure) {
        depth += 1
        if depth > 512 { throw Failure(message: "JSON nested more than 512 levels deep", offset: index) }
    }

    private mutating func parseObject() throws(Failure) -> MustacheValue {
        try enter()
        index += 1
        var map = MustacheMap()
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .map(map)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw Failure(message: "expected a string key", offset: index)
            }
            let key = try parseString()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw Failure(message: "expected \":\" after the key", offset: index)
            }
            index += 1
            map[key] = try parseValue()
            skipWhitespace()
            guard index < bytes.count else { throw Failure(message: "object is not closed", offset: index) }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "}") {
                index += 1
                depth -= 1
                return .map(map)
            } else {
                throw Failure(message: "expected \",\" or \"}\" in object", offset: index)
            }
        }
    }

    private mutating func parseArray() throws(Failure) -> MustacheValue {
        try enter()
        index += 1
        var items: [MustacheValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .list(items)
        }
        while true {
            items.append(try parseValue())
            skipWhitespace()
            guard index < bytes.count else { throw Failure(message: "array is not closed", offset: index) }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "]") {
                index += 1
                depth -= 1
                return .list(items)
            } else {
                throw Failure(message: "expected \",\" or \"]\" in array", offset: index)
            }
        }
    }

    private mutating func parseString() throws(Failure) -> String {
        let start = index
        index += 1
        var out: [UInt8] = []
        var runStart = index
        while true {
            guard index < bytes.count else { throw Failure(message: "string is not closed", offset: start) }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                out.append(contentsOf: bytes[runStart..<index])
                index += 1
                return String(decoding: out, as: UTF8.self)
            }
            if byte < 0x20 { throw Failure(message: "control character in string", offset: index) }
            if byte != UInt8(ascii: "\\") {
                index += 1
                continue
            }
            out.append(contentsOf: bytes[runStart..<index])
            index += 1
            guard index < bytes.count else { throw Failure(message: "string is not closed", offset: start) }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "/"): out.append(UInt8(ascii: "/"))
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try parseHex4()
                if (0xD800..<0xDC00).contains(scalar), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                    bytes[index + 1] == UInt8(ascii: "u")
                {
                    index += 2
                    let low = try parseHex4()
                    if (0xDC00..<0xE000).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                }
                let unicode = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                out.append(contentsOf: String(Character(unicode)).utf8)
            default:
                throw Failure(message: "invalid escape \"\\\(String(UnicodeScalar(escape)))\"", offset: index - 2)
            }
            runStart = index
        }
    }

    private mutating func parseHex4() throws(Failure) -> UInt32 {
        guard index + 4 <= bytes.count else { throw Failure(message: "invalid \\u escape", offset: index) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw Failure(message: "invalid \\u escape", offset: index)
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    /// RFC 8259 number grammar; integers that fit stay `int`, the rest become `double`.
    private mutating func parseNumber() throws(Failure) -> MustacheValue {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, bytes[index].isDigit else { throw Failure(message: "invalid number", offset: start) }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            while index < bytes.count, bytes[index].isDigit { index += 1 }
        }
        var isInteger = true
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard index < bytes.count, bytes[index].isDigit else {
                throw Failure(message: "invalid number: digits expected after \".\"", offset: index)
            }
            while index < bytes.count, bytes[index].isDigit { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard index < bytes.count, bytes[index].isDigit else {
                throw Failure(message: "invalid number: digits expected in exponent", offset: index)
            }
            while index < bytes.count, bytes[index].isDigit { index += 1 }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if isInteger, let value = Int(text) { return .int(value) }
        guard let value = Double(text) else { throw Failure(message: "invalid number", offset: start) }
        return .double(value)
    }
}

extension UInt8 {
    fileprivate var isDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
}
