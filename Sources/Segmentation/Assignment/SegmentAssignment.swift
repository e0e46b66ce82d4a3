/// The segment of every customer (an index into `CompiledSegments.segments`), indexed by customer.
public struct SegmentAssignment: Sendable, Hashable {
    public let segmentOfCustomer: [Int32]
    public let segmentCount: Int

    public init(segmentOfCustomer: [Int32], segmentCount: Int) {
        self.segmentOfCustomer = segmentOfCustomer
        self.segmentCount = segmentCount
    }

    /// The customers of one segment, in customer order.
    public func members(of segment: Int) -> [Int32] {
        var members: [Int32] = []
        for (customer, assigned) in segmentOfCustomer.enumerated() where assigned == segment {
            members.append(Int32(customer))
        }
        return members
    }

    /// Members per segment.
    public var sizes: [Int] {
        var sizes = [Int](repeating: 0, count: segmentCount)
        for segment in segmentOfCustomer { sizes[Int(segment)] += 1 }
        return sizes
    }
}
