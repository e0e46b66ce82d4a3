import Foundation

/// Work started on a thread of its own, whose result is waited for later (once).
final class Started<Value>: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    private var value: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        let thread = Thread { [self] in
            value = work()
            finished.signal()
        }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// The work's result, once it has finished.
    func wait() -> Value {
        finished.wait()
        return value!
    }
}
