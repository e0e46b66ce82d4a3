import Foundation
import SeededRandom
import Testing

@testable import MIME

/// One encoding vector: input text, the exact quoted-printable, why it is there.
struct QPVector: CustomTestStringConvertible, Sendable {
    var input: String
    var encoded: String
    var note: String
    var testDescription: String { note }
}

@Suite("quoted-printable (RFC 2045 §6.7)")
struct QuotedPrintableTests {
    static let a75 = String(repeating: "a", count: 75)

    static let vectors: [QPVector] = [
        .init(input: "", encoded: "", note: "empty"),
        .init(input: "Hello, world!", encoded: "Hello, world!", note: "printable ASCII stays"),
        .init(input: "a=b", encoded: "a=3Db", note: "rule 1: '=' is =3D"),
        .init(input: "café", encoded: "caf=C3=A9", note: "rule 1: 8-bit bytes, upper-case hex"),
        .init(input: "del\u{7F}", encoded: "del=7F", note: "DEL encoded"),
        .init(input: "nul\u{0}", encoded: "nul=00", note: "controls encoded"),
        .init(input: "a\rb", encoded: "a=0Db", note: "a bare CR is data"),
        .init(input: "one\ntwo", encoded: "one\r\ntwo", note: "rule 4: LF is a hard break"),
        .init(input: "one\r\ntwo\r\n", encoded: "one\r\ntwo\r\n", note: "CRLF stays a hard break"),
        .init(input: "x\r\r\ny", encoded: "x=0D\r\ny", note: "CR before CRLF"),
        .init(input: "trailing space \n", encoded: "trailing space=20\r\n", note: "rule 3: space before a break"),
        .init(input: "tab\t", encoded: "tab=09", note: "rule 3: tab at the end of the text"),
        .init(input: "a b\tc", encoded: "a b\tc", note: "rule 3: inner white space stays"),
        .init(input: "two  \r\n", encoded: "two =20\r\n", note: "only the last white space is encoded"),
        .init(input: ".\n..x", encoded: "=2E\r\n=2E.x", note: "a leading dot is =2E"),
        .init(input: "From here\nFrom\nFromage", encoded: "=46rom here\r\nFrom\r\nFromage", note: "mbox From_"),
        .init(input: String(repeating: "a", count: 76), encoded: String(repeating: "a", count: 76), note: "76 fit"),
        .init(
            input: String(repeating: "a", count: 77), encoded: a75 + "=\r\naa", note: "rule 5: 77 need a soft break"),
        .init(
            input: String(repeating: "a", count: 76) + "\n", encoded: String(repeating: "a", count: 76) + "\r\n",
            note: "76 then a hard break"),
        .init(input: a75 + "é", encoded: a75 + "=\r\n=C3=A9", note: "a triple is never split"),
        .init(
            input: String(repeating: "a", count: 72) + "é",
            encoded: String(repeating: "a", count: 72) + "=C3=\r\n=A9", note: "a character may span a soft break"),
        .init(
            input: String(repeating: "a", count: 73) + "=", encoded: String(repeating: "a", count: 73) + "=3D",
            note: "=3D ends a line at exactly 76"),
        .init(
            input: String(repeating: "a", count: 74) + "=", encoded: String(repeating: "a", count: 74) + "=\r\n=3D",
            note: "=3D would make 77"),
        .init(input: a75 + " ", encoded: a75 + "=\r\n=20", note: "trailing space after a full line"),
        .init(input: a75 + " b", encoded: a75 + "=\r\n b", note: "a space before a soft break stays literal"),
        .init(input: a75 + ".x", encoded: a75 + "=\r\n=2Ex", note: "a dot after a soft break"),
    ]

    @Test(arguments: vectors)
    func encodes(vector: QPVector) throws {
        var output: [UInt8] = []
        QuotedPrintable.encode(Array(vector.input.utf8), into: &output)
        #expect(String(decoding: output, as: UTF8.self) == vector.encoded)
        #expect(try QuotedPrintable.decode(output) == Self.hardBreaks(Array(vector.input.utf8)))
    }

    @Test("appends after what the buffer holds, from any sequence")
    func appends() {
        var output = Array("head:".utf8)
        QuotedPrintable.encode("é=".utf8, into: &output)
        #expect(String(decoding: output, as: UTF8.self) == "head:=C3=A9=3D")
    }

