/// Candidate lists to rank, one group per customer, with a feature row and a label per candidate (whether the
/// customer bought it in the period after the features' as-of day). Layout: group g is rows
/// `offsets[g] ..< offsets[g + 1]`; row r's features are `features[r * featureCount ..< (r + 1) * featureCount]`,
/// its product `items[r]`, its label `labels[r]`.
package struct RankingGroups: Sendable {
    package let featureCount: Int
    package private(set) var offsets: [Int32] = [0]
    package private(set) var customers: [Int32] = []
    package private(set) var items: [Int32] = []
    package private(set) var features: [Float] = []
    package private(set) var labels: [Bool] = []

    package init(featureCount: Int) { self.featureCount = featureCount }

    package var count: Int { customers.count }

    package func rows(of group: Int) -> Range<Int> { Int(offsets[group])..<Int(offsets[group + 1]) }

    package func features(ofRow row: Int) -> ArraySlice<Float> {
        features[row * featureCount..<(row + 1) * featureCount]
    }

    /// Adds a row to the group being built (closed by `closeGroup`).
    package mutating func appendRow(item: Int32, features row: some Collection<Float>, label: Bool) {
        precondition(row.count == featureCount, "one value per feature")
        items.append(item)
        features.append(contentsOf: row)
        labels.append(label)
    }

    /// Ends the group of `customer`: the rows added since the last group are its candidates.
    package mutating func closeGroup(customer: Int32) {
        customers.append(customer)
        offsets.append(Int32(items.count))
    }

    /// Adds every group of `other` (same features), after those of `self`.
    package mutating func append(_ other: RankingGroups) {
        precondition(other.featureCount == featureCount, "same features")
        let base = Int32(items.count)
        offsets.append(contentsOf: other.offsets.dropFirst().map { $0 + base })
        customers.append(contentsOf: other.customers)
        items.append(contentsOf: other.items)
        features.append(contentsOf: other.features)
        labels.append(contentsOf: other.labels)
    }
}
