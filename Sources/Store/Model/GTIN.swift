/// Global Trade Item Numbers (GS1 General Specifications §7.9): GTIN-8, -12 (UPC), -13 (EAN) and -14, whose last
/// digit is a mod-10 check digit with weights 3 and 1 from the right.
public enum GTIN {
    public enum Problem: Hashable, Sendable, CustomStringConvertible {
        case notDigits
        case wrongLength(Int)
        case checkDigit(expected: Int)
        /// `3.65275E+11`: a spreadsheet turned the barcode into a rounded floating-point number.
        case spreadsheetNotation

        public var description: String {
            switch self {
            case .notDigits: "a GTIN has digits only"
            case .wrongLength(let count): "a GTIN has 8, 12, 13 or 14 digits, not \(count)"
            case .checkDigit(let expected): "wrong check digit (expected \(expected))"
            case .spreadsheetNotation:
                "GTIN in exponent notation: a spreadsheet rounded the barcode, its digits are lost; re-export the column as text"
            }
        }
    }

    public static func validate(_ text: String) -> Problem? {
        let bytes = Array(text.utf8)
        if bytes.contains(UInt8(ascii: "E")) || bytes.contains(UInt8(ascii: "e")),
            bytes.allSatisfy({ ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || "Ee.+-".utf8.contains($0) })
        {
            return .spreadsheetNotation
        }
        guard bytes.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return .notDigits }
        guard [8, 12, 13, 14].contains(bytes.count) else { return .wrongLength(bytes.count) }
        let expected = checkDigit(of: bytes.dropLast())
        return Int(bytes.last! - UInt8(ascii: "0")) == expected ? nil : .checkDigit(expected: expected)
    }

    /// The check digit that completes `digits` (ASCII `0`–`9`, the GTIN without its last digit).
    public static func checkDigit(of digits: some BidirectionalCollection<UInt8>) -> Int {
        var sum = 0
        for (position, byte) in digits.reversed().enumerated() {
            sum += Int(byte - UInt8(ascii: "0")) * (position % 2 == 0 ? 3 : 1)
        }
        return (10 - sum % 10) % 10
    }
}
