/// One message of a campaign's batch, as the sender needs it: whose, its Message-ID, its file, and where it goes
/// now (nil when the customer no longer consents or has no address: then it is not sent).
public struct Outgoing: Sendable, Hashable {
    public var customer: String
    public var messageID: String
    /// The `.eml` file's path.
    public var file: String
    public var recipient: String?

    public init(customer: String, messageID: String, file: String, recipient: String?) {
        self.customer = customer
        self.messageID = messageID
        self.file = file
        self.recipient = recipient
    }
}
