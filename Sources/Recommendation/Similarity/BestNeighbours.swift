/// The `capacity` best of a stream of (item, score) candidates, where better means a higher score, then a lower
/// item index: exactly what sorting every candidate by that order and keeping the first `capacity` would keep, in
/// the same order, without sorting the rest.
///
/// A bounded binary heap with the worst kept candidate at the root: a candidate no better than the root is refused
/// with one comparison (most of them, once the heap is full), a better one replaces the root and sinks. The order
/// is total on distinct items (the same item is never offered twice for one row), so which candidates are kept and
/// how they are ranked does not depend on the order they arrive in. One per worker, reused from row to row.
struct BestNeighbours {
    private(set) var capacity: Int
    /// The heap while collecting; after `rank()`, the kept candidates best first.
    private(set) var kept: [(item: Int32, score: Float)] = []
    /// The root of a full heap, held apart: most candidates are refused by comparing with it alone.
    private var worst: (item: Int32, score: Float) = (0, 0)

    init(capacity: Int) {
        self.capacity = capacity
        kept.reserveCapacity(capacity)
    }

    @inline(__always)
    static func isBetter(_ item: Int32, _ score: Float, than other: (item: Int32, score: Float)) -> Bool {
        score != other.score ? score > other.score : item < other.item
    }

    /// Empties the selection for a new row, keeping at most `capacity` from now on.
    mutating func removeAll(capacity: Int? = nil) {
        if let capacity {
            self.capacity = capacity
            kept.reserveCapacity(capacity)
        }
        kept.removeAll(keepingCapacity: true)
    }

    /// Offers one candidate.
    @inline(__always)
    mutating func offer(_ item: Int32, _ score: Float) {
        if kept.count == capacity {
            guard capacity > 0, Self.isBetter(item, score, than: worst) else { return }
            kept.withUnsafeMutableBufferPointer { heap in
                heap[0] = (item, score)
                Self.siftDown(heap, from: 0, count: heap.count)
                worst = heap[0]
            }
        } else {
            kept.append((item, score))
            siftUp(from: kept.count - 1)
            worst = kept[0]
        }
    }

    /// Orders what is kept best first (heapsort: the worst moves to the end, one at a time).
    mutating func rank() {
        kept.withUnsafeMutableBufferPointer { heap in
            var end = heap.count - 1
            while end > 0 {
                heap.swapAt(0, end)
                Self.siftDown(heap, from: 0, count: end)
                end -= 1
            }
        }
    }

    /// Restores the heap (each parent worse than its children) above `index`.
    private mutating func siftUp(from index: Int) {
        kept.withUnsafeMutableBufferPointer { heap in
            var child = index
            let moving = heap[child]
            while child > 0 {
                let parent = (child - 1) / 2
                guard Self.isBetter(heap[parent].item, heap[parent].score, than: moving) else { break }
                heap[child] = heap[parent]
                child = parent
            }
            heap[child] = moving
        }
    }

    /// Restores the heap below `index` within the first `count` entries (on the raw buffer: this runs for every
    /// candidate that displaces the worst kept one).
    private static func siftDown(
        _ heap: UnsafeMutableBufferPointer<(item: Int32, score: Float)>, from index: Int, count: Int
    ) {
        var parent = index
        let moving = heap[parent]
        while true {
            var child = 2 * parent + 1
            guard child < count else { break }
            if child + 1 < count, isBetter(heap[child].item, heap[child].score, than: heap[child + 1]) {
                child += 1
            }
            guard isBetter(moving.item, moving.score, than: heap[child]) else { break }
            heap[parent] = heap[child]
            parent = child
        }
        heap[parent] = moving
    }
}
