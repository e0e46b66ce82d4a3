/// A raw output buffer shared by the workers of one `concurrentPerform`, each of which writes only its own index
/// range. Sendable by that contract alone: nothing else may write through it, and nobody reads before the
/// `concurrentPerform` returns. An empty buffer has no address; nothing is ever written to it.
public struct DisjointSlots<Element>: @unchecked Sendable {
    private let base: UnsafeMutablePointer<Element>?

    public init(_ buffer: UnsafeMutableBufferPointer<Element>) { base = buffer.baseAddress }

    public func write(_ value: Element, at index: Int) { base![index] = value }
}
