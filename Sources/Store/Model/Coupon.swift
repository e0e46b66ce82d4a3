import Diagnostics
import TextFormats

/// One entry of `coupons.json`.
public struct Coupon: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// One shared code for a whole segment.
        case segment
        /// A code per customer, derived from the secret so it cannot be guessed.
        case unique
    }

    public enum Discount: Sendable, Hashable {
        /// Basis points (10% = 1000).
        case percent(Int64)
        case amount(Money)
    }

    public var id: String
    public var kind: Kind
    public var code: String?
    public var codePrefix: String?
    public var discount: Discount
    public var minimumSpend: Money?
    public var validFrom: Timestamp?
    public var validUntil: Timestamp?
    public var location: SourceLocation?

    public init(
        id: String, kind: Kind, code: String? = nil, codePrefix: String? = nil, discount: Discount,
        minimumSpend: Money? = nil, validFrom: Timestamp? = nil, validUntil: Timestamp? = nil,
        location: SourceLocation? = nil
    ) {
        self.id = id
        self.kind = kind
        self.code = code
        self.codePrefix = codePrefix
        self.discount = discount
        self.minimumSpend = minimumSpend
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.location = location
    }
}
