import BarcodeDecoding
import Foundation
import SeededRandom
import Testing

@testable import Barcode

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("Code 128 symbols")
struct Code128Tests {
    /// Sequences worked out by hand from ISO/IEC 15417 (values: B is ASCII − 32; C is the digit pair; 99 code C,
    /// 100 code B, 104 start B, 105 start C, 106 stop), the check symbol as start + Σ position × value mod 103.
    @Test(
        "known symbol sequences",
        arguments: [
            // All B: a run of three digits is cheaper in B. 104+48+84+126+68+90+114+245 = 879 ≡ 55.
            ("PJJ123C", [104, 48, 42, 42, 17, 18, 19, 35, 55, 106]),
            // Start C for four digits. 105+12+68 = 185 ≡ 82.
            ("1234", [105, 12, 34, 82, 106]),
            // Exactly two digits: start C. 105+12 = 117 ≡ 14.
            ("12", [105, 12, 14, 106]),
            // Three digits alone: B. 104+17+36+57 = 214 ≡ 8.
            ("123", [104, 17, 18, 19, 8, 106]),
            // An odd run at the start: C, and B before the last digit. 105+12+68+300+84+280 = 849 ≡ 25.
            ("12345X", [105, 12, 34, 100, 21, 56, 25, 106]),
            // An odd run at the end: the first digit in B, then C. 104+56+34+297+92+225 = 808 ≡ 87.
            ("X12345", [104, 56, 17, 99, 23, 45, 87, 106]),
            // A run of four in the middle: C (annex E; as short as B). 104+33+68+297+48+170+600+245+288 = 1853 ≡ 102.
            ("AB1234CD", [104, 33, 34, 99, 12, 34, 100, 35, 36, 102, 106]),
            // "0" pairs keep their leading zero. 105+0+2·5 = 115 ≡ 12.
            ("0005", [105, 0, 5, 12, 106]),
        ])
    func knownSequences(text: String, symbols: [Int]) throws {
        let code = try Code128(text)
        #expect(code.symbols.map(Int.init) == symbols)
        #expect(Int(code.checkSymbol) == symbols[symbols.count - 2])
        #expect(code.moduleCount == 11 * (symbols.count - 1) + 13)
        #expect(code.elementWidths.map(Int.init).reduce(0, +) == code.moduleCount)
        #expect(try Code128Decoder.decode(svg: code.svg()).text == text)
    }

    @Test("the widths table: 11 modules a symbol, even bar modules, no two alike, and the stop's final bar")
    func table() {
        #expect(Code128.patterns.count == 107)
        for (value, pattern) in Code128.patterns.enumerated().dropLast() {
            #expect(pattern.count == 6 && pattern.map(Int.init).reduce(0, +) == 11, "value \(value)")
            #expect((pattern[0] + pattern[2] + pattern[4]) % 2 == 0, "value \(value)")
        }
        #expect(Set(Code128.patterns).count == 107)
        #expect(Code128.patterns[106] == [2, 3, 3, 1, 1, 1, 2])
    }

    @Test("characters outside code sets B and C are refused with their offset")
    func refused() {
        #expect(throws: Code128Error.empty) { try Code128("") }
        #expect(throws: Code128Error.unsupportedCharacter(offset: 3)) { try Code128("caf\u{E9}") }
        #expect(throws: Code128Error.unsupportedCharacter(offset: 1)) { try Code128("A\nB") }
        #expect(throws: Code128Error.unsupportedCharacter(offset: 0)) { try Code128("\t12") }
        #expect(throws: Code128Error.unsupportedCharacter(offset: 2)) { try Code128("12\u{80}") }
        #expect(throws: Code128Error.unsupportedCharacter(offset: 4)) { try Code128("MELT\u{0660}") }  // Arabic-Indic 0
        #expect(throws: Never.self) { try Code128(" ~\u{7F}") }
    }

