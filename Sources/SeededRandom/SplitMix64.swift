import Foundation

/// SplitMix64 (Steele, Lea and Flood, 2014): a tiny, fast, seedable generator whose output is fixed by the seed
/// on every platform and toolchain, which is what a reproducible workload or a reproducible fuzz run needs (a
/// failure is replayed from its seed).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// An independent stream for one part of the workload, so that changing one part leaves the others unchanged.
    public func fork(_ salt: UInt64) -> SplitMix64 {
        var copy = SplitMix64(seed: state ^ (salt &* 0xD1B5_4A32_D192_ED03))
        _ = copy.next()
        return SplitMix64(seed: copy.next())
    }

    /// A uniform integer in `0..<bound` (Lemire's multiply-shift with rejection, so without modulo bias).
    public mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0)
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold { product = next().multipliedFullWidth(by: range) }
        }
        return Int(product.high)
    }

    /// A uniform integer in a closed range.
    public mutating func int(in range: ClosedRange<Int>) -> Int { range.lowerBound + below(range.count) }

    /// A uniform double in `[0, 1)` from the top 53 bits.
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    public mutating func chance(_ probability: Double) -> Bool { unit() < probability }

    public mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// A Pareto variate with minimum 1 and tail index `alpha`: heavy-tailed spend and activity.
    public mutating func pareto(alpha: Double) -> Double { 1 / pow(1 - unit(), 1 / alpha) }

    /// Rounds `value` up or down at random so that the expectation is `value`.
    public mutating func stochasticRound(_ value: Double) -> Int {
        let floor = value.rounded(.down)
        return Int(floor) + (chance(value - floor) ? 1 : 0)
    }

    public mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for index in stride(from: items.count - 1, to: 0, by: -1) { items.swapAt(index, below(index + 1)) }
    }
}
