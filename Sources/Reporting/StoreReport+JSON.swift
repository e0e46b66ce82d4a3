import Store
import TextFormats

extension StoreReport {
    /// `report.json`: every figure of the HTML and CSV, members in a fixed order (documented in docs/reports.md).
    public var renderedJSON: String { json.serialized() }

    var json: JSONOutput {
        .object([
            ("report", .string("vitrine")), ("format", .int(1)), ("store", .string(storeName)),
            ("currency", .string(currency)), ("as_of", .string(asOf)),
            ("attribution_days", .int(campaigns.attributionDays)),
            ("notes", .array(campaigns.notes.map { .string($0) })),
            ("campaigns", .array(campaigns.campaigns.map(Self.json))),
            ("customers", overviewJSON),
        ])
    }

    static func json(_ campaign: CampaignReport.Campaign) -> JSONOutput {
        .object([
            ("id", .string(campaign.id)), ("total", json(campaign.total)),
            ("segments", .array(campaign.rows.map(json))),
            (
                "top_targets",
                .array(
                    campaign.topTargets.map {
                        .oneLine(
                            .object([
                                ("target", .string($0.target)), ("name", .string($0.name)),
                                ("unique_human_clicks", .int($0.uniqueHuman)),
                                ("requests", .number(String($0.requests))),
                            ]))
                    })
            ),
        ])
    }

    static func json(_ row: CampaignReport.Row) -> JSONOutput {
        func optional(_ value: Int?) -> JSONOutput { value.map { .int($0) } ?? .null }
        func money(_ value: Money?) -> JSONOutput { value.map { .number($0.description) } ?? .null }
        func rate(_ value: Double?) -> JSONOutput { value.map { .number(ratio($0)) } ?? .null }
        let opens = row.opens
        let clicks = row.clicks
        return .object([
            ("segment", .string(row.segment)), ("name", .string(row.segmentName)),
            ("coupon", row.coupon.map { .string($0) } ?? .null),
            ("recipients", .int(row.delivery.recipients)), ("sent", .int(row.delivery.sent)),
            ("bounced", .int(row.delivery.bounced)), ("deferred", .int(row.delivery.deferred)),
            ("suppressed", .int(row.delivery.suppressed)), ("pending", .int(row.delivery.pending)),
            (
                "opens",
                .oneLine(
                    .object([
                        ("unique_human", .int(opens.uniqueHuman)), ("implied_by_click", .int(opens.impliedByClick)),
                        ("unique_machine", .int(opens.uniqueMachine)), ("requests", .number(String(opens.requests))),
                        ("human_requests", .number(String(opens.humanRequests))),
                        ("machine_requests", .number(String(opens.machineRequests))),
                        ("bot_requests", .number(String(opens.botRequests))),
                        ("error_requests", .number(String(opens.errorRequests))),
                    ]))
            ),
            (
                "clicks",
                .oneLine(
                    .object([
                        ("unique_human", .int(clicks.uniqueHuman)), ("requests", .number(String(clicks.requests))),
                        ("human_requests", .number(String(clicks.humanRequests))),
                        ("scanner_requests", .number(String(clicks.scannerRequests))),
                        ("scanner_recipients", .int(clicks.scannerRecipients)),
                        ("bot_requests", .number(String(clicks.botRequests))),
                        ("error_requests", .number(String(clicks.errorRequests))),
                    ]))
            ),
            ("open_rate", rate(row.openRate)), ("click_rate", rate(row.clickRate)),
            ("click_to_open", rate(row.clickToOpen)),
            ("unsubscribes", .int(row.unsubscribes)),
            ("unsubscribe_requests", .number(String(row.unsubscribeRequests))),
            (
                "orders",
                .oneLine(
                    .object([
                        ("coupon_orders", optional(row.orders.couponOrders)),
                        ("coupon_revenue", money(row.orders.couponRevenue)),
                        ("click_orders", optional(row.orders.clickOrders)),
                        ("click_revenue", money(row.orders.clickRevenue)), ("orders", .int(row.orders.orders)),
                        ("revenue", .number(row.orders.revenue.description)),
                        ("complete", .bool(row.orders.isComplete)),
                    ]))
            ),
        ])
    }

    var overviewJSON: JSONOutput {
        let o = overview
        var members: [(String, JSONOutput)] = [
            ("customers", .int(o.customers)), ("buyers", .int(o.buyers)), ("revenue", .number(o.revenue.description)),
            (
                "segments",
                .array(
                    o.segments.map {
                        .oneLine(
                            .object([
                                ("id", .string($0.id)), ("name", .string($0.name)), ("customers", .int($0.customers)),
                            ]))
                    })
            ),
            (
                "lifecycle",
                .object(CustomerOverview.Stage.allCases.map { ($0.rawValue, .int(o.count($0))) })
            ),
            (
                "pareto",
                .object([
                    ("top_fraction", .number(Self.ratio(o.paretoTopFraction))),
                    ("top_customers", .int(o.paretoTopCustomers)),
                    ("revenue_share", .number(Self.ratio(o.paretoShare))),
                    ("curve", .oneLine(.array(o.paretoCurve.map { .number(Self.ratio($0)) }))),
                ])
            ),
            (
                "rfm",
                .object([
                    ("rows", .string("recency score 5 (most recent) to 1")),
                    ("columns", .string("frequency score 1 to 5 (most orders)")),
                    ("counts", Self.gridJSON(o.rfm)),
                ])
            ),
        ]
        members.append(("previous", previousJSON))
        return .object(members)
    }

    /// The overview of the previous report (its own figures, not differences: a reader subtracts), null for the
    /// first report.
    var previousJSON: JSONOutput {
        guard let previous else { return .null }
        return .object([
            ("as_of", .string(previous.asOf)), ("customers", .int(previous.customers)),
            ("buyers", .int(previous.buyers)), ("revenue_share", .number(Self.ratio(previous.paretoShare))),
            (
                "segments",
                .oneLine(.object(previous.segments.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) }))
            ),
            (
                "lifecycle",
                .oneLine(
                    .object(
                        CustomerOverview.Stage.allCases.map {
                            ($0.rawValue, .int(previous.lifecycle[$0.rawValue] ?? 0))
                        }
                    ))
            ),
            ("rfm", previous.rfm.map(Self.gridJSON) ?? .null),
        ])
    }

    /// An RFM grid as five rows of five counts, recency 5 first.
    static func gridJSON(_ grid: [[Int]]) -> JSONOutput {
        .array((0..<5).reversed().map { r in .oneLine(.array(grid[r].map { .int($0) })) })
    }
}
