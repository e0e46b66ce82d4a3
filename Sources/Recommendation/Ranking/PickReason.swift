#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// Why a product is among a customer's picks, for `vitrine segments --explain`: the product of their history that
/// adds most to its neighbour score (`CustomerPicks`: recency weight × similarity^exponent), or the popularity
/// prior when none of their products has it as a neighbour.
public enum PickReason: Sendable, Hashable {
    /// Near a product they bought.
    case nearPurchase(Int32)
    /// Near a product they signalled interest in (wish list, click).
    case nearSignal(Int32, InterestSignal.Source)
    /// None of their products leads to it: it sells now (everyone's trend, or their group's for a new customer).
    case popular
}

extension CustomerPicks {
    /// The reason for each of `picks` (in order), with the same inputs the picks were made from.
    public static func reasons(
        customer: Int, picks: some Collection<Int32>, matrix: PurchaseMatrix, similarity: ItemSimilarity,
        signals: [InterestSignal], asOfDay: Int32, configuration: Configuration
    ) -> [PickReason] {
        func weight(day: Int32) -> Double {
            RecencyWeight.of(day: day, asOfDay: asOfDay, halfLifeDays: configuration.recencyHalfLifeDays)
        }
        let owned = Int(matrix.customerOffsets[customer])..<Int(matrix.customerOffsets[customer + 1])
        var sources: [(product: Int32, weight: Double, reason: PickReason)] = owned.map { entry in
            let product = matrix.customerItems[entry]
            return (product, weight(day: matrix.customerItemDays[entry]), .nearPurchase(product))
        }
        for signal in signals where Int(signal.customer) == customer {
            sources.append(
                (
                    signal.product, Double(signal.weight) * weight(day: signal.day),
                    .nearSignal(signal.product, signal.source)
                ))
        }
        return picks.map { pick in
            var best: (contribution: Double, reason: PickReason) = (0, .popular)
            for source in sources {
                guard let neighbour = similarity.neighbours(of: Int(source.product)).first(where: { $0.item == pick })
                else { continue }
                let contribution = source.weight * pow(Double(neighbour.score), configuration.similarityExponent)
                if contribution > best.contribution { best = (contribution, source.reason) }
            }
            return best.reason
        }
    }
}
