import Diagnostics
import TextFormats

/// Control characters (C0 but none allowed, DEL, C1) in a text that ends up in a mail header or a path: a CR or LF
/// in a name or subject would inject a header line. Checked where a field is validated, never per byte of a file.
enum ControlCharacters {
    /// The offset of the first control byte of `bytes` (raw UTF-8: a C1 control is `C2 80`…`C2 9F`).
    static func first(in bytes: ArraySlice<UInt8>) -> Int? {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte < 0x20 || byte == 0x7F { return index }
            if byte == 0xC2, index + 1 < bytes.endIndex, (0x80...0x9F).contains(bytes[index + 1]) { return index }
            index += 1
        }
        return nil
    }

    /// The offset of the first escape that writes a control character (`\n`, `\t`, `\u001B`…) in the JSON string
    /// literal whose opening quote is at `start`, or of a raw C1 control in it.
    static func firstInJSONString(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start + 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { return nil }
            if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) { return index }
            if byte == 0x7F { return index }
            guard byte == UInt8(ascii: "\\"), index + 1 < bytes.count else {
                index += 1
                continue
            }
            switch bytes[index + 1] {
            case UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"), UInt8(ascii: "b"), UInt8(ascii: "f"):
                return index
            case UInt8(ascii: "u"):
                guard index + 6 <= bytes.count,
                    let value = UInt32(String(decoding: bytes[index + 2..<index + 6], as: UTF8.self), radix: 16)
                else { return nil }
                if value < 0x20 || (0x7F...0x9F).contains(value) { return index }
                index += 6
            default:
                index += 2
            }
        }
        return nil
    }

    static let message = "may not contain control characters (line breaks, tabs, escape codes)"
}

extension CSVTable {
    /// Reports a control character in a field that must be one line of text (a name), at its byte.
    func checkNoControlCharacters(_ column: Int?, _ what: String, diagnostics: inout DiagnosticEngine) {
        guard let field = field(column), !field.isEmpty,
            let offset = ControlCharacters.first(in: reader.source.bytes[field.start..<field.end])
        else { return }
        diagnostics.error("\(what) \(ControlCharacters.message)", at: source.location(atOffset: offset))
    }
}

extension JSONObject {
    /// Reports a control character in the string of `key`, or in each string of a localized object, at the escape.
    func checkNoControlCharacters(_ key: String, _ what: String, diagnostics: inout DiagnosticEngine) {
        guard let node = self[key] else { return }
        var strings: [JSONNode] = []
        switch node.value {
        case .string: strings = [node]
        case .object(let members): strings = members.map(\.value)
        default: break
        }
        for string in strings {
            guard case .string = string.value,
                let offset = ControlCharacters.firstInJSONString(source.bytes, from: string.offset)
            else { continue }
            diagnostics.error("\(what) \(ControlCharacters.message)", at: source.location(atOffset: offset))
        }
    }
}
