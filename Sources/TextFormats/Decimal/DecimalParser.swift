/// Exact decimal numbers from text into scaled integers, never through Double: `12.90` at scale 2 is 1290.
///
/// Grammar: `[-+]? digits? ("." digits?)?` with at least one digit and at most `scale` fractional digits.
/// Thousands separators and exponents are rejected with a reason (a spreadsheet's `3.65275E+11` is not a price).
public enum DecimalParser {
    public enum Failure: Error, Hashable, Sendable, CustomStringConvertible {
        case empty
        /// A byte that does not belong in a decimal number, at this offset into the text.
        case unexpectedCharacter(offset: Int)
        case exponentNotation
        case tooManyDecimals(allowed: Int)
        case tooLarge

        public var description: String {
            switch self {
            case .empty: "empty number"
            case .unexpectedCharacter: "not a decimal number"
            case .exponentNotation: "number in exponent notation (was it mangled by a spreadsheet?)"
            case .tooManyDecimals(let allowed): "more than \(allowed) decimal places"
            case .tooLarge: "number too large"
            }
        }
    }

    /// Parses `bytes` into an integer count of 10^-scale units.
    public static func parse(_ bytes: ArraySlice<UInt8>, scale: Int) -> Result<Int64, Failure> {
        guard !bytes.isEmpty else { return .failure(.empty) }
        var index = bytes.startIndex
        var negative = false
        if bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        var value: Int64 = 0
        var digits = 0
        var fractionDigits = 0
        var inFraction = false
        while index < bytes.endIndex {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if inFraction {
                    fractionDigits += 1
                    if fractionDigits > scale {
                        let exponent = bytes[index...].contains { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
                        return .failure(exponent ? .exponentNotation : .tooManyDecimals(allowed: scale))
                    }
                }
                let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times.addingReportingOverflow(Int64(byte &- UInt8(ascii: "0")))
                if overflow1 || overflow2 { return .failure(.tooLarge) }
                value = sum
                digits += 1
            case UInt8(ascii: "."):
                if inFraction { return .failure(.unexpectedCharacter(offset: index - bytes.startIndex)) }
                inFraction = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                return .failure(digits > 0 ? .exponentNotation : .unexpectedCharacter(offset: index - bytes.startIndex))
            default:
                return .failure(.unexpectedCharacter(offset: index - bytes.startIndex))
            }
            index += 1
        }
        guard digits > 0 else { return .failure(.unexpectedCharacter(offset: 0)) }
        for _ in fractionDigits..<scale {
            let (times, overflow) = value.multipliedReportingOverflow(by: 10)
            if overflow { return .failure(.tooLarge) }
            value = times
        }
        return .success(negative ? -value : value)
    }

    public static func parse(_ text: String, scale: Int) -> Result<Int64, Failure> {
        parse(ArraySlice(text.utf8), scale: scale)
    }

    /// A plain non-negative or negative integer (`42`, `-3`), no decimals.
    public static func parseInteger(_ bytes: ArraySlice<UInt8>) -> Result<Int64, Failure> {
        parse(bytes, scale: 0)
    }
}
