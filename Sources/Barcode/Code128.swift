/// A Code 128 symbol (ISO/IEC 15417) for a text in code sets B and C: the start, the data in the shortest mix of
/// the two sets, the modulo-103 check symbol and the stop. Render it with `svg(_:)`.
public struct Code128: Equatable, Sendable {
    /// The encoded text.
    public let text: String
    /// The symbol values from start to stop: the start (104 or 105), the data, the check symbol and the stop (106).
    public let symbols: [UInt8]

    /// Encodes `text`, choosing code sets B and C for the shortest symbol; throws for an empty text or a character
    /// outside ASCII 32–127.
    public init(_ text: String) throws(Code128Error) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            guard (32...127).contains(scalar.value) else { throw .unsupportedCharacter(offset: offset) }
            bytes.append(UInt8(scalar.value))
        }
        guard !bytes.isEmpty else { throw .empty }
        self.text = text
        var symbols = Self.dataSymbols(bytes)
        symbols.append(Self.checkSymbol(symbols))
        symbols.append(Self.stop)
        self.symbols = symbols
    }

    /// The check symbol (ISO/IEC 15417 §4.7.2): the start value plus each data value times its position, modulo 103.
    public var checkSymbol: UInt8 { symbols[symbols.count - 2] }

    /// The element widths in modules from the start's first bar to the stop's final bar: bar, space, bar, …, bar.
    public var elementWidths: [UInt8] {
        var widths: [UInt8] = []
        widths.reserveCapacity(symbols.count * 6 + 1)
        for symbol in symbols { widths.append(contentsOf: Self.patterns[Int(symbol)]) }
        return widths
    }

    /// The width of the symbol in modules, without quiet zones: 11 a symbol and 13 for the stop.
    public var moduleCount: Int { 11 * (symbols.count - 1) + 13 }

    static func checkSymbol(_ startAndData: [UInt8]) -> UInt8 {
        var sum = Int(startAndData[0])
        for position in 1..<startAndData.count { sum += position * Int(startAndData[position]) }
        return UInt8(sum % 103)
    }
}
