import Dispatch
import Foundation

/// Runs independent pieces of work on all cores and returns their results in order. Each piece owns its
/// inputs and outputs: nothing mutable is shared.
public enum Parallel {
    /// The number of cores to spread work over (at least 1).
    public static var cores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    public static func map<Result>(_ count: Int, _ body: (Int) -> Result) -> [Result] {
        if count == 1 { return [body(0)] }
        let results = UnsafeMutableBufferPointer<Result?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer {
            results.deinitialize()
            results.deallocate()
        }
        withoutActuallyEscaping(body) { body in
            let slots = Slots(base: results)
            let work = UncheckedSendable(body)
            DispatchQueue.concurrentPerform(iterations: count) { index in
                slots.base[index] = work.value(index)
            }
        }
        return results.map { $0! }
    }

    /// Two different pieces of work at once.
    public static func both<First, Second>(_ first: () -> First, _ second: () -> Second) -> (First, Second) {
        let firstSlot = UnsafeMutablePointer<First>.allocate(capacity: 1)
        let secondSlot = UnsafeMutablePointer<Second>.allocate(capacity: 1)
        defer {
            firstSlot.deinitialize(count: 1)
            firstSlot.deallocate()
            secondSlot.deinitialize(count: 1)
            secondSlot.deallocate()
        }
        withoutActuallyEscaping(first) { first in
            withoutActuallyEscaping(second) { second in
                let work = UncheckedSendable((first, second))
                let slots = UncheckedSendable((firstSlot, secondSlot))
                DispatchQueue.concurrentPerform(iterations: 2) { index in
                    if index == 0 {
                        slots.value.0.initialize(to: work.value.0())
                    } else {
                        slots.value.1.initialize(to: work.value.1())
                    }
                }
            }
        }
        return (firstSlot.pointee, secondSlot.pointee)
    }

    /// Each iteration writes only its own slot.
    private struct Slots<Result>: @unchecked Sendable {
        let base: UnsafeMutableBufferPointer<Result?>
    }

    private struct UncheckedSendable<Value>: @unchecked Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }
}
