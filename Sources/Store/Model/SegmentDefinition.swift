import Diagnostics

/// One entry of `segments.json`. The rule stays text here; the segmentation stage compiles it.
public struct SegmentDefinition: Sendable {
    public struct Pricing: Sendable, Hashable {
        /// Percent off in basis points (10% = 1000).
        public var percentOffBasisPoints: Int64 = 0
        /// Business buyers see prices without VAT.
        public var pricesWithoutVAT: Bool = false
        public init(percentOffBasisPoints: Int64 = 0, pricesWithoutVAT: Bool = false) {
            self.percentOffBasisPoints = percentOffBasisPoints
            self.pricesWithoutVAT = pricesWithoutVAT
        }
    }

    public var id: String
    public var name: String
    /// Nil for the fallback (the last segment: everyone else).
    public var rule: LocatedText?
    public var locale: String?
    public var pricing: Pricing
    public var featuredCategories: [[String]]
    public var banner: [String: String]
    public var coupon: String?
    public var location: SourceLocation?

    public init(
        id: String, name: String, rule: LocatedText? = nil, locale: String? = nil, pricing: Pricing = Pricing(),
        featuredCategories: [[String]] = [], banner: [String: String] = [:], coupon: String? = nil,
        location: SourceLocation? = nil
    ) {
        self.id = id
        self.name = name
        self.rule = rule
        self.locale = locale
        self.pricing = pricing
        self.featuredCategories = featuredCategories
        self.banner = banner
        self.coupon = coupon
        self.location = location
    }
}
