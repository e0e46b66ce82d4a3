import Store

/// Each product's top-level category as a small index (in order of first appearance), so ranking loops compare
/// integers instead of category names.
package struct TopCategories: Sendable {
    package let ofProduct: [Int32]
    package let count: Int

    package init(_ products: [Product]) {
        var indexOfName: [String: Int32] = [:]
        ofProduct = products.map { product in
            if let known = indexOfName[product.topCategory] { return known }
            let index = Int32(indexOfName.count)
            indexOfName[product.topCategory] = index
            return index
        }
        count = indexOfName.count
    }
}
