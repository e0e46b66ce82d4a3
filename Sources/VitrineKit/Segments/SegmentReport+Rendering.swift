import Segmentation
import TextFormats

extension SegmentReport {
    /// The 80/20 line: `the top 20% of buyers (1 of 5) bring 45.5% of revenue`.
    public var paretoLine: String {
        "the top \(ReportFormat.number(pareto.topFraction * 100))% of buyers (\(pareto.topCustomers) of "
            + "\(pareto.buyers)) bring \(ReportFormat.percent(pareto.revenueShare)) of revenue"
    }

    /// The segments table for a terminal, then the totals and the 80/20 line.
    /// The table for a terminal: every column named, the money column with its currency.
    public func renderedTable(currency: String) -> String {
        let header = [
            "segment", "name", "customers", "% customers", "revenue \(currency)".trimmingTrailingSpaces(), "% revenue",
            "avg R", "avg F", "avg M", "new", "active", "at risk", "lapsed",
        ]
        var table: [[String]] = [header]
        for row in rows {
            let customerShare = customerCount > 0 ? Double(row.size) / Double(customerCount) : 0
            table.append(
                [
                    row.id, row.name, String(row.size), ReportFormat.percent(customerShare),
                    ReportFormat.money(row.revenue), ReportFormat.percent(row.revenueShare),
                    ReportFormat.fixed(row.averageRecencyScore, decimals: 1),
                    ReportFormat.fixed(row.averageFrequencyScore, decimals: 1),
                    ReportFormat.fixed(row.averageMonetaryScore, decimals: 1),
                ] + row.lifecycleCounts.map(String.init))
        }
        let widths = header.indices.map { column in table.map { $0[column].count }.max() ?? 0 }
        var out = ""
        for (index, line) in table.enumerated() {
            var cells: [String] = []
            for (column, cell) in line.enumerated() {
                // Text columns left, figures right.
                cells.append(
                    column < 2 ? ReportFormat.pad(cell, widths[column]) : ReportFormat.padLeft(cell, widths[column]))
            }
            out += cells.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
            if index == 0 {
                out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
            }
        }
        out +=
            "\n\(customerCount) customers, \(pareto.buyers) with orders, revenue "
            + "\(ReportFormat.money(pareto.totalRevenue)), as of \(asOf.isoDate)\n"
        out += "80/20: \(paretoLine)\n"
        return out
    }

    /// The same summary as JSON: `as_of`, `customers`, `revenue`, `pareto`, and `segments` (each an object with
    /// `id`, `name`, `rule`, `size`, `buyers`, `revenue`, `revenue_share`, `average_r`/`_f`/`_m`, `lifecycle`).
    /// Money is a decimal string in the store currency, shares are fractions.
    public var renderedJSON: String {
        let pareto: JSONOutput = .oneLine(
            .object([
                ("top_fraction", .number(ReportFormat.number(pareto.topFraction))), ("buyers", .int(pareto.buyers)),
                ("top_customers", .int(pareto.topCustomers)),
                ("top_revenue", .string(ReportFormat.money(pareto.topRevenue))),
                ("revenue_share", .number(ReportFormat.number(pareto.revenueShare))),
            ]))
        let segmentObjects: [JSONOutput] = zip(rows, segments.segments).map { row, segment in
            let lifecycle = Lifecycle.allCases.map { ($0.name, JSONOutput.int(row.lifecycleCounts[Int($0.rawValue)])) }
            return .oneLine(
                .object([
                    ("id", .string(row.id)), ("name", .string(row.name)),
                    ("rule", segment.ruleText.map(JSONOutput.string) ?? .null), ("size", .int(row.size)),
                    ("buyers", .int(row.buyers)), ("revenue", .string(ReportFormat.money(row.revenue))),
                    ("revenue_share", .number(ReportFormat.number(row.revenueShare))),
                    ("average_r", .number(ReportFormat.number(row.averageRecencyScore))),
                    ("average_f", .number(ReportFormat.number(row.averageFrequencyScore))),
                    ("average_m", .number(ReportFormat.number(row.averageMonetaryScore))),
                    ("lifecycle", .object(lifecycle)),
                ]))
        }
        return JSONOutput.object([
            ("as_of", .string(asOf.isoDate)), ("customers", .int(customerCount)),
            ("revenue", .string(ReportFormat.money(self.pareto.totalRevenue))), ("pareto", pareto),
            ("segments", .array(segmentObjects)),
        ]).serialized()
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.hasSuffix(" ") { copy.removeLast() }
        return copy
    }
}
