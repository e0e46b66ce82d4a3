import Mustache
import Testing

/// `{{name}}` escapes `& < > " '` and nothing else; the escaper skips eight bytes at a time while none is special,
/// so every special byte at every position of a word, and at the ends, must come out as the byte-by-byte rule says.
@Suite("HTML escaping")
struct HTMLEscapeTests {
    static func reference(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    @Test(arguments: ["&", "<", ">", "\"", "'", "=", "%", "Ω", "\u{0}", "\u{7F}"])
    func aSpecialAtEveryPosition(special: String) throws {
        let template = try Template("[{{value}}]")
        let filler = Array("https://shop.example/p/tea-42/?vt=AbC_d-9&x=1".unicodeScalars)
        for length in 0..<40 {
            for position in 0...length {
                var scalars = (0..<length).map { filler[$0 % filler.count] }
                scalars.insert(contentsOf: special.unicodeScalars, at: position)
                var text = ""
                text.unicodeScalars.append(contentsOf: scalars)
                #expect(
                    try template.renderString(["value": .string(text)]) == "[" + Self.reference(text) + "]",
                    "\(text)")
            }
        }
    }

    @Test func runsOfSpecialsAndLongPlainText() throws {
        let template = try Template("{{value}}")
        for text in [
            "&&&&&&&&&&&&&&&&&", "<>\"'<>\"'<>\"'", String(repeating: "plain text ", count: 50) + "&",
            "Ωραία & Καλή 'τιμή' <b>", "", "a", "abcdefgh", "abcdefg&",
        ] {
            #expect(try template.renderString(["value": .string(text)]) == Self.reference(text))
        }
    }
}
