/// The store's signing secret: the bytes every token and coupon code is derived from. It never prints itself.
public struct SecretKey: Sendable, CustomStringConvertible {
    /// The fewest characters a secret may have: a key file holds 43 (32 random bytes in base64url).
    public static let minimumLength = 32

    let bytes: [UInt8]

    /// A secret given as text (an environment variable's value, a key file's first line); surrounding whitespace
    /// and line ends are not part of it. Nil when fewer than `minimumLength` bytes remain.
    public init?(text: String) {
        var bytes = Array(text.utf8)
        while let last = bytes.last, Self.isSpace(last) { bytes.removeLast() }
        let leading = bytes.prefix { Self.isSpace($0) }.count
        bytes.removeFirst(leading)
        guard bytes.count >= Self.minimumLength else { return nil }
        self.bytes = bytes
    }

    public var description: String { "SecretKey(\(bytes.count) bytes, redacted)" }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
            || byte == UInt8(ascii: "\r")
    }
}
