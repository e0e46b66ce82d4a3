/// JSON text safe inside a `<script>` element: besides JSON's own escapes, `<`, `>` and `&` are written as
/// `\u003c`, `\u003e`, `\u0026` (so `</script>` and `<!--` cannot appear) and U+2028/U+2029 as escapes.
enum ScriptJSON {
    enum Value {
        case string(String)
        case number(String)
        case object([(String, Value)])
        case array([Value])
    }

    static func serialize(_ value: Value) -> String {
        var out: [UInt8] = []
        append(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func append(_ value: Value, to out: inout [UInt8]) {
        switch value {
        case .string(let text): appendString(text, to: &out)
        case .number(let text): out += Array(text.utf8)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                append(item, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                appendString(member.0, to: &out)
                out.append(UInt8(ascii: ":"))
                append(member.1, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static let hex = Array("0123456789abcdef".utf8)

    static func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22: out += Array("\\\"".utf8)
            case 0x5C: out += Array("\\\\".utf8)
            case 0x0A: out += Array("\\n".utf8)
            case 0x0D: out += Array("\\r".utf8)
            case 0x09: out += Array("\\t".utf8)
            case 0x00..<0x20, 0x3C, 0x3E, 0x26, 0x2028, 0x2029:
                out += Array("\\u".utf8)
                for shift in stride(from: 12, through: 0, by: -4) {
                    out.append(hex[Int((scalar.value >> UInt32(shift)) & 0xF)])
                }
            default: out += Array(String(scalar).utf8)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
