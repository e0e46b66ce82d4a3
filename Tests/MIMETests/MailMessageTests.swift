import Foundation
import SeededRandom
import Testing

@testable import MIME

@Suite("messages: layout, folding, dates")
struct MailMessageTests {
    @Test("the whole message, byte for byte")
    func exactBytes() throws {
        let message = MailMessage(
            from: Mailbox(displayName: "Vitrine", address: try MailAddress("news@shop.example.test")),
            to: Mailbox(displayName: "Doe, John", address: try MailAddress("john.doe@example.com")),
            replyTo: Mailbox(displayName: nil, address: try MailAddress("help@shop.example.test")),
            subject: "Your picks", date: 1_796_538_001,
            messageID: try MessageID(localPart: "42.x", domain: "shop.test"),
            extraHeaders: [try HeaderField(name: "List-Unsubscribe-Post", raw: "List-Unsubscribe=One-Click")],
            text: Array("Hi.\n".utf8), html: Array("<p>Hi</p>".utf8))
        let boundary = message.boundary
        #expect(boundary.hasPrefix("=_vt_") && boundary.utf8.count == 21)
        let expected = """
            From: Vitrine <news@shop.example.test>\r
            To: "Doe, John" <john.doe@example.com>\r
            Reply-To: help@shop.example.test\r
            Subject: Your picks\r
            Date: Sun, 06 Dec 2026 06:20:01 +0000\r
            Message-ID: <42.x@shop.test>\r
            MIME-Version: 1.0\r
            List-Unsubscribe-Post: List-Unsubscribe=One-Click\r
            Content-Type: multipart/alternative; boundary="\(boundary)"\r
            \r
            --\(boundary)\r
            Content-Type: text/plain; charset=utf-8\r
            Content-Transfer-Encoding: quoted-printable\r
            \r
            Hi.\r
            \r
            --\(boundary)\r
            Content-Type: text/html; charset=utf-8\r
            Content-Transfer-Encoding: quoted-printable\r
            \r
            <p>Hi</p>\r
            --\(boundary)--\r

            """
        #expect(try Messages.written(message) == expected)
        // Deterministic: the same message, the same bytes; another id, another boundary.
        #expect(try Messages.written(message) == expected)
        var other = message
        other.messageID = try MessageID(localPart: "43.x", domain: "shop.test")
        #expect(other.boundary != boundary)
    }

    @Test(arguments: [
        ("John Doe", "John Doe <a@example.com>"),
        ("Doe, John", "\"Doe, John\" <a@example.com>"),
        ("John Q. Public", "\"John Q. Public\" <a@example.com>"),
        ("Say \"hi\" \\o/", "\"Say \\\"hi\\\" \\\\o/\" <a@example.com>"),
        ("O'Brien-Smith", "O'Brien-Smith <a@example.com>"),
        ("", "a@example.com"),
        ("Renée Dubois", "=?utf-8?q?Ren=C3=A9e_Dubois?= <a@example.com>"),
        ("Ελένη", "=?utf-8?b?zpXOu86tzr3Otw==?= <a@example.com>"),
        (" padded", "=?utf-8?q?_padded?= <a@example.com>"),
        ("a=?b", "=?utf-8?q?a=3D=3Fb?= <a@example.com>"),
    ])
    func displayNames(name: String, header: String) throws {
        let written = try Messages.written(Messages.message(toName: name, toAddress: "a@example.com"))
        #expect(Messages.field("To", in: written) == header)
    }

    static let longSubjects: [String] = [
        "Your weekly picks: linen shirts, oak tables, wool scarves, ceramic mugs, lamps and more for the cold season",
        "Ελένη, οι επιλογές της εβδομάδας: λινά πουκάμισα, δρύινα τραπέζια, μάλλινα κασκόλ και κούπες — κωδικός VIT-AB12",
        "مریم عزیز، پیشنهادهای این هفته: پیراهن کتان، میز بلوط، شال پشمی، لیوان سرامیکی — کد تخفیف VIT-AB12",
        "🎁 Ζωή, 👨‍👩‍👧‍👦 family deals 🇬🇷 and more — 30 % off " + String(repeating: "✨", count: 20),
        String(repeating: "word ", count: 60) + "end",
        "https://shop.example.test/a/very/long/path/that/has/no/spaces/at/all/and/goes/on/for/a/while/yes",
    ]

    @Test(arguments: longSubjects)
    func subjectsFold(subject: String) throws {
        let written = try Messages.written(Messages.message(subject: subject))
        for line in Messages.headerLines(written) {
            #expect(line.utf8.count <= 76, "\(line)")
            #expect(!line.allSatisfy { $0 == " " })
        }
        let value = try #require(Messages.field("Subject", in: written))
        #expect(try EncodedWord.decode(value) == subject)
        if HeaderText.isPlain(subject.utf8) {
            #expect(value == subject, "plain ASCII stays literal; unfolding restores it")
        } else {
            #expect(value.hasPrefix("=?utf-8?"))
        }
    }

