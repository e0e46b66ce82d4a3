/// A parsed rule before type checking: what the user wrote, with the byte offset of each node (its first token,
/// or its operator for binary nodes) so that every type error points at the right place.
struct RuleSyntax: Sendable, Hashable {
    indirect enum Kind: Sendable, Hashable {
        case field(String)
        /// `affinity["Tea"]`: a field indexed by a string key.
        case index(RuleSyntax, key: String)
        case number(Double)
        case string(String)
        case boolean(Bool)
        /// Days since 1970.
        case date(Int32)
        /// `180 days ago`: a date relative to the metrics' as-of day.
        case daysAgo(Int32)
        case list([RuleSyntax])
        case not(RuleSyntax)
        case and(RuleSyntax, RuleSyntax)
        case or(RuleSyntax, RuleSyntax)
        case compare(ComparisonOperator, RuleSyntax, RuleSyntax)
        /// `x in list`, or `x not in list` when `negated`.
        case membership(RuleSyntax, RuleSyntax, negated: Bool)
    }

    var kind: Kind
    /// Byte offset in the rule text.
    var offset: Int
    /// Levels of nodes from this one down to its deepest leaf (1 for a leaf). The parser refuses trees taller than
    /// `RuleParser.maximumDepth`: the checker, the binding and even the release of a tree recurse once a level.
    private(set) var height: Int

    init(_ kind: Kind, at offset: Int) {
        self.kind = kind
        self.offset = offset
        self.height =
            switch kind {
            case .field, .number, .string, .boolean, .date, .daysAgo: 1
            case .index(let base, _), .not(let base): base.height + 1
            case .list(let elements): (elements.map(\.height).max() ?? 0) + 1
            case .and(let lhs, let rhs), .or(let lhs, let rhs), .compare(_, let lhs, let rhs),
                .membership(let lhs, let rhs, _):
                max(lhs.height, rhs.height) + 1
            }
    }
}

/// The six comparisons.
public enum ComparisonOperator: String, Sendable, Hashable {
    case less = "<"
    case lessEqual = "<="
    case greater = ">"
    case greaterEqual = ">="
    case equal = "=="
    case notEqual = "!="

    var isOrdering: Bool { self != .equal && self != .notEqual }

    @inline(__always)
    func holds(_ lhs: Double, _ rhs: Double) -> Bool {
        switch self {
        case .less: lhs < rhs
        case .lessEqual: lhs <= rhs
        case .greater: lhs > rhs
        case .greaterEqual: lhs >= rhs
        case .equal: lhs == rhs
        case .notEqual: lhs != rhs
        }
    }
}
