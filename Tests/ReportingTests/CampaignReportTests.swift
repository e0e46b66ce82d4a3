import EventStore
import Store
import Testing
import TextFormats

@testable import Reporting

/// The builder on hand-made values: every figure worked out by hand in the comments.
@Suite("Campaign figures")
struct CampaignReportTests {
    static let day: Int64 = 86_400
    /// 2026-11-10T00:00:00Z, the send date.
    static let start: Int64 = 1_762_732_800

    static func event(
        _ kind: EventKind, _ traffic: TrafficClass, segment: String = "a", recipient: Int64, target: String = "",
        count: Int64 = 1, at: Int64 = start + 3600, lastAt: Int64? = nil
    ) -> EventCount {
        EventCount(
            kind: kind, traffic: traffic, campaign: "c1", segment: segment, recipient: recipient, target: target,
            day: start / day, count: count, firstAt: at, lastAt: lastAt ?? at)
    }

    static func order(_ id: String, customer: Int32, at: Int64, cents: Int64, coupon: String? = nil)
        -> ReportInputs.Order
    {
        ReportInputs.Order(
            id: id, customer: customer, at: Timestamp(secondsSince1970: at), revenue: Money(minorUnits: cents),
            coupon: coupon)
    }

    /// Segment a (shared code SAVE10): customers 0, 1, 2 sent, 3 bounced. Segment b (unique codes): 4 and 5 sent,
    /// 6 suppressed. Recipients (pseudonyms) 101 = customer 0, 104 = customer 1; 102 and 103 unresolved.
    static func inputs(secret: Bool = true) -> ReportInputs {
        let messages: [ReportInputs.Message] =
            [
                (0, "a", JournalState.sent), (1, "a", .sent), (2, "a", .sent), (3, "a", .bounced), (4, "b", .sent),
                (5, "b", .sent), (6, "b", .suppressed),
            ].map {
                ReportInputs.Message(campaign: "c1", segment: $0.1, customer: $0.0, state: $0.2, updated: start)
            }
        let events = [
            event(.open, .human, recipient: 101, count: 3),
            event(.open, .machineOpen, recipient: 102, count: 2),
            event(.open, .machineOpen, recipient: 101),
            event(.open, .bot, recipient: 103, count: 4),
            event(.open, .error, recipient: 103),
            // 101 clicked twice, the last time on day 2; 104 clicked without an open (images blocked).
            event(.click, .human, recipient: 101, target: "mug", count: 2, at: start + 3600, lastAt: start + 2 * day),
            event(.click, .human, recipient: 104, target: "tea", at: start + 3 * day),
            event(.click, .scanner, recipient: 102, target: "mug", count: 5),
            event(.click, .bot, recipient: 103, target: "mug"),
            event(.unsubscribe, .human, recipient: 103),
            event(.unsubscribe, .error, recipient: 102),
            // Another campaign's event is not counted.
            EventCount(
                kind: .open, traffic: .human, campaign: "other", segment: "a", recipient: 1, target: "", day: 0,
                count: 9, firstAt: 0, lastAt: 0),
        ]
        let orders = [
            // Exactly 7 days after 101's last click: attributed. 8 days after 104's click: not.
            order("o1", customer: 0, at: start + 2 * day + 7 * day, cents: 2_500),
            order("o2", customer: 1, at: start + 3 * day + 8 * day, cents: 900),
            // One second inside 104's window.
            order("o3", customer: 1, at: start + 3 * day + 7 * day - 1, cents: 1_200),
            // Before the click: not after it.
            order("o4", customer: 1, at: start + 3 * day - 60, cents: 700),
            // The shared code by a customer sent it, after the start (typed in lower case): a redemption.
            order("o5", customer: 2, at: start + day, cents: 4_000, coupon: "save10"),
            // The shared code by a bounced customer, and before the campaign went out: not the campaign's.
            order("o6", customer: 3, at: start + day, cents: 3_000, coupon: "SAVE10"),
            order("o7", customer: 2, at: start - day, cents: 3_000, coupon: "SAVE10"),
            // Customer 4's own unique code: a redemption; customer 5 using 4's code: not.
            order("o8", customer: 4, at: start + 5 * day, cents: 5_000, coupon: "CB-4444"),
            order("o9", customer: 5, at: start + 5 * day, cents: 6_000, coupon: "CB-4444"),
            // A coupon order by a customer who also clicked goes to the coupon, once.
            order("o10", customer: 0, at: start + 3 * day, cents: 1_000, coupon: "SAVE10"),
        ]
        return ReportInputs(
            campaigns: [
                .init(
                    id: "c1", sendDate: Timestamp(secondsSince1970: start),
                    segments: [
                        .init(id: "a", name: "Segment A", coupon: .shared(id: "SAVE10", code: "SAVE10")),
                        .init(
                            id: "b", name: "Segment B",
                            coupon: .unique(id: "CB", codes: secret ? [4: "CB-4444", 5: "CB-5555"] : nil)),
                    ])
            ],
            messages: messages, events: events, customerOfRecipient: secret ? [101: 0, 104: 1] : nil,
            orders: orders, attributionDays: 7, targetNames: ["mug": "Clay mug"])
    }

