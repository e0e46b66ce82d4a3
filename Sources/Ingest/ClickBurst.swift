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
    /// and still in the batch, each with its time. Loops over at most `capacity` clicks; nothing is allocated
    /// unless a burst is found.
    mutating func add(_ key: EventAggregator.EventKey, at time: Int64) -> [(EventAggregator.EventKey, Int64)] {
        let click = Click(key: key, time: time, scanner: false, committed: false)
        var added = clicks.count
        if clicks.count < Self.capacity {
            clicks.append(click)
        } else {
            added = 0
            for index in clicks.indices where clicks[index].time < clicks[added].time { added = index }
            clicks[added] = click
        }
        var moved: [(EventAggregator.EventKey, Int64)] = []
        // Every window that starts at a recorded click and holds this one.
        for first in clicks.indices {
            let start = clicks[first].time
            guard start <= time, time - start <= Self.window, distinctTargets(from: start) >= Self.distinctTargets
            else { continue }
            for index in clicks.indices
            where !clicks[index].scanner && clicks[index].time >= start && clicks[index].time - start <= Self.window {
                clicks[index].scanner = true
                if !clicks[index].committed { moved.append((clicks[index].key, clicks[index].time)) }
            }
        }
        // A click joining a burst already seen (the fourth link of the message) is a scanner's too.
        if !clicks[added].scanner {
            for index in clicks.indices where clicks[index].scanner && abs(clicks[index].time - time) <= Self.window {
                clicks[added].scanner = true
                moved.append((key, time))
                break
            }
        }
        return moved
    }

    /// The distinct targets among the clicks in `start…start + window`.
    private func distinctTargets(from start: Int64) -> Int {
        var count = 0
        for index in clicks.indices where clicks[index].time >= start && clicks[index].time - start <= Self.window {
            let target = clicks[index].key.target
            let seen = clicks[..<index].contains {
                $0.key.target == target && $0.time >= start && $0.time - start <= Self.window
            }
            if !seen { count += 1 }
        }
        return count
    }

    /// Marks every recorded click as handed over.
    mutating func commit() {
        for index in clicks.indices { clicks[index].committed = true }
    }
}
