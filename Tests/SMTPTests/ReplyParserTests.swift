import Testing

@testable import SMTP

@Suite("RFC 5321 §4.2 replies, parsed from bytes")
struct ReplyParserTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var bytes: String
        var reply: SMTPReply
        var length: Int
        var testDescription: String { bytes.debugDescription }
    }

    static let wellFormed: [Case] = [
        Case(bytes: "250 OK\r\n", reply: SMTPReply(code: 250, lines: ["OK"]), length: 8),
        Case(bytes: "354\r\n", reply: SMTPReply(code: 354, lines: [""]), length: 5),
        Case(
            bytes: "550 5.1.1 User unknown\r\n",
            reply: SMTPReply(code: 550, enhanced: "5.1.1", lines: ["5.1.1 User unknown"]), length: 24),
        Case(bytes: "250 2.0.0\r\n", reply: SMTPReply(code: 250, enhanced: "2.0.0", lines: ["2.0.0"]), length: 11),
        Case(
            bytes: "451 4.123.999 later\r\n",
            reply: SMTPReply(code: 451, enhanced: "4.123.999", lines: ["4.123.999 later"]), length: 21),
        // The class must match the reply code's first digit, and the parts have 1 to 3 digits.
        Case(bytes: "550 4.1.1 odd\r\n", reply: SMTPReply(code: 550, lines: ["4.1.1 odd"]), length: 15),
        Case(bytes: "550 5.1.1234 x\r\n", reply: SMTPReply(code: 550, lines: ["5.1.1234 x"]), length: 16),
        Case(bytes: "550 5.1.1x\r\n", reply: SMTPReply(code: 550, lines: ["5.1.1x"]), length: 12),
        Case(
            bytes: "250-peer.test\r\n250-PIPELINING\r\n250-SIZE 1000\r\n250 HELP\r\n",
            reply: SMTPReply(code: 250, lines: ["peer.test", "PIPELINING", "SIZE 1000", "HELP"]), length: 56),
        Case(
            bytes: "550-5.1.1 first\r\n550 5.1.1 second\r\n",
            reply: SMTPReply(code: 550, enhanced: "5.1.1", lines: ["5.1.1 first", "5.1.1 second"]), length: 35),
        // A bare LF ends a line too; only the first reply of the buffer is taken.
        Case(bytes: "220 hi\n250 next\r\n", reply: SMTPReply(code: 220, lines: ["hi"]), length: 7),
        Case(bytes: "221 bye\r\n221 again", reply: SMTPReply(code: 221, lines: ["bye"]), length: 9),
        Case(bytes: "250 ünïcode\r\n", reply: SMTPReply(code: 250, lines: ["ünïcode"]), length: 15),
    ]

    @Test(arguments: wellFormed)
    func parsesAWellFormedReply(_ test: Case) throws {
        let parsed = try #require(try ReplyParser.parse(Array(test.bytes.utf8)))
        #expect(parsed.reply == test.reply)
        #expect(parsed.length == test.length)
    }

    @Test(arguments: ["", "250", "250 OK", "250 OK\r", "250-first\r\n", "250-first\r\n250 sec"])
    func waitsForTheRestOfAReply(_ bytes: String) throws {
        #expect(try ReplyParser.parse(Array(bytes.utf8)) == nil)
    }

    static let malformed: [(String, String)] = [
        ("2x0 OK\r\n", "a reply line does not start with a reply code"),
        ("650 OK\r\n", "a reply line does not start with a reply code"),
        ("260 OK\r\n", "a reply line does not start with a reply code"),
        ("25\r\n", "a reply line does not start with a reply code"),
        ("hello\r\n", "a reply line does not start with a reply code"),
        ("\r\n", "a reply line does not start with a reply code"),
        ("250_OK\r\n", "a reply code is followed by neither SP nor '-'"),
        ("250-a\r\n251 b\r\n", "the lines of a multi-line reply carry different codes"),
        ("250-a\r\nb\r\n", "a reply line does not start with a reply code"),
        ("250 " + String(repeating: "x", count: 2100), "a reply line is longer than 2048 bytes"),
        ("250-" + String(repeating: "x", count: 2044) + "\r\n", "a reply line is longer than 2048 bytes"),
    ]

    @Test(arguments: malformed)
    func refusesAMalformedReply(_ bytes: String, _ message: String) {
        #expect(throws: SMTPError(.protocolViolation(message))) { try ReplyParser.parse(Array(bytes.utf8)) }
    }

    @Test func boundsTheWholeReply() {
        let line = "250-" + String(repeating: "k", count: 1000) + "\r\n"
        let bytes = Array(String(repeating: line, count: 70).utf8)
        #expect(throws: SMTPError(.protocolViolation("a reply is longer than 65536 bytes"))) {
            try ReplyParser.parse(bytes)
        }
    }

    @Test func readsTheCapabilitiesOfAnEHLOReply() throws {
        let bytes = "250-peer\r\n250-pipelining\r\n250-SIZE 1000\r\n250-8BITMIME\r\n250-CHUNKING\r\n250 SMTPUTF8\r\n"
        let reply = try #require(try ReplyParser.parse(Array(bytes.utf8))).reply
        let capabilities = SMTPCapabilities(ehlo: reply)
        #expect(capabilities.isExtended)
        #expect(capabilities.pipelining && capabilities.eightBitMIME && capabilities.chunking && capabilities.smtpUTF8)
        #expect(capabilities.sizeLimit == 1000)
        #expect(!capabilities.enhancedStatusCodes)
        #expect(
            capabilities.keywords == ["PIPELINING": "", "SIZE": "1000", "8BITMIME": "", "CHUNKING": "", "SMTPUTF8": ""])
        let unlimited = SMTPCapabilities(ehlo: SMTPReply(code: 250, lines: ["peer", "SIZE 0"]))
        #expect(unlimited.size && unlimited.sizeLimit == nil)
    }
}
