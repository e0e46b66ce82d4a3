@testable import MIME

/// Messages for the tests, and the header block of a written one.
enum Messages {
    static func message(
        toName: String? = "Ελένη Παππά", toAddress: String = "eleni@example.com", subject: String = "Hello",
        messageID: String = "0001.abc", extraHeaders: [HeaderField] = [], text: String = "text\n",
        html: String = "<p>html</p>\n"
    ) throws(MIMEError) -> MailMessage {
        MailMessage(
            from: Mailbox(displayName: "Vitrine Shop", address: try MailAddress("news@shop.example.test")),
            to: Mailbox(displayName: toName, address: try MailAddress(toAddress)),
            subject: subject, date: 1_796_538_001, messageID: try MessageID(localPart: messageID, domain: "shop.test"),
            extraHeaders: extraHeaders, text: Array(text.utf8), html: Array(html.utf8))
    }

    static func written(_ message: MailMessage) throws -> String {
        var output: [UInt8] = []
        try message.write(into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// The physical header lines (before the first empty line).
    static func headerLines(_ written: String) -> [Substring] {
        let head = written.split(separator: "\r\n\r\n", maxSplits: 1, omittingEmptySubsequences: false)[0]
        return head.split(separator: "\r\n", omittingEmptySubsequences: false)
    }

    /// Each field as (name, unfolded value without the space after the colon), in order.
    static func fields(_ written: String) -> [(name: String, value: String)] {
        var fields: [(name: String, value: String)] = []
        for line in headerLines(written) {
            if line.first == " " || line.first == "\t" {
                fields[fields.count - 1].value += line
            } else {
                let colon = line.firstIndex(of: ":")!
                fields.append((String(line[..<colon]), String(line[line.index(after: colon)...])))
            }
        }
        // The space after the colon, on the first line or after a fold right after it, is not part of the value.
        return fields.map { ($0.name, $0.value.hasPrefix(" ") ? String($0.value.dropFirst()) : $0.value) }
    }

    static func field(_ name: String, in written: String) -> String? {
        fields(written).first { $0.name == name }?.value
    }
}
