import EventStore
import Store
import TextFormats

/// What the report is built from, as values the workflow read from the store and its state file: the campaigns and
/// their segments' coupons, the send journal, the aggregated events, the recipients those events resolve to, and the
/// orders. Customers appear only as indices into the store's customer list; nothing here leaves the builder.
public struct ReportInputs: Sendable {
    /// One campaign as the report lays it out: its segments in `campaigns.json` order.
    public struct CampaignPlan: Sendable {
        public var id: String
        /// The send date of `campaigns.json`, when it has one.
        public var sendDate: Timestamp?
        public var segments: [SegmentPlan]

        public init(id: String, sendDate: Timestamp? = nil, segments: [SegmentPlan]) {
            self.id = id
            self.sendDate = sendDate
            self.segments = segments
        }
    }

    /// One segment of a campaign and the coupon its message offered (the campaign's, else the segment's).
    public struct SegmentPlan: Sendable {
        public var id: String
        public var name: String
        public var coupon: CouponOffer?

        public init(id: String, name: String, coupon: CouponOffer? = nil) {
            self.id = id
            self.name = name
            self.coupon = coupon
        }
    }

    /// The code(s) a campaign's message carried.
    public enum CouponOffer: Sendable, Equatable {
        /// One code for the whole segment.
        case shared(id: String, code: String)
        /// A code per customer (by customer index); nil when the store's secret is missing and the codes cannot
        /// be derived.
        case unique(id: String, codes: [Int32: String]?)

        public var id: String {
            switch self {
            case .shared(let id, _), .unique(let id, _): id
            }
        }
    }

    /// One row of the send journal, with the segment its message was composed for.
    public struct Message: Sendable {
        public var campaign: String
        public var segment: String
        public var customer: Int32
        public var state: JournalState
        /// Unix time of the row's last change.
        public var updated: Int64

        public init(campaign: String, segment: String, customer: Int32, state: JournalState, updated: Int64) {
            self.campaign = campaign
            self.segment = segment
            self.customer = customer
            self.state = state
            self.updated = updated
        }
    }

    /// One order of `orders.csv`: its completed lines summed.
    public struct Order: Sendable {
        public var id: String
        public var customer: Int32
        public var at: Timestamp
        /// Completed lines only (cancelled and returned lines add nothing).
        public var revenue: Money
        public var coupon: String?

        public init(id: String, customer: Int32, at: Timestamp, revenue: Money, coupon: String? = nil) {
            self.id = id
            self.customer = customer
            self.at = at
            self.revenue = revenue
            self.coupon = coupon
        }

        /// The store's order lines grouped into orders (in order of first line), dropping orders with no completed
        /// line: a cancelled order is no redemption.
        public static func orders(of lines: [OrderLine]) -> [Order] {
            var index: [String: Int] = [:]
            var orders: [Order] = []
            var completed: [Bool] = []
            for line in lines {
                let position: Int
                if let found = index[line.orderID] {
                    position = found
                } else {
                    position = orders.count
                    index[line.orderID] = position
                    orders.append(Order(id: line.orderID, customer: line.customer, at: line.date, revenue: .zero))
                    completed.append(false)
                }
                if orders[position].coupon == nil, let coupon = line.coupon, !coupon.isEmpty {
                    orders[position].coupon = coupon
                }
                if line.status == .completed {
                    completed[position] = true
                    orders[position].revenue += line.revenue
                }
            }
            return zip(orders, completed).filter(\.1).map(\.0)
        }
    }

    public var campaigns: [CampaignPlan]
    public var messages: [Message]
    /// Aggregated events of the campaigns reported (others are ignored).
    public var events: [EventCount]
    /// The customer index of each event recipient (a pseudonym) that resolves to exactly one customer; nil when
    /// the store's secret is missing (click attribution is then not computed).
    public var customerOfRecipient: [Int64: Int32]?
    public var orders: [Order]
    /// `store.json` `privacy.attribution_days`.
    public var attributionDays: Int
    /// Readable names of click targets (a product's slug → its name); targets without one show as they are.
    public var targetNames: [String: String]
    /// Every segment's name by id, for a journal row or event of a segment its campaign no longer lists.
    public var segmentNames: [String: String] = [:]

    public init(
        campaigns: [CampaignPlan], messages: [Message] = [], events: [EventCount] = [],
        customerOfRecipient: [Int64: Int32]? = [:], orders: [Order] = [], attributionDays: Int = 7,
        targetNames: [String: String] = [:]
    ) {
        self.campaigns = campaigns
        self.messages = messages
        self.events = events
        self.customerOfRecipient = customerOfRecipient
        self.orders = orders
        self.attributionDays = attributionDays
        self.targetNames = targetNames
    }
}
