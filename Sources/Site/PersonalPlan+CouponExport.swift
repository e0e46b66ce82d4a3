import Store

/// The unique codes of each coupon, for a shop's bulk import, written under `OUTPUT/coupons/` (never the web root):
///
/// - `<id>.shopify.csv`: `Title,Command,Code`, one row a code, in the shape of the Shopify discounts import of
///   Matrixify (rows with the same Title become the codes of one discount, `MERGE` adds them to it); the discount's
///   value, minimum and dates are set once on the discount in Shopify's admin.
/// - `<id>.woocommerce.csv`: the field names of WooCommerce's coupon (`code`, `discount_type` percent or fixed_cart,
///   `amount`, `minimum_amount`, `date_expires`, `usage_limit`, `usage_limit_per_user`, `individual_use`), one row
///   a code, each usable once.
///
/// An expired coupon exports nothing (its files are removed on the next build); a coupon not yet valid exports its
/// codes, so the shop has them when it starts.
extension PersonalPlan {
    public struct Export: Sendable, Equatable {
        /// Below `OUTPUT/coupons/`.
        public var path: String
        public var bytes: [UInt8]
    }

    public static let shopifyFields = ["Title", "Command", "Code"]
    public static let wooCommerceFields = [
        "code", "discount_type", "amount", "minimum_amount", "date_expires", "usage_limit", "usage_limit_per_user",
        "individual_use",
    ]

    public func couponExports() -> [Export] {
        var codesOfCoupon: [Int32: [String]] = [:]
        for item in items {
            if case .coupon(let coupon, _) = item, let code = codes[item] {
                codesOfCoupon[coupon, default: []].append(code)
            }
        }
        var exports: [Export] = []
        for (index, coupon) in store.coupons.enumerated() {
            guard let codes = codesOfCoupon[Int32(index)], !codes.isEmpty, validity(coupon) != .expired else {
                continue
            }
            var shopify = Self.row(Self.shopifyFields)
            for code in codes { shopify += Self.row([coupon.id, "MERGE", code]) }
            let (type, amount) =
                switch coupon.discount {
                case .percent(let basisPoints): ("percent", Self.decimal(basisPoints))
                case .amount(let money): ("fixed_cart", Self.decimal(money.minorUnits))
                }
            var woo = Self.row(Self.wooCommerceFields)
            for code in codes {
                woo += Self.row([
                    code, type, amount, coupon.minimumSpend.map { Self.decimal($0.minorUnits) } ?? "",
                    coupon.validUntil?.isoDate ?? "", "1", "1", "yes",
                ])
            }
            exports.append(Export(path: coupon.id + ".shopify.csv", bytes: Array(shopify.utf8)))
            exports.append(Export(path: coupon.id + ".woocommerce.csv", bytes: Array(woo.utf8)))
        }
        return exports
    }

    /// `1250` hundredths as `12.50`, `1000` as `10` (no trailing zeros past the point).
    static func decimal(_ hundredths: Int64) -> String {
        let whole = hundredths / 100
        let fraction = hundredths % 100
        if fraction == 0 { return String(whole) }
        return fraction % 10 == 0 ? "\(whole).\(fraction / 10)" : "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// One RFC 4180 record: a field is quoted when it holds a comma, a quote or a line end (quotes doubled); a
    /// field a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) is prefixed with a quote mark.
    static func row(_ fields: [String]) -> String {
        var line = ""
        for (position, field) in fields.enumerated() {
            if position > 0 { line += "," }
            var value = field
            if let first = value.unicodeScalars.first, "=+-@".unicodeScalars.contains(first) { value = "'" + value }
            if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
                line += "\"" + value.replacingAll("\"", with: "\"\"") + "\""
            } else {
                line += value
            }
        }
        return line + "\r\n"
    }
}
