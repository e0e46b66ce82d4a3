import Store
import TextFormats

/// Everything one site build shows: the store, the per-segment ranking and the "also bought" neighbours made
/// by the recommendation stage, the build date (coupon validity) and the theme.
public struct SiteInputs: Sendable {
    public var store: LoadedStore
    /// Per segment (in `store.segments` order), product indexes best first.
    public var ranking: [[Int32]]
    /// Per product, its item-to-item neighbours best first.
    public var neighbours: [[Int32]]
    /// The build date: coupons are offered when valid on it.
    public var buildDate: Timestamp
    public var theme: SiteTheme
    /// Segment ids to build (nil: all). The site root goes with the fallback segment.
    public var onlySegments: Set<String>?

    public init(
        store: LoadedStore, ranking: [[Int32]], neighbours: [[Int32]], buildDate: Timestamp, theme: SiteTheme,
        onlySegments: Set<String>? = nil
    ) {
        self.store = store
        self.ranking = ranking
        self.neighbours = neighbours
        self.buildDate = buildDate
        self.theme = theme
        self.onlySegments = onlySegments
    }
}
