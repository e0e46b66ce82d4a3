#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// A linear scoring model over the features of (customer, candidate) pairs, learned from what customers bought
/// next. Per customer, the candidates' scores `s_j = w · z_j` (z: the features standardized on the training rows)
/// go through a softmax, and the loss is its cross-entropy against the candidates they bought (listwise, the
/// "top one probability" of ListNet, Cao et al. 2007):
///
///     L = 1/|G| Σ_g [ log Σ_{j ∈ g} exp(s_j)  −  1/|P_g| Σ_{p ∈ P_g} s_p ]  +  l2/2 · |w|²
///
/// over the groups G with at least one bought candidate P_g, so each customer weighs the same, as in macro recall.
/// No bias: a softmax ignores anything added to every candidate alike, and for the same reason a feature of the
/// customer alone (how often they buy) only matters multiplied with one of the candidate. Fit is full-batch
/// gradient descent with Adam (Kingma & Ba 2015); the gradient of a group is `Σ_j (softmax_j − y_j/|P_g|) z_j`.
package struct HybridRanker: Sendable, Hashable {
    package struct Configuration: Sendable, Hashable {
        package var iterations: Int
        package var learningRate: Double
        package var l2: Double

        package init(iterations: Int = 300, learningRate: Double = 0.05, l2: Double = 1e-3) {
            self.iterations = iterations
            self.learningRate = learningRate
            self.l2 = l2
        }
    }

    /// Per feature: subtracted, then divided by `scales`, before weighing.
    package let means: [Double]
    package let scales: [Double]
    package let weights: [Double]

    package init(means: [Double], scales: [Double], weights: [Double]) {
        precondition(means.count == weights.count && scales.count == weights.count, "one value per feature")
        self.means = means
        self.scales = scales
        self.weights = weights
    }

    /// The score of one candidate's features (higher ranks first).
    package func score(_ features: some Collection<Float>) -> Double {
        var sum = 0.0
        for (index, value) in features.enumerated() {
            sum += weights[index] * (Double(value) - means[index]) / scales[index]
        }
        return sum
    }

    /// The model fit to `groups`, and the loss before each step and after the last (`iterations + 1` values).
    package static func fit(
        _ groups: RankingGroups, configuration: Configuration = Configuration()
    ) -> (ranker: HybridRanker, losses: [Double]) {
        let n = groups.featureCount
        let (means, scales) = standardization(groups)
        let z = standardized(groups, means: means, scales: scales)
        var weights = [Double](repeating: 0, count: n)
        var first = [Double](repeating: 0, count: n)
        var second = [Double](repeating: 0, count: n)
        var losses: [Double] = []
        let (beta1, beta2, epsilon) = (0.9, 0.999, 1e-8)
        for step in 0...configuration.iterations {
            let (loss, gradient) = lossAndGradient(groups, z: z, weights: weights, l2: configuration.l2)
            losses.append(loss)
            guard step < configuration.iterations else { break }
            let t = Double(step + 1)
            for feature in 0..<n {
                first[feature] = beta1 * first[feature] + (1 - beta1) * gradient[feature]
                second[feature] = beta2 * second[feature] + (1 - beta2) * gradient[feature] * gradient[feature]
                let corrected = first[feature] / (1 - pow(beta1, t))
                let correctedSecond = second[feature] / (1 - pow(beta2, t))
                weights[feature] -= configuration.learningRate * corrected / (correctedSecond.squareRoot() + epsilon)
            }
        }
        return (HybridRanker(means: means, scales: scales, weights: weights), losses)
    }

    /// The loss of this model on `groups` (the `L` above).
    package func loss(on groups: RankingGroups, l2: Double = 0) -> Double {
        let z = Self.standardized(groups, means: means, scales: scales)
        return Self.lossAndGradient(groups, z: z, weights: weights, l2: l2).loss
    }

    /// Every row's features with `means` subtracted and divided by `scales`, in the layout of `groups.features`.
    static func standardized(_ groups: RankingGroups, means: [Double], scales: [Double]) -> [Double] {
        let n = groups.featureCount
        return groups.features.indices.map { index in
            let feature = index % n
            return (Double(groups.features[index]) - means[feature]) / scales[feature]
        }
    }

    /// Mean and standard deviation of each feature over every row (a constant feature gets scale 1).
    static func standardization(_ groups: RankingGroups) -> (means: [Double], scales: [Double]) {
        let n = groups.featureCount
        let rows = max(1, groups.items.count)
        var sums = [Double](repeating: 0, count: n)
        var squares = [Double](repeating: 0, count: n)
        for (index, value) in groups.features.enumerated() {
            sums[index % n] += Double(value)
            squares[index % n] += Double(value) * Double(value)
        }
        let means = sums.map { $0 / Double(rows) }
        let scales = (0..<n).map { feature in
            let variance = squares[feature] / Double(rows) - means[feature] * means[feature]
            return variance > 1e-12 ? variance.squareRoot() : 1
        }
        return (means, scales)
    }

    static func lossAndGradient(
        _ groups: RankingGroups, z: [Double], weights: [Double], l2: Double
    ) -> (loss: Double, gradient: [Double]) {
        let n = groups.featureCount
        var gradient = [Double](repeating: 0, count: n)
        var loss = 0.0
        var used = 0
        var scores: [Double] = []
        for group in 0..<groups.count {
            let rows = groups.rows(of: group)
            let positives = rows.count { groups.labels[$0] }
            guard positives > 0 else { continue }
            used += 1
            scores.removeAll(keepingCapacity: true)
            var top = -Double.infinity
            for row in rows {
                var s = 0.0
                for feature in 0..<n { s += weights[feature] * z[row * n + feature] }
                scores.append(s)
                top = max(top, s)
            }
            var total = 0.0
            for s in scores { total += exp(s - top) }
            let logSum = top + log(total)
            var positiveMean = 0.0
            for (offset, row) in rows.enumerated() {
                let probability = exp(scores[offset] - logSum)
                let target = groups.labels[row] ? 1 / Double(positives) : 0
                if groups.labels[row] { positiveMean += scores[offset] / Double(positives) }
                let delta = probability - target
                for feature in 0..<n { gradient[feature] += delta * z[row * n + feature] }
            }
            loss += logSum - positiveMean
        }
        let scale = used > 0 ? 1 / Double(used) : 0
        var penalty = 0.0
        for feature in 0..<n {
            gradient[feature] = gradient[feature] * scale + l2 * weights[feature]
            penalty += weights[feature] * weights[feature]
        }
        return (loss * scale + l2 / 2 * penalty, gradient)
    }
}
