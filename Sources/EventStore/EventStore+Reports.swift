import SQLite

extension EventStore {
    /// Events grouped by campaign, segment, kind and class, with the distinct recipients of each group; only
    /// `campaign`'s when given. In key order.
    public func eventTotals(campaign: String? = nil) throws(EventStoreError) -> [EventTotal] {
        try run {
            let statement = try database.prepare(
                """
                SELECT campaign, segment, kind, class, sum(count), count(DISTINCT recipient) FROM event_counts
                WHERE ?1 IS NULL OR campaign = ?1
                GROUP BY campaign, segment, kind, class ORDER BY campaign, segment, kind, class
                """)
            try statement.bind(campaign.map { .text($0) } ?? .null, at: 1)
            return try statement.rows { row -> EventTotal? in
                guard let kind = EventKind(rawValue: row.int64(2)), let traffic = TrafficClass(rawValue: row.int64(3))
                else { return nil }
                return EventTotal(
                    campaign: row.text(0), segment: row.text(1), kind: kind, traffic: traffic, count: row.int64(4),
                    recipients: row.int(5))
            }.compactMap { $0 }
        }
    }

    /// Every recipient's engagement as of `day` (days since 1970-01-01 UTC): human opens and clicks on or before it.
    public func engagement(asOf day: Int64) throws(EventStoreError) -> [Int64: Engagement] {
        try run {
            var result: [Int64: Engagement] = [:]
            let summary = try database.prepare(
                """
                SELECT recipient,
                    max(CASE WHEN kind = ?2 THEN day END),
                    max(CASE WHEN kind = ?3 THEN day END),
                    coalesce(sum(CASE WHEN kind = ?3 AND day > ?1 - 30 THEN count END), 0)
                FROM event_counts WHERE class = ?4 AND kind IN (?2, ?3) AND day <= ?1
                GROUP BY recipient
                """)
            try summary.bind(
                .integer(day), .integer(EventKind.open.rawValue), .integer(EventKind.click.rawValue),
                .integer(TrafficClass.human.rawValue))
            for (recipient, engagement) in try summary.rows({
                (
                    $0.int64(0),
                    Engagement(
                        lastOpenDay: $0.optionalInt64(1), lastClickDay: $0.optionalInt64(2), recentClicks: $0.int64(3))
                )
            }) {
                result[recipient] = engagement
            }
            let targets = try database.prepare(
                """
                SELECT DISTINCT recipient, target FROM event_counts
                WHERE class = ?1 AND kind = ?2 AND day <= ?3 AND target != ''
                """)
            try targets.bind(
                .integer(TrafficClass.human.rawValue), .integer(EventKind.click.rawValue), .integer(day))
            for (recipient, target) in try targets.rows({ ($0.int64(0), $0.text(1)) }) {
                result[recipient, default: Engagement()].clickedTargets.insert(target)
            }
            return result
        }
    }
}
