import Diagnostics

/// An RFC 8259 JSON parser over bytes that keeps the offset of every value. A syntax error stops the parse
/// (nothing after it can be trusted) and is reported with its exact position.
public struct JSONParser {
    public struct SyntaxError: Error, Sendable {
        public var offset: Int
        public var message: String
    }

    private let bytes: [UInt8]
    private var index = 0
    private var depth = 0
    /// Duplicate keys are legal JSON but always a mistake in a store file.
    public private(set) var duplicateKeys: [(key: String, offset: Int)] = []

    private static let maximumDepth = 512

    private init(bytes: [UInt8]) { self.bytes = bytes }

    /// Parses a whole file; reports a syntax error or duplicate keys into `diagnostics`.
    public static func parse(_ source: SourceText, diagnostics: inout DiagnosticEngine) -> JSONNode? {
        var parser = JSONParser(bytes: source.bytes)
        if source.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
        do {
            let node = try parser.parseDocument()
            for duplicate in parser.duplicateKeys {
                diagnostics.error("duplicate key \"\(duplicate.key)\"", at: source.location(atOffset: duplicate.offset))
            }
            return node
        } catch {
            diagnostics.error(error.message, at: source.location(atOffset: error.offset))
            return nil
        }
    }

    private mutating func parseDocument() throws(SyntaxError) -> JSONNode {
        skipWhitespace()
        let node = try parseValue()
        skipWhitespace()
        if index < bytes.count { throw fail("unexpected text after the JSON value") }
        return node
    }

