/// A JSON value whose object keys keep their written order, printed with two-space indentation so that the
/// generated `*.json` files read like hand-written ones. Non-ASCII text is written as UTF-8, not `\u` escapes.
enum JSONDocument {
    case string(String)
    /// A number already in its JSON form.
    case number(String)
    case bool(Bool)
    case array([JSONDocument])
    case object([(String, JSONDocument)])

    /// The printed document with a final newline.
    var text: String {
        var sink = [UInt8]()
        render(to: &sink, indent: 0)
        sink.append(UInt8(ascii: "\n"))
        return String(decoding: sink, as: UTF8.self)
    }

    private func render(to sink: inout [UInt8], indent: Int) {
        switch self {
        case .string(let text): Self.appendString(text, to: &sink)
        case .number(let text): sink.append(contentsOf: text.utf8)
        case .bool(let value): sink.append(contentsOf: (value ? "true" : "false").utf8)
        case .array(let items):
            // Arrays of scalars stay on one line (`["en", "el", "fa"]`); arrays of objects get a line each.
            if items.allSatisfy(\.isScalar) {
                sink.append(UInt8(ascii: "["))
                for (index, item) in items.enumerated() {
                    if index > 0 { sink.append(contentsOf: ", ".utf8) }
                    item.render(to: &sink, indent: indent)
                }
                sink.append(UInt8(ascii: "]"))
                return
            }
            sink.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                sink.append(contentsOf: (index > 0 ? ",\n" : "\n").utf8)
                Self.appendIndent(indent + 1, to: &sink)
                item.render(to: &sink, indent: indent + 1)
            }
            sink.append(UInt8(ascii: "\n"))
            Self.appendIndent(indent, to: &sink)
            sink.append(UInt8(ascii: "]"))
        case .object(let members):
            // Small objects of scalars stay on one line (`{ "percent": "10" }`).
            if members.count <= 2 && members.allSatisfy(\.1.isScalar) {
                sink.append(contentsOf: "{ ".utf8)
                for (index, (key, value)) in members.enumerated() {
                    if index > 0 { sink.append(contentsOf: ", ".utf8) }
                    Self.appendString(key, to: &sink)
                    sink.append(contentsOf: ": ".utf8)
                    value.render(to: &sink, indent: indent)
                }
                sink.append(contentsOf: " }".utf8)
                return
            }
            sink.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                sink.append(contentsOf: (index > 0 ? ",\n" : "\n").utf8)
                Self.appendIndent(indent + 1, to: &sink)
                Self.appendString(key, to: &sink)
                sink.append(contentsOf: ": ".utf8)
                value.render(to: &sink, indent: indent + 1)
            }
            sink.append(UInt8(ascii: "\n"))
            Self.appendIndent(indent, to: &sink)
            sink.append(UInt8(ascii: "}"))
        }
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    private static func appendIndent(_ level: Int, to sink: inout [UInt8]) {
        sink.append(contentsOf: repeatElement(UInt8(ascii: " "), count: level * 2))
    }

    /// RFC 8259 §7: escape the quote, the backslash and control characters; everything else as UTF-8.
    private static func appendString(_ text: String, to sink: inout [UInt8]) {
        sink.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): sink.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): sink.append(contentsOf: "\\\\".utf8)
            case UInt8(ascii: "\n"): sink.append(contentsOf: "\\n".utf8)
            case UInt8(ascii: "\t"): sink.append(contentsOf: "\\t".utf8)
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                sink.append(contentsOf: "\\u00".utf8)
                sink.append(hex[Int(byte >> 4)])
                sink.append(hex[Int(byte & 0xF)])
            default: sink.append(byte)
            }
        }
        sink.append(UInt8(ascii: "\""))
    }
}

extension JSONDocument {
    /// A per-locale text object (`{"en": …, "el": …, "fa": …}`).
    static func localized(_ texts: [(String, String)]) -> JSONDocument {
        .object(texts.map { ($0.0, .string($0.1)) })
    }
}
