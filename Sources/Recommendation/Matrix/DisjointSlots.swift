/// A raw output buffer shared by the workers of one `concurrentPerform`, each of which writes only its own index
/// range. Sendable by that contract alone: nothing else may write through it, and nobody reads before the
/// `concurrentPerform` returns.
struct DisjointSlots<Element>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>
}
