import Foundation
import Store
import Testing

@testable import Reporting

/// The three files: a self-contained, accessible HTML page with a table for every chart, the CSV's columns, and a
/// JSON whose bytes are stable and that the next report reads back.
@Suite("Rendering")
struct RenderingTests {
    static let overview = CustomerOverview(
        customers: 10, buyers: 6, revenue: Money(minorUnits: 123_456),
        rfm: [[1, 0, 0, 0, 0], [0, 1, 0, 0, 0], [0, 0, 1, 0, 0], [0, 0, 0, 1, 0], [0, 0, 0, 1, 1]],
        segments: [
            .init(id: "vip", name: "VIP & friends", customers: 2), .init(id: "rest", name: "Everyone", customers: 8),
        ],
        paretoTopFraction: 0.2, paretoTopCustomers: 2, paretoShare: 0.55,
        paretoCurve: (0...20).map { min(1, Double($0) * 0.1) }, lifecycle: [5, 3, 2])

    static func report(previous: OverviewSnapshot? = nil) -> StoreReport {
        StoreReport(
            storeName: "Meltemi <test>", currency: "EUR", asOf: "2026-11-30",
            campaigns: CampaignReport(CampaignReportTests.inputs()), overview: overview, previous: previous)
    }

    @Test("HTML: lang, no script, nothing from elsewhere, a table with a caption beside every chart")
    func html() {
        let html = Self.report().renderedHTML
        #expect(html.hasPrefix("<!doctype html>\n<html lang=\"en\">"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("http:") && !html.contains("https:") && !html.contains("//"))
        #expect(!html.contains("src="))
        #expect(!html.contains("<link"))
        // Charts: one bar chart per campaign, the RFM heat map, the Pareto curve; each with its title and desc.
        let charts = html.components(separatedBy: "<svg ").count - 1
        #expect(charts == 3)
        #expect(html.components(separatedBy: "role=\"img\" aria-labelledby=").count - 1 == charts)
        // Every chart is followed by a table with a caption, before the next chart.
        for piece in html.components(separatedBy: "<svg ").dropFirst() {
            let chartEnd = piece.range(of: "</svg>")!.upperBound
            let rest = piece[chartEnd...]
            let table = rest.range(of: "<table")
            #expect(table != nil)
            #expect(rest[table!.lowerBound...].contains("<caption>"))
        }
        #expect(html.components(separatedBy: "<table").count == html.components(separatedBy: "<caption>").count)
        // Text from the store is escaped.
        #expect(html.contains("Meltemi &lt;test&gt;"))
        #expect(html.contains("VIP &amp; friends"))
        // An adjusted figure with its raw figure: 2 people, from 11 requests of which 3 machine and 4 bots.
        #expect(html.contains("<td>2<small>1 by a click</small></td><td>11<small>3 machine · 4 bots</small></td>"))
        #expect(html.contains("<td>2</td><td>9<small>5 scanners · 1 bots</small></td>"))
        #expect(html.contains("<td>66.7\u{A0}%</td><td>100.0\u{A0}%</td>"))
        #expect(html.contains("<td>2<small><code>SAVE10</code></small></td>"))
    }

    @Test("CSV: the documented columns, one row per campaign × segment, money exact, rates with four decimals")
    func csv() {
        let lines = Self.report().renderedCSV.components(separatedBy: "\r\n")
        #expect(lines.first == StoreReport.csvColumns.joined(separator: ","))
        #expect(lines.count == 4)
        #expect(lines.last == "")
        #expect(
            lines[1]
                == "c1,a,Segment A,SAVE10,4,3,1,0,0,0,2,1,2,11,3,3,4,1,2,9,3,5,1,1,0,0.6667,0.6667,1.0000,1,1,2,50.00,"
                + "2,37.00,4,87.00")
        #expect(lines[2].hasPrefix("c1,b,Segment B,CB,3,2,0,0,1,0,0,0,0,"))
        #expect(StoreReport.csvField("a,\"b\"") == "\"a,\"\"b\"\"\"")
    }

    @Test("JSON: the same bytes each time, members in the documented order")
    func json() {
        let text = Self.report().renderedJSON
        #expect(text == Self.report().renderedJSON)
        let keys = [
            "\"report\"", "\"format\"", "\"store\"", "\"currency\"", "\"as_of\"", "\"attribution_days\"",
            "\"notes\"", "\"campaigns\"", "\"customers\"",
        ]
        let positions = keys.map { text.range(of: $0)!.lowerBound }
        #expect(positions == positions.sorted())
        #expect(text.contains("\"click_to_open\": 1.0000"))
        #expect(text.contains("\"revenue_share\": 0.5500"))
        #expect(
            text.contains("\"lifecycle\": {\n      \"acquire\": 5,\n      \"enhance\": 3,\n      \"retain\": 2\n    }"))
        #expect(text.contains("\"previous\": null"))
    }

    @Test("the next report reads this one's overview back, and a rerun on the same day keeps what it compared with")
    func previous() throws {
        let first = Self.report()
        let snapshot = try #require(
            OverviewSnapshot.previous(inReportJSON: Array(first.renderedJSON.utf8), asOf: "2026-12-31"))
        #expect(
            snapshot
                == OverviewSnapshot(
                    asOf: "2026-11-30", customers: 10, buyers: 6, paretoShare: 0.55, segments: ["vip": 2, "rest": 8],
                    lifecycle: ["acquire": 5, "enhance": 3, "retain": 2], rfm: Self.overview.rfm))
        // The first report compared with nothing: reported again on its own day, still nothing.
        #expect(OverviewSnapshot.previous(inReportJSON: Array(first.renderedJSON.utf8), asOf: "2026-11-30") == nil)
        let second = Self.report(previous: snapshot)
        let again = OverviewSnapshot.previous(inReportJSON: Array(second.renderedJSON.utf8), asOf: "2026-11-30")
        #expect(again == snapshot)
        #expect(OverviewSnapshot.previous(inReportJSON: Array("not json".utf8), asOf: "x") == nil)
        // The HTML shows each figure's change, RFM cells included.
        var moved = snapshot
        moved.rfm![4][4] = 4
        moved.customers = 7
        let html = Self.report(previous: moved).renderedHTML
        #expect(html.contains("<td>1<small>−3</small></td></tr>\n<tr><th scope=\"row\">R 4</th>"))
        #expect(html.contains("<td>0<small>no change</small></td>"))
        #expect(html.contains("<span class=\"raw\">+3</span>"))
    }

    @Test(
        "lifecycle stages",
        arguments: [
            (0, nil, CustomerOverview.Stage.acquire), (1, 10, .acquire), (1, 400, .retain), (2, 90, .enhance),
            (2, 91, .retain), (5, 0, .enhance),
        ] as [(Int32, Int32?, CustomerOverview.Stage)])
    func stages(orders: Int32, recency: Int32?, stage: CustomerOverview.Stage) {
        #expect(CustomerOverview.stage(orders: orders, recencyDays: recency) == stage)
    }
}
