/// One recipient's message before it is put into MIME: the header values and the two rendered bodies. Composed
/// into a reused value (`CampaignPlan.compose(_:into:)`), so the bodies' buffers keep their capacity.
public struct Newsletter: Sendable {
    public var recipient = Audience.Recipient(customer: 0, segment: 0)
    /// The recipient's display name ("First Last", may be empty) and address.
    public var toName = ""
    public var toAddress = ""
    public var subject = ""
    /// `local@domain`, without the angle brackets: stable per campaign and recipient, and revealing neither.
    public var messageID = ""
    /// The https address of the one-click unsubscribe (List-Unsubscribe), and the token it carries for the mailto.
    public var unsubscribeURL = ""
    public var segmentID = ""
    /// UTF-8 bodies, LF line ends.
    public var text: [UInt8] = []
    public var html: [UInt8] = []

    public init() {}
}
