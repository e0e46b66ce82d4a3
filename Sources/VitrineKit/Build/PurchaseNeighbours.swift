import Recommendation
import Store

/// A store's purchase matrix and the two neighbour tables made from it, once per `build` or `mail`: the "also
/// bought" cosine of the catalog pages and the RP3β the picks come from, in one walk over the co-purchases (made
/// apart, they meant two matrices and two walks). It needs the store alone, so it can be made while the customers
/// are segmented.
struct PurchaseNeighbours: Sendable {
    let matrix: PurchaseMatrix
    /// "Also bought" (`RecommendationSettings.similarity`).
    let similarity: ItemSimilarity
    /// Behind the picks (`RecommendationSettings.pickSimilarity`).
    let pickSimilarity: ItemSimilarity

    init(_ store: LoadedStore, settings: RecommendationSettings = .init()) {
        matrix = PurchaseMatrix(
            customerCount: store.customers.count, productCount: store.products.count, orders: store.orders)
        if settings.similarity == settings.pickSimilarity {
            similarity = ItemSimilarity(matrix: matrix, configuration: settings.similarity)
            pickSimilarity = similarity
        } else {
            let tables = ItemSimilarity.tables(
                matrix: matrix, configurations: [settings.similarity, settings.pickSimilarity])
            similarity = tables[0]
            pickSimilarity = tables[1]
        }
    }
}
