import Dispatch
import Foundation
import Testing

@testable import VitrineKit

@Suite("the page workers' shares")
struct WorkCounterTests {
    @Test("each worker starts on its own part; every index is handed out once, whatever the timing")
    func everyIndexOnce() {
        for (total, workers) in [(0, 2), (1, 2), (63, 2), (1_000, 2), (1_001, 3), (10_000, 4), (5, 8)] {
            let counter = BuildWorkflow.Counter(total: total, workers: workers)
            let seen = Seen(count: total)
            // Round one, in order: with a part for every worker, each gets the start of its own (with fewer items
            // than workers, one without a part takes from another's back, maybe before that one's turn).
            for worker in 0..<workers {
                let start = total * worker / workers
                let end = total * (worker + 1) / workers
                let first = counter.next(10, worker: worker)
                if total >= workers { #expect(first == start..<min(end, start + 10)) }
                if let first { seen.take(first) }
            }
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                while let range = counter.next(7, worker: worker) { seen.take(range) }
            }
            #expect(seen.counts == Array(repeating: 1, count: total), "total \(total), workers \(workers)")
        }
    }

    @Test("a worker whose part is done takes from the back of the fullest part")
    func stealsFromTheBack() {
        let counter = BuildWorkflow.Counter(total: 100, workers: 2)
        // Worker 1 finishes its part (50..<100) alone.
        while let range = counter.next(10, worker: 1), range.lowerBound >= 50 {
            if range.upperBound == 100 { break }
        }
        #expect(counter.next(10, worker: 0) == 0..<10)
        // Worker 1 now works from the end of worker 0's rest, away from it.
        #expect(counter.next(10, worker: 1) == 40..<50)
        #expect(counter.next(10, worker: 0) == 10..<20)
        #expect(counter.next(25, worker: 1) == 20..<40)
        #expect(counter.next(10, worker: 0) == nil)
        #expect(counter.next(10, worker: 1) == nil)
    }

    final class Seen: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var counts: [Int]

        init(count: Int) { counts = Array(repeating: 0, count: count) }

        func take(_ range: Range<Int>) {
            lock.lock()
            for index in range { counts[index] += 1 }
            lock.unlock()
        }
    }
}
