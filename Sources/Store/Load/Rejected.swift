/// What rows with errors would have defined: references to them are not reported a second time, so one mistake
/// gives one error instead of a cascade.
struct Rejected: Sendable {
    var ids: Set<String> = []
    var skus: Set<String> = []
    var categories: Set<[String]> = []
    /// The whole file was unusable (no header, required columns missing): every reference is unverifiable.
    var everything = false

    func contains(id: String) -> Bool { everything || ids.contains(id) }
    func contains(sku: String) -> Bool { everything || skus.contains(sku) }

    mutating func insert(id: String?, sku: String? = nil, category: [String] = []) {
        if let id { ids.insert(id) }
        if let sku { skus.insert(sku) }
        if !category.isEmpty { categories.insert(category) }
    }
}
