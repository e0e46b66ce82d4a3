/// Why a text cannot be a Code 128 symbol. The text itself is not repeated: a coupon code is a secret of its holder.
public enum Code128Error: Error, Equatable, Sendable {
    /// Nothing to encode: a symbol with no data is not offered to a scanner.
    case empty
    /// The Unicode scalar at this offset (counted from 0) is outside code set B (ASCII 32–127) and is not a digit
    /// for code set C; control characters (code set A) and function characters are not offered.
    case unsupportedCharacter(offset: Int)
}