    private func fail(_ message: String, at offset: Int? = nil) -> SyntaxError {
        SyntaxError(offset: offset ?? index, message: message)
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): index += 1
            default: return
            }
        }
    }

    private mutating func parseValue() throws(SyntaxError) -> JSONNode {
        guard index < bytes.count else { throw fail("unexpected end of file, expected a value") }
        let start = index
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return JSONNode(value: .string(try parseString()), offset: start)
        case UInt8(ascii: "t"): try literal("true"); return JSONNode(value: .bool(true), offset: start)
        case UInt8(ascii: "f"): try literal("false"); return JSONNode(value: .bool(false), offset: start)
        case UInt8(ascii: "n"): try literal("null"); return JSONNode(value: .null, offset: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        case UInt8(ascii: "}"), UInt8(ascii: "]"):
            throw fail("unexpected '\(Character(Unicode.Scalar(bytes[index])))', expected a value")
        default: throw fail("unexpected character, expected a value")
        }
    }

    private mutating func literal(_ word: StaticString) throws(SyntaxError) {
        let count = word.utf8CodeUnitCount
        let matches =
            index + count <= bytes.count
            && word.withUTF8Buffer { expected in (0..<count).allSatisfy { bytes[index + $0] == expected[$0] } }
        guard matches else { throw fail("invalid literal, expected '\(word)'") }
        index += count
    }

    private mutating func enter() throws(SyntaxError) {
        depth += 1
        if depth > Self.maximumDepth { throw fail("nesting deeper than \(Self.maximumDepth) levels") }
    }

    private mutating func parseObject() throws(SyntaxError) -> JSONNode {
        let start = index
        try enter()
        index += 1
        var members: [JSONNode.Member] = []
        var seen = Set<String>()
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return JSONNode(value: .object([]), offset: start)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw fail("unexpected end of file in an object opened here", at: start) }
            guard bytes[index] == UInt8(ascii: "\"") else {
                throw fail(
                    bytes[index] == UInt8(ascii: "}")
                        ? "trailing comma in an object" : "expected a key in double quotes")
            }
            let keyOffset = index
            let key = try parseString()
            if !seen.insert(key).inserted { duplicateKeys.append((key, keyOffset)) }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw fail("expected ':' after the key")
            }
            index += 1
            skipWhitespace()
            let value = try parseValue()
            members.append(JSONNode.Member(key: key, keyOffset: keyOffset, value: value))
            skipWhitespace()
            guard index < bytes.count else { throw fail("unexpected end of file in an object opened here", at: start) }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                depth -= 1
                return JSONNode(value: .object(members), offset: start)
            }
            throw fail("expected ',' or '}' in an object")
        }
    }

    private mutating func parseArray() throws(SyntaxError) -> JSONNode {
        let start = index
        try enter()
        index += 1
        var elements: [JSONNode] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return JSONNode(value: .array([]), offset: start)
        }
        while true {
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") { throw fail("trailing comma in an array") }
            elements.append(try parseValue())
            skipWhitespace()
            guard index < bytes.count else { throw fail("unexpected end of file in an array opened here", at: start) }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                depth -= 1
                return JSONNode(value: .array(elements), offset: start)
            }
            throw fail("expected ',' or ']' in an array")
        }
    }

    private mutating func parseNumber() throws(SyntaxError) -> JSONNode {
        let start = index
        func digitsRun() -> Int {
            let from = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                index += 1
            }
            return index - from
        }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        let integerStart = index
        let integerDigits = digitsRun()
        guard integerDigits > 0 else { throw fail("invalid number") }
        if integerDigits > 1, bytes[integerStart] == UInt8(ascii: "0") {
            throw fail("leading zero in a number", at: integerStart)
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digitsRun() > 0 else { throw fail("expected digits after the decimal point") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard digitsRun() > 0 else { throw fail("expected digits in the exponent") }
        }
        return JSONNode(value: .number(String(decoding: bytes[start..<index], as: UTF8.self)), offset: start)
    }

    /// RFC 8259 §7: escapes, `\uXXXX` with surrogate pairs; raw control characters are errors.
    private mutating func parseString() throws(SyntaxError) -> String {
        let open = index
        index += 1
        var output: [UInt8] = []
        var runStart = index
        while true {
            guard index < bytes.count else { throw fail("string is never closed", at: open) }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                output.append(contentsOf: bytes[runStart..<index])
                index += 1
                return String(decoding: output, as: UTF8.self)
            }
            if byte < 0x20 {
                throw fail(
                    byte == UInt8(ascii: "\n")
                        ? "line break inside a string (write \\n)" : "control character inside a string")
            }
            if byte != UInt8(ascii: "\\") {
                index += 1
                continue
            }
            output.append(contentsOf: bytes[runStart..<index])
            let escapeStart = index
            index += 1
            guard index < bytes.count else { throw fail("string is never closed", at: open) }
            let escaped = bytes[index]
            index += 1
            switch escaped {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output.append(escaped)
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4(at: escapeStart)
                if (0xD800...0xDBFF).contains(scalar) {
                    guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                        bytes[index + 1] == UInt8(ascii: "u")
                    else { throw fail("unpaired surrogate in \\u escape", at: escapeStart) }
                    index += 2
                    let low = try hex4(at: escapeStart)
                    guard (0xDC00...0xDFFF).contains(low) else {
                        throw fail("unpaired surrogate in \\u escape", at: escapeStart)
                    }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw fail("unpaired surrogate in \\u escape", at: escapeStart)
                }
                output.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar)!)).utf8))
            default: throw fail("invalid escape sequence", at: escapeStart)
            }
            runStart = index
        }
    }

    private mutating func hex4(at escapeStart: Int) throws(SyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw fail("invalid \\u escape", at: escapeStart) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw fail("invalid \\u escape", at: escapeStart)
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    /// For a string value starting (opening quote) at `offset`, the source offset of each UTF-8 byte of its
    /// decoded text, plus one for the end: how a position inside a rule maps back into the file.
    public static func decodedByteOffsets(in source: SourceText, stringAt offset: Int) -> [Int] {
        let bytes = source.bytes
        var map: [Int] = []
        var index = offset + 1
        while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
            if bytes[index] != UInt8(ascii: "\\") {
                map.append(index)
                index += 1
                continue
            }
            let start = index
            let kind = index + 1 < bytes.count ? bytes[index + 1] : 0
            if kind == UInt8(ascii: "u") {
                var length = 6
                // A surrogate pair is one scalar of four UTF-8 bytes written in twelve source bytes.
                if index + 7 < bytes.count, bytes[index + 6] == UInt8(ascii: "\\"),
                    bytes[index + 7] == UInt8(ascii: "u"),
                    let high = UInt32(
                        String(decoding: bytes[(index + 2)..<min(index + 6, bytes.count)], as: UTF8.self), radix: 16),
                    (0xD800...0xDBFF).contains(high)
                {
                    length = 12
                    map.append(contentsOf: repeatElement(start, count: 4))
                } else if let scalarValue = UInt32(
                    String(decoding: bytes[(index + 2)..<min(index + 6, bytes.count)], as: UTF8.self), radix: 16),
                    let scalar = Unicode.Scalar(scalarValue)
                {
                    map.append(contentsOf: repeatElement(start, count: String(Character(scalar)).utf8.count))
                }
                index += length
            } else {
                map.append(start)
                index += 2
            }
        }
        map.append(index)
        return map
    }
}