    @Test("the SVG: viewBox in modules, role and label, crisp edges, quiet zones of at least 10 modules")
    func svgShape() throws {
        let code = try Code128("MELT-7KQ2X9ZP4A")
        let svg = code.svg()
        let width = code.moduleCount + 20
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) 60\""))
        #expect(svg.contains(" role=\"img\" aria-label=\"MELT-7KQ2X9ZP4A\""))
        #expect(svg.contains(" shape-rendering=\"crispEdges\""))
        #expect(svg.hasSuffix("</svg>"))
        #expect(!svg.contains("<text"))
        let reading = try Code128Decoder.decode(svg: svg)
        #expect(reading.quietZones == (10, 10))

        let narrow = try Code128Decoder.decode(svg: code.svg(.init(quietZone: 3)))
        #expect(narrow.quietZones == (10, 10))
        let wide = try Code128Decoder.decode(svg: code.svg(.init(quietZone: 15, barHeight: 30)))
        #expect(wide.quietZones == (15, 15))

        let labelled = code.svg(.init(humanReadable: true, label: "Coupon code"))
        #expect(labelled.contains("aria-label=\"Coupon code\""))
        #expect(labelled.contains(">MELT-7KQ2X9ZP4A</text></svg>"))
        #expect(labelled.contains("viewBox=\"0 0 \(width) 74\""))
    }

    @Test("markup characters of set B are escaped, and the SVG is well-formed XML")
    func escaping() throws {
        let text = #"A&B<"'>"#
        let svg = try Code128(text).svg(.init(humanReadable: true))
        #expect(svg.contains(#"aria-label="A&amp;B&lt;&quot;&#39;&gt;""#))
        #expect(svg.contains(#">A&amp;B&lt;&quot;&#39;&gt;</text>"#))
        #expect(try Code128Decoder.decode(svg: svg).text == text)
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
        #expect(try Code128("x\u{7F}").svg().contains("aria-label=\"x\u{2421}\""))
    }

    @Test("every text over {1, 2, A} up to 8 characters: as short as any B/C encoding, and decodes back")
    func exhaustiveShortest() throws {
        var texts: [String] = [""]
        for _ in 1...8 {
            texts = texts.flatMap { prefix in ["1", "2", "A"].map { prefix + $0 } }
            for text in texts {
                let code = try Code128(text)
                #expect(code.symbols.count == Self.fewestDataSymbols(text) + 3, "\(text): \(code.symbols)")
                #expect(try Code128Decoder.decode(svg: code.svg()).text == text)
            }
        }
    }

    @Test("random coupon-like, all-digit and mixed codes decode back to their text", arguments: 0..<3)
    func randomRoundTrips(kind: Int) throws {
        var random = SplitMix64(seed: 0x5EED_C0DE + UInt64(kind))
        let unambiguous = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789".unicodeScalars)
        for _ in 0..<400 {
            var text = ""
            switch kind {
            case 0:  // code_prefix + 10 or more characters of an unambiguous alphabet
                text = ["MELT-", "SALE", "VIP-", ""][random.below(4)]
                for _ in 0..<random.int(in: 10...16) { text.unicodeScalars.append(unambiguous[random.below(32)]) }
            case 1:
                for _ in 0..<random.int(in: 1...40) { text += String(random.below(10)) }
            default:  // printable ASCII and DEL, with digit runs of every length
                for _ in 0..<random.int(in: 1...12) {
                    if random.below(2) == 0 {
                        for _ in 0..<random.int(in: 1...9) { text += String(random.below(10)) }
                    } else {
                        for _ in 0..<random.int(in: 1...4) {
                            text.unicodeScalars.append(Unicode.Scalar(UInt8(32 + random.below(96))))
                        }
                    }
                }
            }
            let code = try Code128(text)
            let reading = try Code128Decoder.decode(svg: code.svg(.init(humanReadable: random.below(2) == 0)))
            #expect(reading.text == text)
            #expect(reading.symbols == code.symbols.map(Int.init))
            #expect(reading.quietZones.left >= 10 && reading.quietZones.right >= 10)
            #expect(code.symbols.count == Self.fewestDataSymbols(text) + 3, "\(text): \(code.symbols)")
        }
    }

    /// The fewest data symbols of any encoding in code sets B and C, start, check and stop aside, by dynamic
    /// programming over (position, current set) with every switch allowed: the reference the encoder's annex-E rules
    /// must meet.
    static func fewestDataSymbols(_ text: String) -> Int {
        let bytes = Array(text.utf8)
        let count = bytes.count
        func isDigit(_ index: Int) -> Bool { index < count && bytes[index] >= 48 && bytes[index] <= 57 }
        let never = Int.max / 4
        // fewest[i] = (in B, in C): symbols for bytes[i...] when the current set is B or C.
        var fewest = [(b: Int, c: Int)](repeating: (never, never), count: count + 2)
        fewest[count] = (0, 0)
        for index in stride(from: count - 1, through: 0, by: -1) {
            let stayB = 1 + fewest[index + 1].b
            let stayC = isDigit(index) && isDigit(index + 1) ? 1 + fewest[index + 2].c : never
            fewest[index] = (min(stayB, 1 + stayC), min(stayC, 1 + stayB))
        }
        return min(fewest[0].b, fewest[0].c)
    }
}
