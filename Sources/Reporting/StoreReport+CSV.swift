import Store

extension StoreReport {
    /// The columns of `report.csv`, one row per campaign × segment (docs/reports.md says what each means).
    public static let csvColumns = [
        "campaign", "segment", "segment_name", "coupon", "recipients", "sent", "bounced", "deferred", "suppressed",
        "pending", "unique_opens_human", "opens_implied_by_click", "unique_opens_machine", "open_requests",
        "open_requests_human", "open_requests_machine", "open_requests_bot", "open_requests_error",
        "unique_clicks_human", "click_requests", "click_requests_human", "click_requests_scanner",
        "scanner_recipients", "click_requests_bot", "click_requests_error", "open_rate", "click_rate",
        "click_to_open", "unsubscribes", "unsubscribe_requests", "coupon_orders", "coupon_revenue", "click_orders",
        "click_revenue", "attributed_orders", "attributed_revenue",
    ]

    /// `report.csv` (RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line break).
    /// A figure that could not be computed is an empty field.
    public var renderedCSV: String {
        var out = Self.csvColumns.joined(separator: ",") + "\r\n"
        for campaign in campaigns.campaigns {
            for row in campaign.rows {
                let fields: [String] = [
                    row.campaign, row.segment, row.segmentName, row.coupon ?? "", String(row.delivery.recipients),
                    String(row.delivery.sent), String(row.delivery.bounced), String(row.delivery.deferred),
                    String(row.delivery.suppressed), String(row.delivery.pending), String(row.opens.uniqueHuman),
                    String(row.opens.impliedByClick), String(row.opens.uniqueMachine), String(row.opens.requests),
                    String(row.opens.humanRequests), String(row.opens.machineRequests), String(row.opens.botRequests),
                    String(row.opens.errorRequests), String(row.clicks.uniqueHuman), String(row.clicks.requests),
                    String(row.clicks.humanRequests), String(row.clicks.scannerRequests),
                    String(row.clicks.scannerRecipients), String(row.clicks.botRequests),
                    String(row.clicks.errorRequests), row.openRate.map(Self.ratio) ?? "",
                    row.clickRate.map(Self.ratio) ?? "", row.clickToOpen.map(Self.ratio) ?? "",
                    String(row.unsubscribes), String(row.unsubscribeRequests),
                    row.orders.couponOrders.map(String.init) ?? "", row.orders.couponRevenue?.description ?? "",
                    row.orders.clickOrders.map(String.init) ?? "", row.orders.clickRevenue?.description ?? "",
                    String(row.orders.orders), row.orders.revenue.description,
                ]
                out += fields.map(Self.csvField).joined(separator: ",") + "\r\n"
            }
        }
        return out
    }

    /// RFC 4180 §2: a field with a comma, quote, CR or LF is quoted, its quotes doubled.
    static func csvField(_ text: String) -> String {
        let special = text.utf8.contains {
            $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\n")
        }
        guard special else { return text }
        var out = "\""
        for scalar in text.unicodeScalars {
            if scalar == "\"" { out += "\"\"" } else { out.unicodeScalars.append(scalar) }
        }
        return out + "\""
    }
}
