import Diagnostics
import TextFormats

/// `coupons.json`.
enum CouponsLoader {
    static let keys = ["id", "kind", "code", "code_prefix", "discount", "minimum_spend", "valid_from", "valid_until"]

    static func load(_ source: SourceText, diagnostics: inout DiagnosticEngine) -> (
        coupons: [Coupon], rejected: Rejected
    ) {
        var rejected = Rejected()
        var coupons: [Coupon] = []
        var ids = FirstDefinitions(source: source)
        var codes = FirstDefinitions(source: source)
        for object in JSONArrayFile.objects(in: source, what: "coupon", diagnostics: &diagnostics) {
            object.warnAboutUnknownKeys(known: keys, in: "a coupon", diagnostics: &diagnostics)
            let errorsBefore = diagnostics.errorCount
            let id = ids.identifier(of: object, what: "coupon id", diagnostics: &diagnostics)
            let kindText = object.string("kind", required: true, diagnostics: &diagnostics)
            let kind = kindText.flatMap(Coupon.Kind.init(rawValue:))
            if let kindText, kind == nil {
                diagnostics.error(
                    "invalid kind \"\(kindText)\": expected segment or unique", at: object.location(of: "kind"))
            }
            let code = object.string("code", diagnostics: &diagnostics)
            let prefix = object.string("code_prefix", diagnostics: &diagnostics)
            if kind == .segment, code == nil {
                diagnostics.error("a segment coupon needs a \"code\"", at: object.location)
            }
            if kind == .unique, prefix == nil {
                diagnostics.error(
                    "a unique coupon needs a \"code_prefix\" (codes are derived per customer)", at: object.location)
            }
            if kind == .unique, code != nil {
                diagnostics.error("a unique coupon has no shared \"code\"", at: object.location(of: "code"))
            }
            for (key, value) in [("code", code), ("code_prefix", prefix)] {
                guard let value else { continue }
                if value.isEmpty
                    || !value.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || $0 == 45 })
                {
                    diagnostics.error(
                        "\"\(key)\" may contain only capital letters, digits and '-'", at: object.location(of: key))
                }
            }
            if let code {
                codes.record(
                    code, what: "coupon code", at: object.offset(of: "code"), note: "first used here",
                    diagnostics: &diagnostics)
            }
            var discount: Coupon.Discount?
            if let discountObject = object.object("discount", diagnostics: &diagnostics) {
                discountObject.warnAboutUnknownKeys(
                    known: ["percent", "amount"], in: "\"discount\"", diagnostics: &diagnostics)
                let percent = discountObject.decimal("percent", scale: 2, diagnostics: &diagnostics)
                let amount = discountObject.decimal("amount", scale: 2, diagnostics: &diagnostics)
                switch (percent, amount) {
                case (let percent?, nil):
                    if percent <= 0 || percent > 100_00 {
                        diagnostics.error(
                            "\"percent\" must be above 0 and at most 100", at: discountObject.location(of: "percent"))
                    }
                    discount = .percent(percent)
                case (nil, let amount?):
                    if amount <= 0 {
                        diagnostics.error("\"amount\" must be above 0", at: discountObject.location(of: "amount"))
                    }
                    discount = .amount(Money(minorUnits: amount))
                case (nil, nil):
                    if discountObject["percent"] == nil, discountObject["amount"] == nil {
                        diagnostics.error("\"discount\" needs \"percent\" or \"amount\"", at: discountObject.location)
                    }
                case (_?, _?):
                    diagnostics.error(
                        "\"discount\" has both \"percent\" and \"amount\"; keep one", at: discountObject.location)
                }
            } else if object["discount"] == nil {
                diagnostics.error("missing required key \"discount\"", at: object.location)
            }
            let minimum = object.decimal("minimum_spend", scale: 2, diagnostics: &diagnostics)
            if let minimum, minimum < 0 {
                diagnostics.error("\"minimum_spend\" must not be negative", at: object.location(of: "minimum_spend"))
            }
            let validFrom = object.date("valid_from", diagnostics: &diagnostics)
            let validUntil = object.date("valid_until", diagnostics: &diagnostics)
            if let validFrom, let validUntil, validUntil < validFrom {
                diagnostics.error("\"valid_until\" is before \"valid_from\"", at: object.location(of: "valid_until"))
            }
            guard diagnostics.errorCount == errorsBefore, let id, let kind, let discount else {
                rejected.insert(id: id)
                continue
            }
            coupons.append(
                Coupon(
                    id: id, kind: kind, code: code, codePrefix: prefix, discount: discount,
                    minimumSpend: minimum.map(Money.init(minorUnits:)), validFrom: validFrom, validUntil: validUntil,
                    location: object.location))
        }
        return (coupons, rejected)
    }
}
