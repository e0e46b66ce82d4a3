/// A JSON document to write (summaries printed with `--json`): members keep their order, numbers their text.
public indirect enum JSONOutput: Sendable, Equatable {
    case object([(String, JSONOutput)])
    case array([JSONOutput])
    case string(String)
    /// Written as is: an integer or an exact decimal (`"12.90"` money stays exact).
    case number(String)
    case bool(Bool)
    case null
    /// The value written on one line (`{"a": 1, "b": [2, 3]}`): small records inside a long list stay readable.
    case oneLine(JSONOutput)

    public static func int(_ value: Int) -> JSONOutput { .number(String(value)) }

    public static func == (lhs: JSONOutput, rhs: JSONOutput) -> Bool { lhs.serialized() == rhs.serialized() }

    /// Two-space indented, one member per line, a final newline: stable output for diffs and tests.
    public func serialized() -> String {
        var out = ""
        write(into: &out, indent: "")
        return out + "\n"
    }

    private func write(into out: inout String, indent: String) {
        switch self {
        case .oneLine(let value): value.writeOneLine(into: &out)
        case .object(let members):
            guard !members.isEmpty else { return out += "{}" }
            out += "{\n"
            for (index, member) in members.enumerated() {
                out += indent + "  "
                Self.writeString(member.0, into: &out)
                out += ": "
                member.1.write(into: &out, indent: indent + "  ")
                out += index == members.count - 1 ? "\n" : ",\n"
            }
            out += indent + "}"
        case .array(let elements):
            guard !elements.isEmpty else { return out += "[]" }
            out += "[\n"
            for (index, element) in elements.enumerated() {
                out += indent + "  "
                element.write(into: &out, indent: indent + "  ")
                out += index == elements.count - 1 ? "\n" : ",\n"
            }
            out += indent + "]"
        case .string(let text): Self.writeString(text, into: &out)
        case .number(let text): out += text
        case .bool(let value): out += value ? "true" : "false"
        case .null: out += "null"
        }
    }

    private func writeOneLine(into out: inout String) {
        switch self {
        case .object(let members):
            out += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { out += ", " }
                Self.writeString(member.0, into: &out)
                out += ": "
                member.1.writeOneLine(into: &out)
            }
            out += "}"
        case .array(let elements):
            out += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { out += ", " }
                element.writeOneLine(into: &out)
            }
            out += "]"
        case .oneLine(let value): value.writeOneLine(into: &out)
        default: write(into: &out, indent: "")
        }
    }

    /// A JSON string literal for `text`.
    public static func quoted(_ text: String) -> String {
        var out = ""
        writeString(text, into: &out)
        return out
    }

    /// RFC 8259 §7: quote, backslash and control characters escaped; everything else verbatim UTF-8.
    static func writeString(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{0}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
