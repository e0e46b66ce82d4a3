/// The recent clicks of one recipient on one campaign: enough to see a link scanner's burst.
///
/// A mail-security gateway follows every link of a message within seconds; a person clicks one, reads, maybe
/// another later. Three distinct targets within `window` seconds is a burst. The record keeps the last
/// `capacity` clicks only (a fixed, small size per recipient); the window check does not depend on the order
/// the clicks arrive in, so a log merged from several servers is fine.
struct ClickBurst: Sendable {
    struct Key: Hashable, Sendable {
        var campaign: UInt16
        var recipient: UInt64
        var keyID: UInt8
    }

    struct Click: Sendable {
        var key: EventAggregator.EventKey
        var time: Int64
        /// Already counted as a scanner's.
        var scanner: Bool
        /// Handed over by an earlier `drain()`: it can no longer be reclassified.
        var committed: Bool
    }

    static let window: Int64 = 10
    static let distinctTargets = 3
    static let capacity = 4

    private(set) var clicks: [Click] = []

    var newest: Int64 { clicks.map(\.time).max() ?? Int64.min }

    /// Adds a click counted as a person's; returns the clicks (this one included) now known to be a scanner's
    /// and still in the batch, each with its time.
    mutating func add(_ key: EventAggregator.EventKey, at time: Int64) -> [(EventAggregator.EventKey, Int64)] {
        let click = Click(key: key, time: time, scanner: false, committed: false)
        if clicks.count < Self.capacity {
            clicks.append(click)
        } else if let oldest = clicks.indices.min(by: { clicks[$0].time < clicks[$1].time }) {
            clicks[oldest] = click
        }
        // Every window that starts at a recorded click and holds this one.
        var moved: [(EventAggregator.EventKey, Int64)] = []
        for start in clicks.map(\.time) where start <= time && time - start <= Self.window {
            let inside = clicks.indices.filter { clicks[$0].time >= start && clicks[$0].time - start <= Self.window }
            let targets = Set(inside.map { clicks[$0].key.target })
            guard targets.count >= Self.distinctTargets else { continue }
            for index in inside where !clicks[index].scanner {
                clicks[index].scanner = true
                if !clicks[index].committed { moved.append((clicks[index].key, clicks[index].time)) }
            }
        }
        // A click joining a burst already seen (the fourth link of the message) is a scanner's too.
        if moved.isEmpty, let last = clicks.last(where: { $0.time == time && $0.key == key }), !last.scanner,
            clicks.contains(where: { $0.scanner && abs($0.time - time) <= Self.window })
        {
            if let index = clicks.lastIndex(where: { $0.time == time && $0.key == key && !$0.scanner }) {
                clicks[index].scanner = true
                moved.append((key, time))
            }
        }
        return moved
    }

    /// Marks every recorded click as handed over.
    mutating func commit() {
        for index in clicks.indices { clicks[index].committed = true }
    }
}
