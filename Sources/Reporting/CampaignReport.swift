import Store

/// The figures of every campaign, one row per campaign × segment, with the top clicked targets per campaign.
/// Counts only: no customer, address or pseudonym is in it.
public struct CampaignReport: Sendable, Equatable {
    /// The send journal's rows of one campaign × segment, by state.
    public struct Delivery: Sendable, Equatable {
        /// Messages in the batch (every journal row).
        public var recipients = 0
        /// Accepted by the relay.
        public var sent = 0
        /// Refused for good (5xx).
        public var bounced = 0
        /// Refused for now (4xx), to be tried again.
        public var deferred = 0
        /// Not sent: the customer is suppressed.
        public var suppressed = 0
        /// Queued or being handed: not finished yet.
        public var pending = 0

        public init() {}
    }

    /// Opens: unique people beside the raw pixel requests they were read from.
    public struct Opens: Sendable, Equatable {
        /// Recipients with a human pixel request, or a human click (a click implies the message was opened).
        public var uniqueHuman = 0
        /// Of `uniqueHuman`, recipients counted only because they clicked (images blocked).
        public var impliedByClick = 0
        /// Recipients whose pixel a mail provider's privacy proxy fetched (whether or not they also opened).
        public var uniqueMachine = 0
        /// Every pixel request, any class.
        public var requests: Int64 = 0
        public var humanRequests: Int64 = 0
        public var machineRequests: Int64 = 0
        public var botRequests: Int64 = 0
        public var errorRequests: Int64 = 0

        public init() {}
    }

    /// Clicks: unique people beside the raw requests, scanners apart.
    public struct Clicks: Sendable, Equatable {
        /// Recipients with a human click.
        public var uniqueHuman = 0
        /// Every click request, any class.
        public var requests: Int64 = 0
        public var humanRequests: Int64 = 0
        /// Requests of mail-security scanners following every link, and the recipients whose links they followed.
        public var scannerRequests: Int64 = 0
        public var scannerRecipients = 0
        public var botRequests: Int64 = 0
        public var errorRequests: Int64 = 0

        public init() {}
    }

    /// Orders the campaign brought, each counted once (see docs/reports.md for the rules).
    public struct Orders: Sendable, Equatable {
        /// Orders that used the campaign's coupon; nil when it could not be computed (a unique coupon, no secret).
        public var couponOrders: Int?
        public var couponRevenue: Money?
        /// Orders without the coupon placed within the attribution window after a click; nil without the secret.
        public var clickOrders: Int?
        public var clickRevenue: Money?

        public init(
            couponOrders: Int? = 0, couponRevenue: Money? = .zero, clickOrders: Int? = 0, clickRevenue: Money? = .zero
        ) {
            self.couponOrders = couponOrders
            self.couponRevenue = couponRevenue
            self.clickOrders = clickOrders
            self.clickRevenue = clickRevenue
        }

        /// Coupon and click orders together, as far as they were computed.
        public var orders: Int { (couponOrders ?? 0) + (clickOrders ?? 0) }
        public var revenue: Money { (couponRevenue ?? .zero) + (clickRevenue ?? .zero) }
        /// False when a part could not be computed.
        public var isComplete: Bool { couponOrders != nil && clickOrders != nil }
    }

    /// One campaign × segment.
    public struct Row: Sendable, Equatable {
        public var campaign: String
        public var segment: String
        public var segmentName: String
        /// The coupon the segment's message offered, nil for none.
        public var coupon: String?
        public var delivery = Delivery()
        public var opens = Opens()
        public var clicks = Clicks()
        /// Recipients with an unsubscribe (one-click POST or the page's button), any class but errors.
        public var unsubscribes = 0
        public var unsubscribeRequests: Int64 = 0
        public var orders = Orders()

        public init(campaign: String, segment: String, segmentName: String, coupon: String? = nil) {
            self.campaign = campaign
            self.segment = segment
            self.segmentName = segmentName
            self.coupon = coupon
        }

        /// Unique human clickers / messages sent; nil when none was sent.
        public var clickRate: Double? {
            delivery.sent > 0 ? Double(clicks.uniqueHuman) / Double(delivery.sent) : nil
        }

        /// Unique human clickers / unique human openers; nil without openers.
        public var clickToOpen: Double? {
            opens.uniqueHuman > 0 ? Double(clicks.uniqueHuman) / Double(opens.uniqueHuman) : nil
        }

        /// Unique human openers / messages sent; nil when none was sent.
        public var openRate: Double? {
            delivery.sent > 0 ? Double(opens.uniqueHuman) / Double(delivery.sent) : nil
        }
    }

    /// A click target (a product's slug, `home`, `wishlist`, `coupon`) and its clicks.
    public struct Target: Sendable, Equatable {
        public var target: String
        /// The product's name when the target is one, else the target.
        public var name: String
        /// Recipients who clicked it (human).
        public var uniqueHuman: Int
        /// Every request of it, any class.
        public var requests: Int64

        public init(target: String, name: String, uniqueHuman: Int, requests: Int64) {
            self.target = target
            self.name = name
            self.uniqueHuman = uniqueHuman
            self.requests = requests
        }
    }

    /// One campaign: its rows in segment order, its totals and top targets.
    public struct Campaign: Sendable, Equatable {
        public var id: String
        public var rows: [Row]
        /// At most `CampaignReport.topTargetCount`, most unique clickers first.
        public var topTargets: [Target]
        /// The campaign summed over its segments (unique counts add up: a recipient is in one segment).
        public var total: Row

        public init(id: String, rows: [Row], topTargets: [Target], total: Row) {
            self.id = id
            self.rows = rows
            self.topTargets = topTargets
            self.total = total
        }
    }

    public static let topTargetCount = 5

    public var campaigns: [Campaign]
    /// The attribution window, days after a click.
    public var attributionDays: Int
    /// What could not be computed and why (e.g. no secret), for the reader.
    public var notes: [String]

    public init(campaigns: [Campaign], attributionDays: Int, notes: [String] = []) {
        self.campaigns = campaigns
        self.attributionDays = attributionDays
        self.notes = notes
    }
}
