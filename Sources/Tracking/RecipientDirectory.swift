/// Turns recipient pseudonyms back into customer ids by computing every customer's pseudonym once.
///
/// 40-bit pseudonyms of 100,000 customers collide with probability about n²/2⁴¹ ≈ 0.5 %: a pseudonym two
/// customers share resolves to neither (the event still counts for its campaign and segment).
public struct RecipientDirectory: Sendable {
    /// Customer index per (key id, pseudonym); -1 when two customers share the pseudonym.
    private var indices: [UInt64: Int32]
    private let customerIDs: [String]

    /// The pseudonyms of `customerIDs` under every key of `keyring`.
    public init(customerIDs: [String], keyring: TrackingKeyring) {
        self.customerIDs = customerIDs
        var indices: [UInt64: Int32] = [:]
        let keyIDs = keyring.keyIDs
        indices.reserveCapacity(customerIDs.count * keyIDs.count)
        for keyID in keyIDs {
            let key = keyring.key(id: keyID)!
            for (index, id) in customerIDs.enumerated() {
                let slot = UInt64(keyID) << 40 | TrackingKeyring.recipient(id, key: key)
                if indices.updateValue(Int32(index), forKey: slot) != nil { indices[slot] = -1 }
            }
        }
        self.indices = indices
    }

    /// The customer id of a pseudonym from a token `keyID` signed; nil when unknown or shared.
    public func customerID(of pseudonym: UInt64, keyID: UInt8) -> String? {
        guard let index = indices[UInt64(keyID & 0x0F) << 40 | pseudonym & (TrackingToken.recipientLimit - 1)],
            index >= 0
        else { return nil }
        return customerIDs[Int(index)]
    }
}
