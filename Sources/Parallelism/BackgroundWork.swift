import Dispatch

/// Work started on another thread now and waited for later: a mostly serial piece (segmenting the customers,
/// planning the site, reading a file) runs beside a parallel one (the neighbour tables, the picks), which keeps
/// every core of its own `concurrentPerform`. Running both through `Parallel.both` would nest the parallel piece
/// and leave it one thread, idling a core once the serial piece is done.
public final class BackgroundWork<Value>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    /// Written once by the work before it signals `done`, read only after waiting for it.
    private var value: Value?

    public init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async {
            self.value = work()
            self.done.signal()
        }
    }

    /// The work's result, once it has finished; call once.
    public func wait() -> Value {
        done.wait()
        return value!
    }
}
