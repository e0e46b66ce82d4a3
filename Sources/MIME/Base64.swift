/// Base64 (RFC 4648 §4) for the B encoding of encoded words (RFC 2047 §4.1).
enum Base64 {
    static let alphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func append(_ input: ArraySlice<UInt8>, into output: inout [UInt8]) {
        var index = input.startIndex
        while index + 3 <= input.endIndex {
            let value = UInt32(input[index]) << 16 | UInt32(input[index + 1]) << 8 | UInt32(input[index + 2])
            output.append(alphabet[Int(value >> 18)])
            output.append(alphabet[Int(value >> 12 & 0x3F)])
            output.append(alphabet[Int(value >> 6 & 0x3F)])
            output.append(alphabet[Int(value & 0x3F)])
            index += 3
        }
        let rest = input.endIndex - index
        guard rest > 0 else { return }
        let value = UInt32(input[index]) << 16 | (rest == 2 ? UInt32(input[index + 1]) << 8 : 0)
        output.append(alphabet[Int(value >> 18)])
        output.append(alphabet[Int(value >> 12 & 0x3F)])
        output.append(rest == 2 ? alphabet[Int(value >> 6 & 0x3F)] : UInt8(ascii: "="))
        output.append(UInt8(ascii: "="))
    }

    /// The bytes of padded base64 text; nil when it is not base64.
    static func decode(_ text: ArraySlice<UInt8>) -> [UInt8]? {
        guard text.count % 4 == 0 else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(text.count / 4 * 3)
        var index = text.startIndex
        while index < text.endIndex {
            var value: UInt32 = 0
            var padding = 0
            for at in index..<(index + 4) {
                let byte = text[at]
                let digit: UInt32
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): digit = UInt32(byte - UInt8(ascii: "A"))
                case UInt8(ascii: "a")...UInt8(ascii: "z"): digit = UInt32(byte - UInt8(ascii: "a")) + 26
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0")) + 52
                case UInt8(ascii: "+"): digit = 62
                case UInt8(ascii: "/"): digit = 63
                case UInt8(ascii: "="):
                    // Padding only in the last quantum, only in its last two places.
                    guard index + 4 == text.endIndex, at >= index + 2 else { return nil }
                    digit = 0
                    padding += 1
                default: return nil
                }
                if padding > 0 && byte != UInt8(ascii: "=") { return nil }
                value = value << 6 | digit
            }
            output.append(UInt8(value >> 16))
            if padding < 2 { output.append(UInt8(value >> 8 & 0xFF)) }
            if padding < 1 { output.append(UInt8(value & 0xFF)) }
            index += 4
        }
        return output
    }
}
