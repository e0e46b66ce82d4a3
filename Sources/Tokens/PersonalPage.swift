/// A page only its customer should find: each kind derives its token under its own label, so one token says
/// nothing about another (sharing a gift view reveals neither the wish list nor a coupon).
public enum PersonalPage: Sendable, Hashable {
    /// `w/<token>/`: the customer's wish list.
    case wishlist(customer: String)
    /// The gift view of the wish list, under a token of its own.
    case gift(customer: String)
    /// `k/<token>/`: one unique coupon the customer holds.
    case coupon(coupon: String, customer: String)

    /// The derivation label; changing one changes every token of that kind.
    var purpose: String {
        switch self {
        case .wishlist: "wishlist"
        case .gift: "gift"
        case .coupon: "coupon"
        }
    }

    var fields: [String] {
        switch self {
        case .wishlist(let customer), .gift(let customer): [customer]
        case .coupon(let coupon, let customer): [coupon, customer]
        }
    }
}
