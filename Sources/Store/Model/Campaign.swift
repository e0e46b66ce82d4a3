import Diagnostics
import TextFormats

/// One entry of `campaigns.json`: a newsletter to some segments.
public struct Campaign: Sendable, Hashable {
    public var id: String
    public var segments: [String]
    /// Keyed by locale.
    public var subject: [String: String]
    public var preheader: [String: String]
    public var template: String
    public var coupon: String?
    public var sendDate: Timestamp?
    public var location: SourceLocation?

    public init(
        id: String, segments: [String], subject: [String: String], preheader: [String: String] = [:],
        template: String = "newsletter", coupon: String? = nil, sendDate: Timestamp? = nil,
        location: SourceLocation? = nil
    ) {
        self.id = id
        self.segments = segments
        self.subject = subject
        self.preheader = preheader
        self.template = template
        self.coupon = coupon
        self.sendDate = sendDate
        self.location = location
    }
}
