import Diagnostics
import TextFormats

/// `segments.json`: the ordered segment list. Rules stay text (with their locations); the segmentation stage
/// compiles and checks them.
enum SegmentsLoader {
    static let keys = ["id", "name", "rule", "locale", "pricing", "featured_categories", "banner", "coupon"]

    struct Context {
        var locales: [String]
        var defaultLocale: String
        var categories: Set<[String]>
        /// products.csv was unusable, so no category can be checked.
        var categoriesUnknown = false
        var couponIDs: [String]
        /// Coupons whose definitions had errors (already reported).
        var rejectedCoupons: Set<String>
    }

    static func load(
        _ source: SourceText, context: Context, diagnostics: inout DiagnosticEngine
    ) -> (segments: [SegmentDefinition], rejected: Rejected) {
        var rejected = Rejected()
        let objects = JSONArrayFile.objects(in: source, what: "segment", diagnostics: &diagnostics)
        var segments: [SegmentDefinition] = []
        var ids = FirstDefinitions(source: source)
        for object in objects {
            object.warnAboutUnknownKeys(known: keys, in: "a segment", diagnostics: &diagnostics)
            let errorsBefore = diagnostics.errorCount
            let id = ids.identifier(of: object, what: "segment id", diagnostics: &diagnostics)
            let name = object.string("name", diagnostics: &diagnostics) ?? id ?? ""
            object.checkNoControlCharacters("name", "a segment name", diagnostics: &diagnostics)
            let rule = object.locatedString("rule", diagnostics: &diagnostics)
            let locale = object.string("locale", diagnostics: &diagnostics)
            if let locale, !context.locales.isEmpty, !context.locales.contains(locale) {
                diagnostics.error(
                    "locale \"\(locale)\" is not one of the store's locales (\(context.locales.joined(separator: ", ")))",
                    at: object.location(of: "locale"))
            }
            var pricing = SegmentDefinition.Pricing()
            if let pricingObject = object.object("pricing", diagnostics: &diagnostics) {
                pricingObject.warnAboutUnknownKeys(
                    known: ["percent_off", "prices_without_vat"], in: "\"pricing\"", diagnostics: &diagnostics)
                if let percent = pricingObject.decimal("percent_off", scale: 2, diagnostics: &diagnostics) {
                    if percent < 0 || percent >= 100_00 {
                        diagnostics.error(
                            "\"percent_off\" must be at least 0 and below 100",
                            at: pricingObject.location(of: "percent_off"))
                    }
                    pricing.percentOffBasisPoints = percent
                }
                pricing.pricesWithoutVAT = pricingObject.bool("prices_without_vat", diagnostics: &diagnostics) ?? false
            }
            var featured: [[String]] = []
            for category in object.strings("featured_categories", diagnostics: &diagnostics) {
                let path = ProductsLoader.categoryPath(category.text)
                if !context.categories.contains(path), !context.categoriesUnknown {
                    let known = context.categories.map { $0.joined(separator: " > ") }
                    diagnostics.error(
                        "unknown category \"\(category.text)\"\(Spelling.didYouMean(category.text, among: known))",
                        at: category.location)
                }
                featured.append(path)
            }
            let banner = object.localized(
                "banner", locales: context.locales, defaultLocale: context.defaultLocale, diagnostics: &diagnostics)
            let coupon = object.string("coupon", diagnostics: &diagnostics)
            if let coupon, !context.couponIDs.contains(coupon), !context.rejectedCoupons.contains(coupon) {
                diagnostics.error(
                    "unknown coupon \"\(coupon)\"\(Spelling.didYouMean(coupon, among: context.couponIDs))",
                    at: object.location(of: "coupon"))
            }
            guard diagnostics.errorCount == errorsBefore, let id else {
                rejected.insert(id: id)
                continue
            }
            segments.append(
                SegmentDefinition(
                    id: id, name: name, rule: rule, locale: locale, pricing: pricing, featuredCategories: featured,
                    banner: banner, coupon: coupon, location: object.location))
        }
        if objects.isEmpty, diagnostics.errorCount == 0 {
            diagnostics.error(
                "at least one segment is needed (the last one, without a rule, is everyone else)",
                at: source.location(atOffset: 0))
        }
        return (segments, rejected)
    }
}
