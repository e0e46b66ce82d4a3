import Testing

@testable import SMTP

@Suite("RFC 5321 §4.5.2 mail data: dot-stuffing, the final CRLF, bare CR and LF")
struct MessageDataTests {
    static let encodings: [(String, String)] = [
        ("Subject: a\r\n\r\nbody\r\n", "Subject: a\r\n\r\nbody\r\n.\r\n"),
        ("a\r\n.b\r\n", "a\r\n..b\r\n.\r\n"),
        (".\r\n", "..\r\n.\r\n"),
        ("..\r\n.\r\n...", "...\r\n..\r\n....\r\n.\r\n"),
        ("a.\r\nb .\r\n", "a.\r\nb .\r\n.\r\n"),
        ("no final line end", "no final line end\r\n.\r\n"),
        (".starts", "..starts\r\n.\r\n"),
        ("", ".\r\n"),
        ("\r\n", "\r\n.\r\n"),
    ]

    @Test(arguments: encodings)
    func encodes(_ message: String, _ wire: String) throws {
        var output: [UInt8] = []
        let scan = try MessageData.encode(Array(message.utf8), into: &output)
        #expect(String(decoding: output, as: UTF8.self) == wire)
        #expect(!scan.hasEightBit)
    }

    @Test func appendsToWhatTheBufferHolds() throws {
        var output = Array("MAIL".utf8)
        _ = try MessageData.encode(Array(".x".utf8), into: &output)
        #expect(output == Array("MAIL..x\r\n.\r\n".utf8))
    }

    @Test func findsEightBitBytes() throws {
        var output: [UInt8] = []
        #expect(try MessageData.encode(Array("Grüße\r\n".utf8), into: &output).hasEightBit)
        #expect(try MessageData.encode([0x41, 0x80], into: &output).hasEightBit)
        #expect(try !MessageData.encode([0x41, 0x7F, 0x0D, 0x0A], into: &output).hasEightBit)
    }

    @Test(arguments: [("a\nb", 1), ("a\rb", 1), ("a\r", 1), ("\n", 0), ("ok\r\n\r\r\n", 4), ("ok\r\n\n", 4)])
    func refusesABareCROrLF(_ message: String, _ offset: Int) {
        var output: [UInt8] = []
        #expect(throws: SMTPError(.protocolViolation("the message has a bare CR or LF at byte \(offset)"))) {
            try MessageData.encode(Array(message.utf8), into: &output)
        }
    }
}
