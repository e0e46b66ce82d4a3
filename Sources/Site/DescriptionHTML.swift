/// A catalog description made safe for a page. Text is escaped; HTML from a shop export is reduced to a small
/// allow-list (`p br strong em b i ul ol li`, no attributes): every other tag is dropped with its attributes
/// (its text kept, except inside `script` and `style`, dropped whole), entities pass only when well formed,
/// and the result is balanced so it never closes or opens anything around it. Plain text becomes paragraphs
/// at blank lines.
enum DescriptionHTML {
    static let allowed: Set<String> = ["p", "br", "strong", "em", "b", "i", "ul", "ol", "li"]
    static let dropsContent: Set<String> = ["script", "style", "template", "iframe", "object", "textarea", "title"]

    static func render(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 32)
        if !bytes.contains(UInt8(ascii: "<")) {
            renderPlain(bytes, into: &out)
        } else {
            renderMarkup(bytes, into: &out)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The text alone, tags dropped (and `script`/`style` content with them), not escaped: for JSON-LD.
    static func plainText(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.contains(UInt8(ascii: "<")) else { return text }
        var out: [UInt8] = []
        var skipUntil: String?
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<"), let tag = Tag.parse(bytes, at: index) else {
                if skipUntil == nil { out.append(bytes[index]) }
                index += 1
                continue
            }
            index = tag.end
            if let skipping = skipUntil {
                if tag.closing, tag.name == skipping { skipUntil = nil }
            } else if !tag.closing, dropsContent.contains(tag.name) {
                skipUntil = tag.name
            } else if tag.name == "p" || tag.name == "br" || tag.name == "li", out.last.map({ $0 != 0x20 }) ?? false {
                out.append(0x20)
            }
        }
        while out.last == 0x20 { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }

    private static func renderPlain(_ bytes: [UInt8], into out: inout [UInt8]) {
        var paragraph: [UInt8] = []
        var newlines = 0
        func flush() {
            guard !paragraph.isEmpty else { return }
            out += Array("<p>".utf8)
            escape(paragraph, into: &out)
            out += Array("</p>".utf8)
            paragraph.removeAll(keepingCapacity: true)
        }
        for byte in bytes {
            if byte == UInt8(ascii: "\r") { continue }
            if byte == UInt8(ascii: "\n") {
                newlines += 1
                continue
            }
            if newlines >= 2 { flush() } else if newlines == 1, !paragraph.isEmpty { paragraph.append(0x20) }
            newlines = 0
            paragraph.append(byte)
        }
        flush()
    }

