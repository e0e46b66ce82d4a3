/// A display name and an address: `Ελένη Παππά <eleni@example.com>`.
public struct Mailbox: Sendable, Hashable {
    /// The phrase shown for the address; nil or empty writes the bare address. Checked when a header is written.
    public var displayName: String?
    public var address: MailAddress

    public init(displayName: String?, address: MailAddress) {
        self.displayName = displayName
        self.address = address
    }
}
