import Testing

@testable import MIME

@Suite("addresses, message ids and extra headers")
struct AddressTests {
    @Test(arguments: [
        "a@example.com", "john.doe+news@mail.example.co.uk", "x!#$%&'*+/=?^_`{|}~-@a-b.c0", "1@2.3",
        String(repeating: "l", count: 64) + "@" + String(repeating: "d", count: 63) + ".com",
    ])
    func accepts(address: String) throws {
        #expect(try MailAddress(address).text == address)
    }

    static let longDomain = Array(repeating: String(repeating: "d", count: 60), count: 5).joined(separator: ".")
    static let refused: [(String, MIMEError.Reason)] = [
        ("", MIMEError.Reason.empty),
        ("no-at.example.com", .invalidLocalPart),
        ("@example.com", .invalidLocalPart),
        (".a@example.com", .invalidLocalPart),
        ("a.@example.com", .invalidLocalPart),
        ("a..b@example.com", .invalidLocalPart),
        ("a b@example.com", .invalidLocalPart),
        ("a(b)@example.com", .invalidLocalPart),
        ("a@b@example.com", .invalidLocalPart),
        ("\"a b\"@example.com", .quotedLocalPart),
        ("a@localhost", .invalidDomain),
        ("a@", .invalidDomain),
        ("a@-x.com", .invalidDomain),
        ("a@x-.com", .invalidDomain),
        ("a@x..com", .invalidDomain),
        ("a@x.com.", .invalidDomain),
        ("a@x_y.com", .invalidDomain),
        ("a@[127.0.0.1]", .invalidDomain),
        (longLabel, .invalidDomain),
        (longLocal, .tooLong(limit: 64)),
        ("a@" + longDomain, .tooLong(limit: 254)),
        ("élodie@example.com", .internationalizedAddress),
        ("a@bücher.de", .internationalizedAddress),
        ("a@example.com\r\nBcc: b@example.com", .controlCharacter),
        ("a\u{85}@example.com", .controlCharacter),
        ("a\t@example.com", .controlCharacter),
    ]

    static let longLabel = "a@" + String(repeating: "d", count: 64) + ".com"
    static let longLocal = String(repeating: "l", count: 65) + "@example.com"

    @Test(arguments: refused)
    func refuses(address: String, reason: MIMEError.Reason) {
        #expect(throws: MIMEError(field: "address", reason: reason)) { try MailAddress(address) }
    }

    @Test("the reason of an internationalized address names SMTPUTF8")
    func internationalizedReason() {
        #expect(
            MIMEError(field: "address", reason: .internationalizedAddress).description.contains("SMTPUTF8"))
    }

    @Test(arguments: [
        ("", "a.b", MIMEError.Reason.empty), ("a b", "x.y", .invalidLocalPart), ("a", "[1.2.3.4]", .invalidDomain),
        ("a..b", "x", .invalidLocalPart), ("é", "x", .nonASCII), ("a\n", "x", .controlCharacter),
        (String(repeating: "a", count: 900), String(repeating: "b", count: 81), .tooLong(limit: 980)),
    ])
    func refusesMessageIDs(left: String, right: String, reason: MIMEError.Reason) {
        #expect(throws: MIMEError(field: "Message-ID", reason: reason)) {
            try MessageID(localPart: left, domain: right)
        }
    }

    @Test(arguments: [
        "From", "to", "REPLY-TO", "Subject", "Date", "Message-Id", "MIME-Version", "Content-Type",
        "content-transfer-encoding", "Content-Disposition",
    ])
    func refusesReservedNames(name: String) {
        #expect(throws: MIMEError(field: name, reason: .reservedHeaderName)) {
            try HeaderField(name: name, raw: "x")
        }
    }

    @Test(arguments: ["", "X Campaign", "X:Campaign", "X-Cämpaign", "X-\r\nBcc", String(repeating: "X", count: 77)])
    func refusesInvalidNames(name: String) {
        #expect(throws: MIMEError(field: "header name", reason: .invalidHeaderName)) {
            try HeaderField(name: name, raw: "x")
        }
    }

    @Test("extra headers: raw folded at spaces, unstructured encoded, mailbox lists")
    func extraHeaders() throws {
        let unsubscribe =
            "<https://shop.example.test/unsubscribe?token=abcdefghijklmnopqrstuvwxyz234567&one-click=1>, "
            + "<mailto:unsubscribe+abcdefghijklmnopqrstuvwxyz234567@shop.example.test>"
        let fields = [
            try HeaderField(name: "List-Unsubscribe", raw: unsubscribe),
            try HeaderField(name: "List-Unsubscribe-Post", raw: "List-Unsubscribe=One-Click"),
            try HeaderField(name: "X-Campaign", unstructured: "Χειμώνας 2026"),
            try HeaderField(
                name: "Cc",
                value: .mailboxList([
                    Mailbox(displayName: "Ζωή", address: try MailAddress("zoe@example.com")),
                    Mailbox(displayName: nil, address: try MailAddress("b@example.com")),
                ])),
        ]
        #expect(fields.map(\.kind) == [.raw, .raw, .unstructured, .mailboxList])
        let written = try Messages.written(Messages.message(extraHeaders: fields))
        #expect(Messages.field("List-Unsubscribe", in: written) == unsubscribe)
        #expect(Messages.field("List-Unsubscribe-Post", in: written) == "List-Unsubscribe=One-Click")
        #expect(try EncodedWord.decode(Messages.field("X-Campaign", in: written)!) == "Χειμώνας 2026")
        #expect(Messages.field("Cc", in: written) == "=?utf-8?b?zpbPic6u?= <zoe@example.com>, b@example.com")
        #expect(
            Messages.fields(written).map(\.name) == [
                "From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "List-Unsubscribe",
                "List-Unsubscribe-Post", "X-Campaign", "Cc", "Content-Type",
            ])
    }

    @Test("a raw token that cannot fit 998 octets is refused; one under it is written on one line")
    func rawLineLimit() throws {
        let long = "<https://x.example/" + String(repeating: "a", count: 960) + ">"
        #expect(try HeaderField(name: "List-Unsubscribe", raw: long).name == "List-Unsubscribe")
        // A first token that fits only a line of its own goes after a fold right after the colon.
        let url = "<https://shop.example.test/u/" + String(repeating: "t", count: 40) + ">"
        #expect(
            try HeaderField(name: "List-Unsubscribe", raw: url).encoded
                == Array("List-Unsubscribe:\r\n \(url)\r\n".utf8))
        #expect(try HeaderField(name: "X-Id", raw: url).encoded == Array("X-Id: \(url)\r\n".utf8))
        #expect(throws: MIMEError(field: "X-Long", reason: .tooLong(limit: 998))) {
            try HeaderField(name: "X-Long", raw: String(repeating: "a", count: 995))
        }
        #expect(throws: MIMEError(field: "Cc", reason: .empty)) { try HeaderField(name: "Cc", value: .mailboxList([])) }
    }
}
