import Diagnostics
import Testing

@testable import TextFormats

/// RFC 4180 §2 and the quirks of real exports, each as input bytes and the records expected.
@Suite("CSV reader")
struct CSVReaderTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var input: [UInt8]
        var records: [[String]]
        var testDescription: String { name }

        init(_ name: String, _ input: String, _ records: [[String]]) {
            self.name = name
            self.input = Array(input.utf8)
            self.records = records
        }

        init(_ name: String, bytes: [UInt8], _ records: [[String]]) {
            self.name = name
            self.input = bytes
            self.records = records
        }
    }

    static let cases: [Case] = [
        Case("LF line ends", "a,b\n1,2\n", [["a", "b"], ["1", "2"]]),
        Case("CRLF line ends (RFC 4180 §2.1)", "a,b\r\n1,2\r\n", [["a", "b"], ["1", "2"]]),
        Case("a lone CR ends a record", "a,b\r1,2", [["a", "b"], ["1", "2"]]),
        Case("no final line break (§2.2)", "a,b\r\n1,2", [["a", "b"], ["1", "2"]]),
        Case("quoted fields (§2.5)", "\"a\",\"b c\"\n", [["a", "b c"]]),
        Case("commas and line breaks inside quotes (§2.6)", "\"x,y\",\"1\r\n2\"\n", [["x,y", "1\r\n2"]]),
        Case("doubled quotes (§2.7)", "\"say \"\"hi\"\"\",b\n", [["say \"hi\"", "b"]]),
        Case("empty fields", ",,\n", [["", "", ""]]),
        Case("an empty quoted field", "\"\",x\n", [["", "x"]]),
        Case(
            "a UTF-8 byte order mark is skipped", bytes: [0xEF, 0xBB, 0xBF] + Array("id,name\n1,x\n".utf8),
            [["id", "name"], ["1", "x"]]),
        Case(
            "UTF-8 text, U+2028 and no-break spaces stay data", "\"Μαρία\u{2028}\u{A0}x\",چای\n",
            [["Μαρία\u{2028}\u{A0}x", "چای"]]),
        Case("a trailing comma is an empty last field", "a,\n", [["a", ""]]),
        Case("an empty line is a record of one empty field", "a\n\nb\n", [["a"], [""], ["b"]]),
    ]

    static func read(_ bytes: [UInt8]) -> (records: [[String]], diagnostics: DiagnosticEngine) {
        var reader = CSVReader(source: SourceText(path: "t.csv", bytes: bytes))
        var record = CSVRecord()
        var diagnostics = DiagnosticEngine()
        var records: [[String]] = []
        while reader.next(into: &record, diagnostics: &diagnostics) {
            records.append(record.fields.map { reader.string($0) })
        }
        return (records, diagnostics)
    }

    @Test("records", arguments: cases)
    func records(_ testCase: Case) {
        let (records, diagnostics) = Self.read(testCase.input)
        #expect(records == testCase.records)
        #expect(diagnostics.diagnostics.isEmpty)
    }

    @Test("every field knows its line and column, also after a multi-line field")
    func fieldLocations() {
        let source = SourceText(path: "t.csv", text: "id,text\n1,\"two\nlines\"\n2,\"x\"\n")
        var reader = CSVReader(source: source)
        var record = CSVRecord()
        var diagnostics = DiagnosticEngine()
        var locations: [String] = []
        while reader.next(into: &record, diagnostics: &diagnostics) {
            locations += record.fields.map { reader.location(of: $0).description }
        }
        #expect(locations == ["t.csv:1:1", "t.csv:1:4", "t.csv:2:1", "t.csv:2:3", "t.csv:4:1", "t.csv:4:3"])
    }

    @Test("syntax errors are reported at their byte and reading goes on")
    func syntaxErrors() {
        let (records, diagnostics) = Self.read(Array("a,b\"c\n\"x\"y,z\nok,1\n\"open\n".utf8))
        #expect(
            diagnostics.diagnostics.map(\.description) == [
                "t.csv:1:4: error: quote inside an unquoted field",
                "t.csv:2:4: error: unexpected character after a closing quote",
                "t.csv:4:1: error: quoted field is never closed",
            ])
        #expect(records[2] == ["ok", "1"])
    }

    @Test(
        "invalid UTF-8 is reported with its position",
        arguments: [
            ([0x61, 0x2C, 0xFF, 0x0A], ["t.csv:1:3: error: invalid UTF-8 byte 0xFF"]),
            ([0x61, 0x0A, 0x62, 0xC3], ["t.csv:2:2: error: invalid UTF-8 byte 0xC3"]),
            (
                [0xC0, 0xAF],
                ["t.csv:1:1: error: invalid UTF-8 byte 0xC0", "t.csv:1:2: error: invalid UTF-8 byte 0xAF"]
            ),
            (
                [0xED, 0xA0, 0x80],
                [  // an encoded surrogate
                    "t.csv:1:1: error: invalid UTF-8 byte 0xED", "t.csv:1:2: error: invalid UTF-8 byte 0xA0",
                    "t.csv:1:3: error: invalid UTF-8 byte 0x80",
                ]
            ),
            (Array("όλα καλά, 😀 fine\n".utf8), []),
        ] as [([UInt8], [String])])
    func invalidUTF8(_ bytes: [UInt8], _ expected: [String]) {
        var diagnostics = DiagnosticEngine()
        UTF8Validation.check(SourceText(path: "t.csv", bytes: bytes), diagnostics: &diagnostics)
        #expect(diagnostics.diagnostics.map(\.description) == expected)
    }
}

