import Foundation
import SeededRandom
import Testing

@testable import Recommendation

/// The neighbour tables are made with a bounded top-K selection, several configurations in one walk: they must be
/// exactly what sorting every co-purchased item and keeping the first K gave (the previous implementation, kept
/// below as the reference), ties included.
@Suite struct NeighbourSelectionTests {
    /// A random purchase matrix with skewed popularity and many equal scores (binary cosine ties often).
    static func matrix(seed: UInt64, customers: Int = 400, products: Int = 70) -> PurchaseMatrix {
        var random = SplitMix64(seed: seed)
        var offsets: [Int32] = [0]
        var items: [Int32] = []
        for _ in 0..<customers {
            var bought = Set<Int32>()
            let count = random.chance(0.05) ? random.int(in: 15...40) : random.int(in: 0...6)
            for _ in 0..<count {
                // Popular products first: a draw from the square of a uniform.
                let unit = random.unit()
                bought.insert(Int32(Double(products) * unit * unit))
            }
            items += bought.sorted()
            offsets.append(Int32(items.count))
        }
        return PurchaseMatrix(
            customerCount: customers, productCount: products, offsets: offsets, items: items,
            days: [Int32](repeating: 0, count: items.count))
    }

    /// The table as the full stable sort made it: every candidate sorted by score, then item, the first K kept.
    static func reference(_ matrix: PurchaseMatrix, _ configuration: ItemSimilarity.Configuration) -> (
        offsets: [Int32], items: [Int32], scores: [UInt32]
    ) {
        let lane = ItemSimilarity.Lane(configuration, matrix: matrix)
        var offsets: [Int32] = [0]
        var items: [Int32] = []
        var scores: [UInt32] = []
        for item in 0..<matrix.productCount {
            var sums = [Float](repeating: 0, count: matrix.productCount)
            var coCounts = [Int](repeating: 0, count: matrix.productCount)
            var touched: [Int32] = []
            for customer in matrix.customers(of: item) {
                for other in matrix.items(of: Int(customer)) where Int(other) != item {
                    if coCounts[Int(other)] == 0 { touched.append(other) }
                    coCounts[Int(other)] += 1
                    sums[Int(other)] += lane.weightSquared[Int(customer)]
                }
            }
            var candidates: [(item: Int32, score: Float)] = []
            for other in touched where coCounts[Int(other)] >= configuration.minimumCoPurchases {
                candidates.append(
                    (other, sums[Int(other)] / (lane.rowDivisors[item] * lane.columnDivisors[Int(other)])))
            }
            candidates.sort { $0.score != $1.score ? $0.score > $1.score : $0.item < $1.item }
            let kept = candidates.prefix(lane.k)
            var rowSum: Float = 0
            for candidate in kept { rowSum += candidate.score }
            let scale: Float = lane.scalesRows && rowSum > 0 ? 1 / rowSum : 1
            for candidate in kept {
                items.append(candidate.item)
                scores.append((candidate.score * scale).bitPattern)
            }
            offsets.append(Int32(items.count))
        }
        return (offsets, items, scores)
    }

    static let configurations: [ItemSimilarity.Configuration] = [
        .init(neighbours: 5),
        .init(neighbours: 1),
        .init(neighbours: 10, inverseUserFrequency: true),
        .init(neighbours: 3, minimumCoPurchases: 2),
        .init(neighbours: 100, measure: .randomWalk(popularityPenalty: 0.65)),
        .init(neighbours: 4, measure: .randomWalk(popularityPenalty: 0)),
    ]

    @Test(arguments: configurations.indices)
    func tableEqualsTheFullSort(configuration index: Int) {
        let configuration = Self.configurations[index]
        for seed: UInt64 in [1, 2, 3] {
            let matrix = Self.matrix(seed: seed)
            let table = ItemSimilarity(matrix: matrix, configuration: configuration)
            let expected = Self.reference(matrix, configuration)
            #expect(table.offsets == expected.offsets, "seed \(seed)")
            #expect(table.items == expected.items, "seed \(seed)")
            #expect(table.scores.map(\.bitPattern) == expected.scores, "seed \(seed)")
        }
    }

    @Test func tablesFromOneWalkEqualTablesMadeApart() {
        let matrix = Self.matrix(seed: 7)
        let together = ItemSimilarity.tables(matrix: matrix, configurations: Self.configurations)
        #expect(together.count == Self.configurations.count)
        for (table, configuration) in zip(together, Self.configurations) {
            let apart = ItemSimilarity(matrix: matrix, configuration: configuration)
            #expect(table.offsets == apart.offsets)
            #expect(table.items == apart.items)
            #expect(table.scores.map(\.bitPattern) == apart.scores.map(\.bitPattern))
        }
        #expect(ItemSimilarity.tables(matrix: matrix, configurations: []).isEmpty)
    }

    /// Many equal scores in a random order: the kept ones and their order are the sort's, whatever the arrival order.
    @Test(arguments: [1, 2, 7, 50, 200])
    func bestNeighboursKeepsWhatTheSortKeeps(capacity: Int) {
        var random = SplitMix64(seed: UInt64(capacity))
        for _ in 0..<20 {
            let count = random.int(in: 0...120)
            let candidates = (0..<count).map { (item: Int32($0), score: Float(random.int(in: 0...8)) / 4) }
            var shuffled = candidates
            shuffled.shuffle(using: &random)
            var best = BestNeighbours(capacity: capacity)
            for candidate in shuffled { best.offer(candidate.item, candidate.score) }
            best.rank()
            let sorted = candidates.sorted { $0.score != $1.score ? $0.score > $1.score : $0.item < $1.item }
            #expect(best.kept.map(\.item) == sorted.prefix(capacity).map(\.item))
            #expect(best.kept.map(\.score) == sorted.prefix(capacity).map(\.score))
        }
    }
}