    @Test("delivery, opens (human vs machine), clicks (scanners apart), unsubscribes, with the raw figures")
    func figures() throws {
        let report = CampaignReport(Self.inputs())
        #expect(report.campaigns.map(\.id) == ["c1"])
        let campaign = try #require(report.campaigns.first)
        #expect(campaign.rows.map(\.segment) == ["a", "b"])
        let a = campaign.rows[0]
        #expect(a.delivery.recipients == 4)
        #expect(a.delivery.sent == 3)
        #expect(a.delivery.bounced == 1)
        // People: 101 opened, 104 clicked without an open (implied). Machines: 101 and 102's pixels by a proxy.
        #expect(a.opens.uniqueHuman == 2)
        #expect(a.opens.impliedByClick == 1)
        #expect(a.opens.uniqueMachine == 2)
        // Raw: 3 human + 2 + 1 machine + 4 bot + 1 error.
        #expect(a.opens.requests == 11)
        #expect(a.opens.humanRequests == 3)
        #expect(a.opens.machineRequests == 3)
        #expect(a.opens.botRequests == 4)
        #expect(a.opens.errorRequests == 1)
        #expect(a.clicks.uniqueHuman == 2)
        #expect(a.clicks.requests == 9)
        #expect(a.clicks.humanRequests == 3)
        #expect(a.clicks.scannerRequests == 5)
        #expect(a.clicks.scannerRecipients == 1)
        #expect(a.clicks.botRequests == 1)
        #expect(a.unsubscribes == 1)
        #expect(a.unsubscribeRequests == 1)
        // 2 clickers of 3 sent; 2 clickers of 2 openers.
        #expect(a.clickRate == 2.0 / 3.0)
        #expect(a.clickToOpen == 1)
        #expect(a.openRate == 2.0 / 3.0)
        let b = campaign.rows[1]
        #expect(b.delivery.recipients == 3)
        #expect(b.delivery.sent == 2)
        #expect(b.delivery.suppressed == 1)
        #expect(b.opens.uniqueHuman == 0)
        #expect(b.clickRate == 0)
        #expect(b.clickToOpen == nil)
        #expect(campaign.total.delivery.recipients == 7)
        #expect(campaign.total.clicks.uniqueHuman == 2)
        #expect(campaign.total.clickRate == 2.0 / 5.0)
        #expect(
            campaign.topTargets == [
                .init(target: "mug", name: "Clay mug", uniqueHuman: 1, requests: 8),
                .init(target: "tea", name: "tea", uniqueHuman: 1, requests: 1),
            ])
        #expect(report.notes.isEmpty)
    }

    @Test("orders: the coupon first, else a click at most the attribution window before; each order once")
    func attribution() throws {
        let campaign = try #require(CampaignReport(Self.inputs()).campaigns.first)
        let a = campaign.rows[0].orders
        // o5 and o10 by coupon; o6 (bounced), o7 (before the send) are not the campaign's.
        #expect(a.couponOrders == 2)
        #expect(a.couponRevenue == Money(minorUnits: 5_000))
        // o1 (7 days after the last click) and o3 (a second inside); not o2 (8 days) nor o4 (before the click).
        #expect(a.clickOrders == 2)
        #expect(a.clickRevenue == Money(minorUnits: 3_700))
        #expect(a.orders == 4)
        #expect(a.revenue == Money(minorUnits: 8_700))
        #expect(a.isComplete)
        let b = campaign.rows[1].orders
        // o8 with the customer's own code; o9 used someone else's.
        #expect(b.couponOrders == 1)
        #expect(b.couponRevenue == Money(minorUnits: 5_000))
        #expect(b.clickOrders == 0)
        #expect(campaign.total.orders.orders == 5)
        #expect(campaign.total.orders.revenue == Money(minorUnits: 13_700))
    }

    @Test("the attribution window's edges", arguments: [(6, true), (7, true), (8, false)])
    func window(days: Int64, counts: Bool) throws {
        var inputs = Self.inputs()
        inputs.orders = [Self.order("x", customer: 0, at: Self.start + 2 * Self.day + days * Self.day, cents: 100)]
        let row = try #require(CampaignReport(inputs).campaigns.first?.rows.first)
        #expect(row.orders.clickOrders == (counts ? 1 : 0))
    }

    @Test("without the secret: no click attribution, no unique redemptions, and the report says so")
    func noSecret() throws {
        let report = CampaignReport(Self.inputs(secret: false))
        let campaign = try #require(report.campaigns.first)
        #expect(campaign.rows[0].orders.couponOrders == 2)
        #expect(campaign.rows[0].orders.clickOrders == nil)
        #expect(campaign.rows[0].orders.clickRevenue == nil)
        #expect(campaign.rows[1].orders.couponOrders == nil)
        #expect(!campaign.total.orders.isComplete)
        #expect(campaign.total.orders.couponOrders == nil)
        #expect(report.notes.count == 2)
        // People are counted from pseudonyms: no secret needed.
        #expect(campaign.rows[0].opens.uniqueHuman == 2)
    }

    @Test("a journal row or event of a segment the campaign no longer lists gets a row of its own")
    func strayedSegment() throws {
        var inputs = Self.inputs()
        inputs.events.append(Self.event(.open, .human, segment: "gone", recipient: 900))
        let campaign = try #require(CampaignReport(inputs).campaigns.first)
        #expect(campaign.rows.map(\.segment) == ["a", "b", "gone"])
        #expect(campaign.rows[2].opens.uniqueHuman == 1)
        #expect(campaign.rows[2].delivery.recipients == 0)
    }

    @Test("orders are summed from completed lines; an order with no completed line is none")
    func ordersFromLines() {
        let date = Timestamp(secondsSince1970: Self.start)
        let lines = [
            OrderLine(
                orderID: "1", customer: 0, product: 0, date: date, quantity: 2, unitPrice: Money(minorUnits: 150)),
            OrderLine(
                orderID: "1", customer: 0, product: 1, date: date, quantity: 1, unitPrice: Money(minorUnits: 999),
                coupon: "SAVE10", status: .returned),
            OrderLine(
                orderID: "2", customer: 1, product: 0, date: date, quantity: 1, unitPrice: Money(minorUnits: 500),
                status: .cancelled),
        ]
        let orders = ReportInputs.Order.orders(of: lines)
        #expect(orders.map(\.id) == ["1"])
        #expect(orders[0].revenue == Money(minorUnits: 300))
        #expect(orders[0].coupon == "SAVE10")
    }
}
