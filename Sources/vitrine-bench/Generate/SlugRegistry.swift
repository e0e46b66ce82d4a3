import Store

/// URL slugs for generated products: the store's own slug rule, made unique.
struct SlugRegistry {
    private var taken = Set<String>()

    /// A slug for `name` not given out before (`-2`, `-3`, … appended on a clash).
    mutating func slug(for name: String) -> String {
        let made = Slug.make(from: name)
        let base = made.isEmpty ? "product" : made
        var slug = base
        var number = 2
        while !taken.insert(slug).inserted {
            slug = "\(base)-\(number)"
            number += 1
        }
        return slug
    }
}

/// A GTIN-13 from its first twelve digits.
func gtin13(_ twelveDigits: String) -> String {
    twelveDigits + String(GTIN.checkDigit(of: Array(twelveDigits.utf8)))
}
