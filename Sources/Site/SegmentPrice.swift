import Store

/// A product's price as one segment sees it: the segment's percent off applied, then (for business buyers)
/// VAT taken out, each step rounded half up to the minor unit. Integer arithmetic only.
package struct SegmentPrice: Hashable, Sendable {
    /// What this segment pays.
    package var amount: Money
    /// The struck-through reference price (the compare-at price or the price before the segment's discount),
    /// nil when there is nothing higher to compare with.
    var compareAt: Money?
    /// Whole percent saved against `compareAt`.
    var percentOff: Int

    package init(product: Product, pricing: SegmentDefinition.Pricing, vatBasisPoints: Int64) {
        var amount = product.price.minorUnits
        if pricing.percentOffBasisPoints > 0 {
            amount -= Self.divideRounded(amount * pricing.percentOffBasisPoints, by: 10_000)
        }
        var reference = max(product.compareAtPrice?.minorUnits ?? 0, product.price.minorUnits)
        if pricing.pricesWithoutVAT, vatBasisPoints > 0 {
            amount = Self.divideRounded(amount * 10_000, by: 10_000 + vatBasisPoints)
            reference = Self.divideRounded(reference * 10_000, by: 10_000 + vatBasisPoints)
        }
        self.amount = Money(minorUnits: amount)
        if reference > amount {
            compareAt = Money(minorUnits: reference)
            percentOff = Int(Self.divideRounded((reference - amount) * 100, by: reference))
        } else {
            compareAt = nil
            percentOff = 0
        }
    }

    /// `numerator / denominator` rounded half up (both non-negative).
    static func divideRounded(_ numerator: Int64, by denominator: Int64) -> Int64 {
        (numerator * 2 + denominator) / (denominator * 2)
    }
}
