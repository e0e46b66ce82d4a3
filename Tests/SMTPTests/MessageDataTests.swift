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

    /// The whole wire form appended to `output` (the message or its stuffed copy, then its ending); nothing is
    /// appended when the message is refused.
    static func encode(_ message: [UInt8], into output: inout [UInt8]) throws(SMTPError) -> MessageData.Scan {
        var stuffed: [UInt8] = []
        let form = try MessageData.wire(message, stuffed: &stuffed)
        output += form.content + form.ending
        return form.scan
    }

    @Test(arguments: encodings)
    func encodes(_ message: String, _ wire: String) throws {
        var output: [UInt8] = []
        let scan = try Self.encode(Array(message.utf8), into: &output)
        #expect(String(decoding: output, as: UTF8.self) == wire)
        #expect(!scan.hasEightBit)
    }

    @Test func aMessageWithNoLineToStuffIsSentFromItsOwnStorage() throws {
        let message = Array("Subject: a\r\n\r\nbody. a.\r\n".utf8)
        var stuffed: [UInt8] = []
        let form = try MessageData.wire(message, stuffed: &stuffed)
        #expect(form.content == message && form.ending == Array(".\r\n".utf8))
        let same =
            form.content.withUnsafeBufferPointer { $0.baseAddress }
            == message.withUnsafeBufferPointer {
                $0.baseAddress
            }
        #expect(same, "not copied")
        #expect(stuffed.isEmpty)
        let dotted = try MessageData.wire(Array("a\r\n.b".utf8), stuffed: &stuffed)
        #expect(dotted.content == Array("a\r\n..b".utf8) && dotted.ending == Array("\r\n.\r\n".utf8))
    }

    @Test func findsEightBitBytes() throws {
        var output: [UInt8] = []
        #expect(try Self.encode(Array("Grüße\r\n".utf8), into: &output).hasEightBit)
        #expect(try Self.encode([0x41, 0x80], into: &output).hasEightBit)
        #expect(try !Self.encode([0x41, 0x7F, 0x0D, 0x0A], into: &output).hasEightBit)
    }

    @Test(arguments: [("a\nb", 1), ("a\rb", 1), ("a\r", 1), ("\n", 0), ("ok\r\n\r\r\n", 4), ("ok\r\n\n", 4)])
    func refusesABareCROrLF(_ message: String, _ offset: Int) {
        var output: [UInt8] = []
        #expect(throws: SMTPError(.protocolViolation("the message has a bare CR or LF at byte \(offset)"))) {
            try Self.encode(Array(message.utf8), into: &output)
        }
    }

    /// The reference: the first CR not followed by LF or LF not preceded by CR, byte by byte.
    static func naiveViolation(_ bytes: [UInt8]) -> Int? {
        for (index, byte) in bytes.enumerated() {
            if byte == 0x0D && (index + 1 == bytes.count || bytes[index + 1] != 0x0A) { return index }
            if byte == 0x0A && (index == 0 || bytes[index - 1] != 0x0D) { return index }
        }
        return nil
    }

    /// Random messages over a small alphabet (CR, LF, '.', a letter, a high byte, CR's neighbours 0x0C/0x0E and
    /// 0x8D), at every length around the 8-byte steps: the same verdict, offset, encoding and 8-bit flag as the
    /// byte-by-byte reference.
    @Test func agreesWithAByteByByteReference() throws {
        let alphabet: [UInt8] = [0x0D, 0x0A, 0x0D, 0x0A, 0x2E, 0x61, 0x80, 0x0C, 0x0E, 0x8D, 0x7F, 0x00]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func random(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var violations = 0
        for trial in 0..<20_000 {
            let length = trial % 41
            var bytes = (0..<length).map { _ in alphabet[random(alphabet.count)] }
            // Half the trials are well-formed: every CR and LF made into a CRLF pair.
            if trial % 2 == 0 {
                bytes = bytes.flatMap { $0 == 0x0D || $0 == 0x0A ? [0x0D, 0x0A] : [$0] }
            }
            var output: [UInt8] = [0x41]
            let expected = Self.naiveViolation(bytes)
            do {
                let scan = try Self.encode(bytes, into: &output)
                #expect(expected == nil, "\(bytes)")
                #expect(scan.hasEightBit == bytes.contains { $0 >= 0x80 })
                var wire: [UInt8] = [0x41]
                var lineStart = true
                for byte in bytes {
                    if lineStart && byte == 0x2E { wire.append(0x2E) }
                    wire.append(byte)
                    lineStart = byte == 0x0A
                }
                if let last = bytes.last, last != 0x0A { wire += [0x0D, 0x0A] }
                wire += [0x2E, 0x0D, 0x0A]
                #expect(output == wire, "\(bytes)")
            } catch {
                violations += 1
                #expect(
                    error == SMTPError(.protocolViolation("the message has a bare CR or LF at byte \(expected ?? -1)")))
                #expect(output == [0x41], "nothing is left in the buffer")
            }
        }
        #expect(violations > 5_000)
    }
}
