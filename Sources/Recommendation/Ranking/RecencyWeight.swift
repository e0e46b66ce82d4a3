#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// How much a purchase or signal counts by its age: popularity, group popularity, the picks, their reasons and the
/// hybrid features all weigh recency by this one rule.
public enum RecencyWeight {
    /// `0.5^(age / halfLifeDays)` for a `day` before `asOfDay`; 1 on or after it, and 1 without a half-life.
    public static func of(day: Int32, asOfDay: Int32, halfLifeDays: Double?) -> Double {
        guard let halfLifeDays else { return 1 }
        return exp2(-Double(max(0, asOfDay - day)) / halfLifeDays)
    }
}
