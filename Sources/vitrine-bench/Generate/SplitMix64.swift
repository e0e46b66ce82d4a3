import Foundation

/// SplitMix64 (Steele, Lea and Flood, 2014): a tiny, fast, seedable generator whose output is fixed by the seed
/// on every platform and toolchain, which is what a reproducible workload needs.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// An independent stream for one part of the workload, so that changing one part leaves the others unchanged.
    func fork(_ salt: UInt64) -> SplitMix64 {
        var copy = SplitMix64(seed: state ^ (salt &* 0xD1B5_4A32_D192_ED03))
        _ = copy.next()
        return SplitMix64(seed: copy.next())
    }

    /// A uniform integer in `0..<bound` (Lemire's multiply-shift with rejection, so without modulo bias).
    mutating func below(_ bound: Int) -> Int {
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
    mutating func int(in range: ClosedRange<Int>) -> Int { range.lowerBound + below(range.count) }

    /// A uniform double in `[0, 1)` from the top 53 bits.
    mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    mutating func chance(_ probability: Double) -> Bool { unit() < probability }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// A Pareto variate with minimum 1 and tail index `alpha`: heavy-tailed spend and activity.
    mutating func pareto(alpha: Double) -> Double { 1 / pow(1 - unit(), 1 / alpha) }

    /// Rounds `value` up or down at random so that the expectation is `value`.
    mutating func stochasticRound(_ value: Double) -> Int {
        let floor = value.rounded(.down)
        return Int(floor) + (chance(value - floor) ? 1 : 0)
    }

    mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for index in stride(from: items.count - 1, to: 0, by: -1) { items.swapAt(index, below(index + 1)) }
    }
}

/// Draws indices in proportion to fixed weights by binary search over their running sum.
struct WeightedIndex {
    private let cumulative: [Double]

    init(weights: [Double]) {
        var sum = 0.0
        cumulative = weights.map { weight in
            sum += weight
            return sum
        }
    }

    var isEmpty: Bool { cumulative.isEmpty || cumulative[cumulative.count - 1] <= 0 }

    func draw(_ random: inout SplitMix64) -> Int {
        let target = random.unit() * cumulative[cumulative.count - 1]
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > target { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