    /// RFC 2045 §6.7 rule 5's own example, and what decoders must accept.
    @Test(arguments: [
        (
            "Now's the time =\r\nfor all folk to come=\r\n to the aid of their country.",
            "Now's the time for all folk to come to the aid of their country."
        ),
        ("caf=c3=a9", "café"),
        ("soft=\nbreak", "softbreak"),
        ("padded   \r\nline\t\r\n", "padded\r\nline\r\n"),
        ("soft =  \r\nwith blanks", "soft with blanks"),
        ("lf\nonly", "lf\r\nonly"),
    ])
    func decodes(encoded: String, decoded: String) throws {
        #expect(try QuotedPrintable.decode(Array(encoded.utf8)) == Array(decoded.utf8))
    }

    @Test(arguments: ["=G1", "ab=4", "=4", "x=\u{0}0", "8bit \u{E9}", "a=4=\r\n"])
    func refusesMalformed(encoded: String) {
        #expect(throws: MIMEError(field: "quoted-printable", reason: .invalidEncoding)) {
            try QuotedPrintable.decode(Array(encoded.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }))
        }
    }

    static let samples: [(String, String)] = [
        ("Greek", "Αγαπητή Ελένη,\nτο κουπόνι σας: VIT-AB12 — ισχύει έως 31/12.\n"),
        ("Persian", "مریم عزیز،\nکد تخفیف شما: VIT-AB12\nمی‌خواهید؟ \n"),
        ("emoji", "👨‍👩‍👧‍👦 🇬🇷 🇮🇷 ✨ e\u{301} 🧑🏽‍💻\r\n= . From\n.\nFrom me\n"),
    ]

    @Test("round trips of Greek, Persian and emoji text", arguments: samples.map(\.0))
    func roundTripsScripts(name: String) throws {
        let text = Self.samples.first { $0.0 == name }!.1
        for repeated in [
            text, String(repeating: text, count: 9), String(repeating: text.replacing("\n", with: " "), count: 9),
        ] {
            let input = Array(repeated.utf8)
            var output: [UInt8] = []
            QuotedPrintable.encode(input, into: &output)
            Self.checkShape(output)
            #expect(try QuotedPrintable.decode(output) == Self.hardBreaks(input))
        }
    }

    @Test("round trips of seeded random UTF-8 text", arguments: 0..<40)
    func roundTripsRandom(seed: UInt64) throws {
        var random = SplitMix64(seed: 0x5150_0000 + seed)
        let pieces = [
            " ", "\t", "=", ".", "From ", "\n", "\r\n", "\r", "a", "Z", "~", "é", "Ω", "ش", "‌", "👍", "🇬🇷",
            "\u{0}", "\u{7F}", "\u{85}", "\u{2028}", "  \n", "\t\r\n", "x",
        ]
        var text = ""
        for _ in 0..<random.int(in: 0...600) {
            text += random.chance(0.5) ? "abcdefghij".map(String.init)[random.below(10)] : random.pick(pieces)
        }
        let input = Array(text.utf8)
        var output: [UInt8] = []
        QuotedPrintable.encode(input, into: &output)
        Self.checkShape(output)
        #expect(try QuotedPrintable.decode(output) == Self.hardBreaks(input))
    }

    /// The encoder copies runs of literal bytes eight at a time: every byte value, at every position of a long
    /// literal line (each lane of a word, each column near the soft break), must come out exactly as the rules
    /// written byte by byte (`reference`) say. CR and LF, line breaks, have vectors of their own.
    @Test(
        "every byte value at every position of a literal run",
        arguments: (0..<256).filter { $0 != 0x0A && $0 != 0x0D })
    func everyByteInLiteralRuns(value: Int) throws {
        let filler = Array("The quick brown fox jumps over the lazy dog; 0123456789 ~!@#$%^&*()_+{}|:<>?".utf8)
        for position in 0..<90 {
            var input = (0..<170).map { filler[$0 % filler.count] }
            input[position] = UInt8(value)
            var output: [UInt8] = []
            QuotedPrintable.encode(input, into: &output)
            #expect(output == Self.reference(input), "byte \(value) at \(position)")
        }
    }

    /// Lines mixing literal runs (copied eight bytes at a time, up to the first byte that is not literal), runs of
    /// 8-bit bytes (encoded in a loop of their own) and white space, at every length around the soft breaks, must
    /// come out exactly as the rules written byte by byte say.
    @Test("seeded random lines against the byte-by-byte reference", arguments: 0..<60)
    func randomLinesMatchReference(seed: UInt64) {
        var random = SplitMix64(seed: 0x5152_0000 + seed)
        let pieces = [
            "é", "Ωραία", "پیراهن", "👍", "=", " ", "\t", ".", "From ", "ab", "<p style=\"margin:0\">", "\u{7F}",
        ]
        var text = ""
        for _ in 0..<random.int(in: 1...120) {
            text += random.chance(0.5) ? String(repeating: "x", count: random.int(in: 1...20)) : random.pick(pieces)
        }
        let input = Array(text.utf8)
        var output: [UInt8] = []
        QuotedPrintable.encode(input, into: &output)
        #expect(output == Self.reference(input), "\(text)")
    }

    /// RFC 2045 §6.7 for a text without line breaks, one byte at a time, with the "." and "From " rule.
    static func reference(_ input: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        var column = 0
        for (index, byte) in input.enumerated() {
            let last = index == input.count - 1
            var literal =
                (33...126).contains(byte) && byte != UInt8(ascii: "=") || (byte == 0x20 || byte == 0x09) && !last
            let width = literal ? 1 : 3
            if column + width > 75 && !(last && column + width <= 76) {
                output += Array("=\r\n".utf8)
                column = 0
            }
            if column == 0 && (byte == UInt8(ascii: ".") || input[index...].starts(with: "From ".utf8)) {
                literal = false
            }
            if literal {
                output.append(byte)
                column += 1
            } else {
                output += Array("=".utf8) + Array(String(format: "%02X", Int(byte)).utf8)
                column += 3
            }
        }
        return output
    }

    /// Inputs that grow the most, in every length near a line: the encoder writes into a buffer sized for the
    /// worst case, which these fill.
    @Test(arguments: ["\u{FF}", "=", "\r", ".\n", " \n", "\t\r\n", "From \n", "é "])
    func worstCases(unit: String) throws {
        for repeats in [1, 2, 24, 25, 26, 75, 76, 77, 1000, 4099] {
            var input: [UInt8] = []
            for _ in 0..<repeats {
                input += unit == "\u{FF}" ? [0xFF] : Array(unit.utf8)
            }
            var output: [UInt8] = [0x41]
            QuotedPrintable.encode(input, into: &output)
            #expect(output.first == 0x41)
            Self.checkShape(Array(output.dropFirst()))
            #expect(try QuotedPrintable.decode(output.dropFirst()) == Self.hardBreaks(input), "\(repeats)")
        }
    }

    /// The input with each lone LF made CRLF: what the encoding is meant to carry.
    static func hardBreaks(_ input: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        for (index, byte) in input.enumerated() {
            if byte == 0x0A && (index == 0 || input[index - 1] != 0x0D) { output.append(0x0D) }
            output.append(byte)
        }
        return output
    }

    /// What every encoded text must look like: CRLF lines of at most 76 printable ASCII characters, no white space
    /// at a line end, `=` only before two upper-case hex digits or a line end, no line starting with "." or "From ".
    static func checkShape(_ output: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        let text = String(decoding: output, as: UTF8.self)
        let lines = text.split(separator: "\r\n", omittingEmptySubsequences: false)
        for line in lines {
            let bytes = Array(line.utf8)
            #expect(bytes.count <= 76, "line of \(bytes.count)", sourceLocation: sourceLocation)
            #expect(
                bytes.allSatisfy { (0x20...0x7E).contains($0) || $0 == 0x09 }, "\(line)", sourceLocation: sourceLocation
            )
            #expect(bytes.last != 0x20 && bytes.last != 0x09, "\(line)", sourceLocation: sourceLocation)
            #expect(!line.hasPrefix(".") && !line.hasPrefix("From "), "\(line)", sourceLocation: sourceLocation)
            for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "=") {
                if index == bytes.count - 1 { continue }
                let hex = Array("0123456789ABCDEF".utf8)
                #expect(
                    index + 2 < bytes.count && hex.contains(bytes[index + 1]) && hex.contains(bytes[index + 2]),
                    "\(line)", sourceLocation: sourceLocation)
            }
        }
    }
}