    private static func renderMarkup(_ bytes: [UInt8], into out: inout [UInt8]) {
        var open: [String] = []
        var skipUntil: String?
        var index = 0
        var text: [UInt8] = []
        func flushText() {
            guard !text.isEmpty else { return }
            if open.isEmpty || open.last == "ul" || open.last == "ol" {
                // Loose text at the top level goes in a paragraph, so the result is all blocks.
                if !text.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }) {
                    if open.last == "ul" || open.last == "ol" {
                        out += Array("<li>".utf8)
                        escape(text, into: &out)
                        out += Array("</li>".utf8)
                    } else {
                        out += Array("<p>".utf8)
                        open.append("p")
                        escape(text, into: &out)
                    }
                }
            } else {
                escape(text, into: &out)
            }
            text.removeAll(keepingCapacity: true)
        }
        func close(_ name: String) {
            while let last = open.popLast() {
                out += Array("</\(last)>".utf8)
                if last == name { break }
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "<"), let tag = Tag.parse(bytes, at: index) else {
                if skipUntil == nil { text.append(byte) }
                index += 1
                continue
            }
            index = tag.end
            if let skipping = skipUntil {
                if tag.closing, tag.name == skipping { skipUntil = nil }
                continue
            }
            if !tag.closing, dropsContent.contains(tag.name) {
                skipUntil = tag.name
                continue
            }
            guard allowed.contains(tag.name) else { continue }
            flushText()
            switch (tag.name, tag.closing) {
            case ("br", false):
                if open.isEmpty {
                    out += Array("<p>".utf8)
                    open.append("p")
                }
                out += Array("<br>".utf8)
            case ("br", true): break
            case ("p", false), ("ul", false), ("ol", false):
                // Blocks never nest inside a paragraph or an inline element.
                while let last = open.last, last != "li" { close(last) }
                if tag.name == "p", open.last == "li" { continue }
                out += Array("<\(tag.name)>".utf8)
                open.append(tag.name)
            case ("li", false):
                guard let list = open.lastIndex(where: { $0 == "ul" || $0 == "ol" }) else { continue }
                while open.count > list + 1 { close(open[open.count - 1]) }
                out += Array("<li>".utf8)
                open.append("li")
            case (let name, false):
                if open.isEmpty || open.last == "ul" || open.last == "ol" {
                    if open.isEmpty {
                        out += Array("<p>".utf8)
                        open.append("p")
                    } else {
                        out += Array("<li>".utf8)
                        open.append("li")
                    }
                }
                out += Array("<\(name)>".utf8)
                open.append(name)
            case (let name, true):
                if open.contains(name) { close(name) }
            }
        }
        flushText()
        while let last = open.popLast() { out += Array("</\(last)>".utf8) }
    }

    /// Escapes `< > " '`, and `&` unless it starts a well-formed entity (`&amp;`, `&#233;`, `&eacute;`).
    static func escape(_ bytes: [UInt8], into out: inout [UInt8]) {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "<"): out += Array("&lt;".utf8)
            case UInt8(ascii: ">"): out += Array("&gt;".utf8)
            case UInt8(ascii: "\""): out += Array("&quot;".utf8)
            case UInt8(ascii: "'"): out += Array("&#39;".utf8)
            case UInt8(ascii: "&"):
                out += isEntity(bytes, at: index) ? [byte] : Array("&amp;".utf8)
            default: out.append(byte)
            }
            index += 1
        }
    }

    private static func isEntity(_ bytes: [UInt8], at start: Int) -> Bool {
        var index = start + 1
        var numeric = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "#") {
            numeric = true
            index += 1
        }
        let first = index
        while index < bytes.count, index - first < 10 {
            let byte = bytes[index]
            let isDigit = byte >= 0x30 && byte <= 0x39
            let isLetter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
            if byte == UInt8(ascii: ";") { return index > first }
            if numeric
                ? !(isDigit || (index == first && (byte | 0x20) == 0x78) || isLetter && index > first)
                : !(isLetter || isDigit)
            {
                return false
            }
            index += 1
        }
        return false
    }

    /// One tag: `<name …>` or `</name>`, attributes skipped (quoted values may hold `>`).
    struct Tag {
        var name: String
        var closing: Bool
        var end: Int

        static func parse(_ bytes: [UInt8], at start: Int) -> Tag? {
            var index = start + 1
            var closing = false
            if index < bytes.count, bytes[index] == UInt8(ascii: "/") {
                closing = true
                index += 1
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "!") {
                // A comment or doctype: skip to its end.
                while index < bytes.count, bytes[index] != UInt8(ascii: ">") { index += 1 }
                return Tag(name: "!", closing: false, end: min(index + 1, bytes.count))
            }
            let nameStart = index
            while index < bytes.count, (bytes[index] | 0x20) >= 0x61,
                (bytes[index] | 0x20) <= 0x7A
                    || (index > nameStart && bytes[index] >= 0x30 && bytes[index] <= 0x39)
            {
                index += 1
            }
            guard index > nameStart else { return nil }
            let name = String(decoding: bytes[nameStart..<index].map { $0 | 0x20 }, as: UTF8.self)
            var quote: UInt8?
            while index < bytes.count {
                let byte = bytes[index]
                if let open = quote {
                    if byte == open { quote = nil }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: ">") {
                    return Tag(name: name, closing: closing, end: index + 1)
                }
                index += 1
            }
            // An unterminated tag swallows the rest, as a browser would.
            return Tag(name: name, closing: closing, end: bytes.count)
        }
    }
}
