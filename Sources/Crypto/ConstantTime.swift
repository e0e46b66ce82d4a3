/// Comparisons whose running time does not depend on where two secrets differ.
public enum ConstantTime {
    /// True when `a` and `b` hold the same bytes. Every byte is visited whatever the contents, so the time taken
    /// reveals only the lengths (which are public: a MAC or token has a fixed size).
    public static func equals<A: Collection<UInt8>, B: Collection<UInt8>>(_ a: A, _ b: B) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for (x, y) in zip(a, b) { difference |= x ^ y }
        return isZero(difference)
    }

    /// Kept out of line so the optimizer cannot turn the accumulation above into an early exit.
    @inline(never)
    private static func isZero(_ value: UInt8) -> Bool { value == 0 }
}