    @Test(
        "long names fold in To, and each line stays within 76",
        arguments: [
            EncodedWordTests.longGreekName, "Παρασκευή Αντωνοπούλου-Καραγιαννοπούλου", "عبدالرحمن حسین‌زاده خراسانی",
            "Maximilian Alexander von Habsburg-Lothringen und Hohenzollern-Sigmaringen",
            "Doe, Johnathan Maximilian Alexander von Habsburg-Lothringen und Hohenzollern",
        ])
    func namesFold(name: String) throws {
        let written = try Messages.written(Messages.message(toName: name, toAddress: "someone.long@example.com"))
        let lines = Messages.headerLines(written)
        #expect(lines.allSatisfy { $0.utf8.count <= 76 })
        let value = try #require(Messages.field("To", in: written))
        #expect(value.hasSuffix(" <someone.long@example.com>"))
        let phrase = String(value.dropLast(" <someone.long@example.com>".count))
        if phrase.hasPrefix("\"") {
            #expect(phrase == "\"" + name + "\"")
        } else {
            #expect(try EncodedWord.decode(phrase) == name)
        }
    }

    @Test("seeded random subjects and names: lines within 76, values decode back", arguments: 0..<20)
    func randomHeaders(seed: UInt64) throws {
        var random = SplitMix64(seed: 0x4845_0000 + seed)
        let pieces = [
            "a", "Zoë", "Ελένη", "مریم", "‌", "👨‍👩‍👧‍👦", "🇬🇷", "e\u{301}", " ", " ", "  ", ",", "\"", "\\", "=?", "?=",
            "_", "=", ".", "(x)", "<y>", "\u{2028}", String(repeating: "w", count: 80), "word", "Word",
        ]
        for _ in 0..<25 {
            var subject = ""
            var name = ""
            for _ in 0..<random.int(in: 0...40) { subject += random.pick(pieces) }
            for _ in 0..<random.int(in: 1...12) { name += random.pick(pieces) }
            let written = try Messages.written(Messages.message(toName: name, subject: subject))
            for line in Messages.headerLines(written) where !line.hasPrefix("Content-Type") {
                #expect(line.utf8.count <= 76, "\(line)")
                #expect(!line.allSatisfy { $0 == " " })
            }
            #expect(try EncodedWord.decode(Messages.field("Subject", in: written)!) == subject)
            let to = Messages.field("To", in: written)!
            #expect(to.hasSuffix(" <eleni@example.com>") || to == "eleni@example.com")
            if to != "eleni@example.com" {
                let phrase = String(to.dropLast(" <eleni@example.com>".count))
                // A quoted string, or atoms and encoded words.
                let decoded =
                    phrase.hasPrefix("\"") ? HeaderInjectionTests.unquote(phrase) : try EncodedWord.decode(phrase)
                #expect(decoded == name, "\(phrase) \(name.debugDescription)")
            }
        }
    }

    /// Foundation's zones stop at ±18 hours, so the offsets here are real ones (quarter hours within ±14:00).
    @Test("dates: RFC 5322 §3.3, against Foundation's formatter at seeded instants and offsets")
    func datesMatchFoundation() throws {
        var random = SplitMix64(seed: 7)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        var cases: [(Int64, Int)] = [(0, 0), (-1, 0), (951_782_400, 0), (4_107_542_400, 0), (-2_208_988_800, 0)]
        for _ in 0..<500 {
            cases.append((Int64(random.int(in: -2_208_988_800...253_402_214_399)), random.int(in: -56...56) * 15))
        }
        for (seconds, offset) in cases {
            var output: [UInt8] = []
            try DateTime.append(seconds: seconds, utcOffsetMinutes: offset, into: &output)
            formatter.timeZone = TimeZone(secondsFromGMT: offset * 60)
            let expected = formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
            #expect(String(decoding: output, as: UTF8.self) == expected, "\(seconds) \(offset)")
        }
    }

    @Test(arguments: [
        (Int64(1_796_538_001), 0, "Sun, 06 Dec 2026 06:20:01 +0000"),
        (0, 0, "Thu, 01 Jan 1970 00:00:00 +0000"),
        (-1, 0, "Wed, 31 Dec 1969 23:59:59 +0000"),
        (951_782_400, 0, "Tue, 29 Feb 2000 00:00:00 +0000"),
        (1_796_538_001, 330, "Sun, 06 Dec 2026 11:50:01 +0530"),
        (1_796_538_001, -420, "Sat, 05 Dec 2026 23:20:01 -0700"),
        (253_402_300_799, 0, "Fri, 31 Dec 9999 23:59:59 +0000"),
    ])
    func dates(seconds: Int64, offset: Int, text: String) throws {
        var output: [UInt8] = []
        try DateTime.append(seconds: seconds, utcOffsetMinutes: offset, into: &output)
        #expect(String(decoding: output, as: UTF8.self) == text)
    }

    @Test(arguments: [(Int64(253_402_300_800), 0), (-2_208_988_801, 0), (0, 1440), (0, -1440), (.max, 60)])
    func datesOutOfRange(seconds: Int64, offset: Int) {
        var output: [UInt8] = []
        #expect(throws: MIMEError(field: "Date", reason: .dateOutOfRange)) {
            try DateTime.append(seconds: seconds, utcOffsetMinutes: offset, into: &output)
        }
    }

    @Test("a refused message leaves the buffer as it was")
    func failedWriteLeavesBuffer() throws {
        var output = Array("previous message\r\n".utf8)
        let message = try Messages.message(subject: "bad\r\nBcc: x@example.com")
        #expect(throws: MIMEError(field: "Subject", reason: .controlCharacter)) { try message.write(into: &output) }
        #expect(output == Array("previous message\r\n".utf8))
    }
}
