import Recommendation
import VitrineKit

extension RecommendationSettings {
    /// The settings of the picks on one line (for the evaluation's reports).
    package var picksDescription: String {
        let halfLife = picks.recencyHalfLifeDays.map { "\(Int($0))" } ?? "off"
        let trend = popularityHalfLifeDays.map { "\(Int($0))" } ?? "off"
        let measure =
            switch pickSimilarity.measure {
            case .cosine: "cosine iuf=\(pickSimilarity.inverseUserFrequency ? "on" : "off")"
            case .randomWalk(let beta): "rp3 beta=\(beta)"
            }
        return "K=\(pickSimilarity.neighbours) \(measure) "
            + "half-life=\(halfLife) damping=\(picks.popularityDamping) blend=\(picks.popularityBlend) "
            + "popularity-half-life=\(trend) exponent=\(picks.similarityExponent) "
            + "per-category=\(picks.maximumPerCategory.map(String.init) ?? "off") "
            + "country-shrinkage=\(countryShrinkage.map { "\($0)" } ?? "off") "
            + "country-half-life=\(countryHalfLifeDays.map { "\(Int($0))" } ?? "off") "
            + "country-scope=\(picks.groupScope == .everyone ? "everyone" : "new")"
    }
}
