import MIME
import Store
import TextFormats

/// Puts a composed `Newsletter` into MIME: the store's sender and reply-to, the campaign's Date, the list headers
/// every bulk sender needs (RFC 2369 List-Unsubscribe with RFC 8058 one-click, RFC 2919 List-Id, Feedback-ID).
/// Made once per campaign (the fixed headers checked once), then used from many threads.
public struct MessageWriter: Sendable {
    let from: Mailbox
    let replyTo: Mailbox?
    let date: Int64
    let listID: HeaderField
    let oneClick: HeaderField
    let mailto: String
    let feedbackPrefix: String
    let feedbackSuffix: String
    /// The Feedback-ID of each of the campaign's segments, laid out once (a header field is checked and folded when
    /// made).
    let feedback: [String: HeaderField]

    /// `date`: the campaign's send date (its Date header, so a rerun writes the same bytes).
    public init(settings: StoreSettings, campaign: Campaign, date: Timestamp) throws(MIMEError) {
        let sender = try MailAddress(settings.sender.address)
        from = Mailbox(displayName: settings.sender.name, address: sender)
        replyTo = try settings.replyTo.map { address throws(MIMEError) in
            Mailbox(displayName: settings.sender.name, address: try MailAddress(address))
        }
        self.date = date.secondsSince1970
        let domain = CampaignPlan.host(of: settings.baseURL)
        // RFC 2919: a list-id is a dot-atom; the campaign's template kind names the list ("newsletter").
        listID = try HeaderField(
            name: "List-Id", raw: "<" + Self.atom(campaign.template) + "." + domain + ">")
        oneClick = try HeaderField(name: "List-Unsubscribe-Post", raw: "List-Unsubscribe=One-Click")
        mailto = "mailto:" + sender.text + "?subject=unsubscribe"
        // Gmail's Feedback-ID: campaign:customer-kind:mail-type:sender, here campaign:segment:template:domain.
        feedbackPrefix = Self.atom(campaign.id) + ":"
        feedbackSuffix = ":" + Self.atom(campaign.template) + ":" + domain
        var feedback: [String: HeaderField] = [:]
        for segment in campaign.segments {
            feedback[segment] = try? HeaderField(
                name: "Feedback-ID", raw: feedbackPrefix + Self.atom(segment) + feedbackSuffix)
        }
        self.feedback = feedback
    }

    /// The Feedback-ID of a segment's messages: made once per campaign segment, else now.
    func feedbackHeader(segment: String) throws(MIMEError) -> HeaderField {
        if let made = feedback[segment] { return made }
        return try HeaderField(name: "Feedback-ID", raw: feedbackPrefix + Self.atom(segment) + feedbackSuffix)
    }

    /// Whether `text` is an address a message can be sent to (RFC 5321/5322 dot-atom syntax, ASCII).
    public static func isValidAddress(_ text: String) -> Bool { (try? MailAddress(text)) != nil }

    /// Appends the message; throws (naming the field, never its value) when a value cannot be written safely.
    public func write(_ message: Newsletter, into output: inout [UInt8]) throws(MIMEError) {
        let to = Mailbox(
            displayName: message.toName.isEmpty ? nil : message.toName, address: try MailAddress(message.toAddress))
        // Split at the last `@` by its byte, not by stepping over Characters.
        let text = message.messageID
        let at = text.utf8.lastIndex(of: UInt8(ascii: "@"))
        let id = try MessageID(
            localPart: String(text[..<(at ?? text.endIndex)]),
            domain: at.map { String(text[text.utf8.index(after: $0)...]) } ?? "")
        let headers = [
            try HeaderField(name: "List-Unsubscribe", raw: "<" + message.unsubscribeURL + ">, <" + mailto + ">"),
            oneClick, listID,
            try feedbackHeader(segment: message.segmentID),
        ]
        let mail = MailMessage(
            from: from, to: to, replyTo: replyTo, subject: message.subject, date: date, messageID: id,
            extraHeaders: headers, text: message.text, html: message.html)
        try mail.write(into: &output)
    }

    /// An id as a dot-atom piece: letters, digits and `-_.` kept, anything else as `-`.
    static func atom(_ id: String) -> String {
        String(
            decoding: id.utf8.map { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
                    byte
                default: UInt8(ascii: "-")
                }
            }, as: UTF8.self)
    }
}