/// Bare fields are scanned eight bytes at a time: every field length, every place of the byte that ends it or of a
/// stray quote, every way the record ends, and fields that end within eight bytes of the end of the input.
@Suite("CSV reader, word-at-a-time scanning")
struct CSVWordScanningTests {
    /// `length` bytes of field content: ASCII and two-byte UTF-8 mixed (high bytes must never look like `,`).
    static func content(length: Int, quoteAt: Int?) -> [UInt8] {
        let pattern = Array("aé1-Ωx,".utf8).filter { $0 != UInt8(ascii: ",") }
        var bytes = (0..<length).map { pattern[$0 % pattern.count] }
        if let quoteAt { bytes[quoteAt] = UInt8(ascii: "\"") }
        return bytes
    }

    @Test func everyLengthEveryEndEveryStrayQuote() {
        var checked = 0
        for length in 0...19 {
            // A quote at the field's first byte would open a quoted field: stray quotes start at the second.
            for quoteAt in [nil] + stride(from: 1, to: length, by: 1).map(Optional.some) {
                for ending in ["", "\n", "\r\n", "\r", ",z\n", ",z"] {
                    let field = Self.content(length: length, quoteAt: quoteAt)
                    let input = Array("ab,".utf8) + field + Array(ending.utf8)
                    var reader = CSVReader(source: SourceText(path: "t.csv", bytes: input))
                    var record = CSVRecord()
                    var diagnostics = DiagnosticEngine()
                    #expect(reader.next(into: &record, diagnostics: &diagnostics))
                    let fields = record.fields.map { Array(reader.bytes($0)) }
                    let expected = [Array("ab".utf8), field] + (ending.hasPrefix(",") ? [Array("z".utf8)] : [])
                    #expect(
                        fields == expected,
                        "length \(length), quote at \(String(describing: quoteAt)), \(ending.debugDescription)")
                    // The stray quote is reported at its own byte (column = 3 bytes of "ab," + its offset + 1).
                    let messages = diagnostics.diagnostics.map(\.description)
                    #expect(
                        messages == quoteAt.map { ["t.csv:1:\(4 + $0): error: quote inside an unquoted field"] } ?? [])
                    // Nothing is left but the end of the input.
                    #expect(!reader.next(into: &record, diagnostics: &diagnostics))
                    checked += 1
                }
            }
        }
        #expect(checked == 6 * (20 + (0...19).reduce(0) { $0 + Swift.max(0, $1 - 1) }))
    }
}

@Suite("CSV reader, splitting for several cores")
struct CSVSplitTests {
    static func records(_ reader: CSVReader) -> [[String]] {
        var reader = reader
        var record = CSVRecord()
        var diagnostics = DiagnosticEngine()
        var records: [[String]] = []
        while reader.next(into: &record, diagnostics: &diagnostics) {
            records.append(record.fields.map { reader.string($0) })
        }
        return records
    }

    /// A file over a megabyte whose split points each fall inside a quoted field with line breaks and doubled
    /// quotes: every piece starts at a record, and together they read as one pass does.
    @Test(arguments: [2, 3, 4])
    func piecesReadAsOnePass(parts: Int) {
        let size = 1 << 21
        var bytes = Array("id,text\n".utf8)
        let row = Array("1234,plain text of a line\n".utf8)
        let quoted = Array("5678,\"a \"\"quoted\"\"\nline, and\nmore\"\n".utf8)
        /// Rows, then one line of padding, up to exactly `offset`.
        func fill(to offset: Int) {
            while bytes.count + row.count <= offset { bytes += row }
            bytes += Array(repeating: UInt8(ascii: "x"), count: offset - bytes.count - 1) + [UInt8(ascii: "\n")]
        }
        for part in 1..<parts {
            // The reader aims at size × part / parts; the quoted field opens 15 bytes before and closes after.
            fill(to: size * part / parts - 15)
            bytes += quoted
        }
        fill(to: size)
        #expect(bytes.count == size)
        let reader = CSVReader(source: SourceText(path: "t.csv", bytes: bytes))
        let pieces = reader.split(into: parts)
        let whole = Self.records(reader)
        #expect(pieces.count == parts)
        let readAsOnePass = pieces.flatMap(Self.records) == whole  // a Bool: a failure prints no megabytes
        #expect(readAsOnePass)
        #expect(pieces.dropFirst().allSatisfy { bytes[$0.offset - 1] == UInt8(ascii: "\n") })
        #expect(whole.count { $0 == ["5678", "a \"quoted\"\nline, and\nmore"] } == parts - 1)
    }
}
