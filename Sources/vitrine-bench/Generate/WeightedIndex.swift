import SeededRandom

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
