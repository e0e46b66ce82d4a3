import Dispatch

/// Work started on another thread now and waited for later: the mostly serial part of one stage (segmenting the
/// customers, planning the site) runs beside the parallel part of another (the neighbour tables, the picks), which
/// keeps every core of its own `concurrentPerform`. Running both through one `concurrentPerform` of two would nest
/// the parallel part and leave it one thread, idling a core once the serial part is done.
final class BackgroundWork<Value>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    /// Written once by the work before it signals `done`, read only after waiting for it.
    private var value: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async {
            self.value = work()
            self.done.signal()
        }
    }

    /// The work's result, once it has finished; call once.
    func wait() -> Value {
        done.wait()
        return value!
    }
}
