/// A recipient who unsubscribed or opted out of tracking, to be stored with the batch's events.
public struct Suppression: Sendable, Hashable {
    public var recipient: UInt64
    public var keyID: UInt8
    /// The campaign whose link was used; nil when unknown.
    public var campaign: String?
    /// Unix seconds of the earliest request in the batch.
    public var at: Int64

    public init(recipient: UInt64, keyID: UInt8, campaign: String?, at: Int64) {
        self.recipient = recipient
        self.keyID = keyID
        self.campaign = campaign
        self.at = at
    }
}
