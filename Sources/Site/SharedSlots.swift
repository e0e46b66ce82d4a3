import Foundation

/// Values made on first use and then shared by the page workers, in groups of `count` slots (a segment's cards, a
/// locale's descriptions): one lock per group, held only to read or fill a slot, never while a value is made. Two
/// threads may both make the same value; they make equal ones, and either is kept.
final class SharedSlots<Value: Sendable>: @unchecked Sendable {
    private final class Group: @unchecked Sendable {
        let lock = NSLock()
        var values: [Value?]
        init(count: Int) { values = [Value?](repeating: nil, count: count) }
    }

    private let groups: [Group]

    init(groups: Int, count: Int) {
        self.groups = (0..<groups).map { _ in Group(count: count) }
    }

    /// The value in slot `index` of `group`, else `make()`'s (kept for the next caller).
    func value(group: Int, index: Int, make: () -> Value) -> Value {
        let slots = groups[group]
        slots.lock.lock()
        let cached = slots.values[index]
        slots.lock.unlock()
        if let cached { return cached }
        let made = make()
        slots.lock.lock()
        slots.values[index] = made
        slots.lock.unlock()
        return made
    }
}
