import Parallelism
import Store
import Tokens

extension PersonalPlan {
    /// The URL token of each personal item and the code of each unique coupon page: one HMAC or two per item, for
    /// every holder of a unique coupon, so derived on every core in slices of the item list (each slice owns its
    /// results), then gathered in item order. With `inputs.onlyRecipients`, only those customers' tokens and no
    /// codes. Nothing without the store's secret.
    static func derive(
        _ items: [Item], store: LoadedStore, inputs: PersonalInputs
    ) -> (tokens: [Item: String], codes: [Item: String]) {
        guard let derive = inputs.tokens else { return ([:], [:]) }
        var wanted: [Bool]?
        if let recipients = inputs.onlyRecipients {
            var flags = [Bool](repeating: false, count: store.customers.count)
            for customer in recipients where customer >= 0 && Int(customer) < flags.count {
                flags[Int(customer)] = true
            }
            wanted = flags
        }
        let derivesCodes = inputs.onlyRecipients == nil
        func isWanted(_ customer: Int32) -> Bool { wanted?[Int(customer)] ?? true }

        let slices = items.isEmpty ? 0 : min(items.count, Parallel.cores * 4)
        let derived = Parallel.map(slices) { slice in
            var results: [(token: String?, code: String?)] = []
            let range = items.count * slice / slices..<items.count * (slice + 1) / slices
            results.reserveCapacity(range.count)
            for item in items[range] {
                switch item {
                case .wishlist(let customer) where isWanted(customer):
                    results.append((derive.token(for: .wishlist(customer: store.customers[Int(customer)].id)), nil))
                case .gift(let customer) where isWanted(customer):
                    results.append((derive.token(for: .gift(customer: store.customers[Int(customer)].id)), nil))
                case .coupon(let coupon, let customer) where isWanted(customer):
                    let couponID = store.coupons[Int(coupon)].id
                    let customerID = store.customers[Int(customer)].id
                    let token = derive.token(for: .coupon(coupon: couponID, customer: customerID))
                    let code =
                        derivesCodes
                        ? derive.couponCode(
                            prefix: store.coupons[Int(coupon)].codePrefix ?? "", coupon: couponID, customer: customerID)
                        : nil
                    results.append((token, code))
                case .wishlist, .gift, .coupon, .segmentCoupon: results.append((nil, nil))
                }
            }
            return results
        }
        var tokens: [Item: String] = [:]
        var codes: [Item: String] = [:]
        tokens.reserveCapacity(items.count)
        if derivesCodes { codes.reserveCapacity(items.count) }
        var position = 0
        for results in derived {
            for (token, code) in results {
                let item = items[position]
                if let token { tokens[item] = token }
                if let code { codes[item] = code }
                position += 1
            }
        }
        return (tokens, codes)
    }
}
