import Foundation

/// A Code 128 reader for the tests, written apart from the encoder: it reads the SVG's bars back into modules,
/// checks the quiet zones, splits the modules into 11-module symbols, checks the start, the modulo-103 check symbol
/// and the 13-module stop, and follows the code-set switches back to the text.
public struct Code128Decoder {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        public init(_ description: String) { self.description = description }
    }

    /// The decoded picture.
    public struct Reading: Equatable {
        public let text: String
        public let symbols: [Int]
        public let quietZones: (left: Int, right: Int)

        public static func == (lhs: Reading, rhs: Reading) -> Bool {
            lhs.text == rhs.text && lhs.symbols == rhs.symbols && lhs.quietZones == rhs.quietZones
        }
    }

    /// Symbol values 0–105 as modules (1 a dark module), from the ISO/IEC 15417 table, set down as modules here so
    /// that the tests do not share the encoder's widths table.
    static let modules: [String] = [
        "11011001100", "11001101100", "11001100110", "10010011000", "10010001100", "10001001100", "10011001000",
        "10011000100", "10001100100", "11001001000", "11001000100", "11000100100", "10110011100", "10011011100",
        "10011001110", "10111001100", "10011101100", "10011100110", "11001110010", "11001011100", "11001001110",
        "11011100100", "11001110100", "11101101110", "11101001100", "11100101100", "11100100110", "11101100100",
        "11100110100", "11100110010", "11011011000", "11011000110", "11000110110", "10100011000", "10001011000",
        "10001000110", "10110001000", "10001101000", "10001100010", "11010001000", "11000101000", "11000100010",
        "10110111000", "10110001110", "10001101110", "10111011000", "10111000110", "10001110110", "11101110110",
        "11010001110", "11000101110", "11011101000", "11011100010", "11011101110", "11101011000", "11101000110",
        "11100010110", "11101101000", "11101100010", "11100011010", "11101111010", "11001000010", "11110001010",
        "10100110000", "10100001100", "10010110000", "10010000110", "10000101100", "10000100110", "10110010000",
        "10110000100", "10011010000", "10011000010", "10000110100", "10000110010", "11000010010", "11001010000",
        "11110111010", "11000010100", "10001111010", "10100111100", "10010111100", "10010011110", "10111100100",
        "10011110100", "10011110010", "11110100100", "11110010100", "11110010010", "11011011110", "11011110110",
        "11110110110", "10101111000", "10100011110", "10001011110", "10111101000", "10111100010", "11110101000",
        "11110100010", "10111011110", "10111101110", "11101011110", "11110101110", "11010000100", "11010010000",
        "11010011100",
    ]
    static let stopModules = "1100011101011"

    /// Reads an SVG made of one background `<rect>` and one `<path>` of `M x 0 h w v h h -w z` rectangles.
    public static func decode(svg: String) throws -> Reading {
        guard let viewBox = attribute("viewBox", in: svg) else { throw Failure("no viewBox") }
        let box = viewBox.split(separator: " ").compactMap { Int($0) }
        guard box.count == 4, box[0] == 0, box[1] == 0 else { throw Failure("viewBox \(viewBox)") }
        let width = box[2]
        guard let path = attribute(" d", in: svg) else { throw Failure("no path") }
        var dark = [Bool](repeating: false, count: width)
        var barHeight: Int?
        for rectangle in path.split(separator: "z") {
            // "M12 0h2v60h-2"
            let numbers = rectangle.split(whereSeparator: { "Mhv ".contains($0) }).map { Int($0) }
            guard numbers.count == 5, let x = numbers[0], numbers[1] == 0, let w = numbers[2], let h = numbers[3],
                numbers[4] == -w, w > 0
            else { throw Failure("unexpected path segment \(rectangle)") }
            if let barHeight, barHeight != h { throw Failure("bars of different heights") }
            barHeight = h
            guard x >= 0, x + w <= width else { throw Failure("a bar outside the viewBox") }
            for module in x..<(x + w) {
                if dark[module] { throw Failure("overlapping bars") }
                dark[module] = true
            }
        }
        guard let first = dark.firstIndex(of: true), let last = dark.lastIndex(of: true) else {
            throw Failure("no bars")
        }
        let quietZones = (left: first, right: width - 1 - last)
        let bits = String(dark[first...last].map { $0 ? "1" : "0" })
        let (text, symbols) = try decode(modules: bits)
        return Reading(text: text, symbols: symbols, quietZones: quietZones)
    }

    /// Decodes the modules from the start's first bar to the stop's last bar.
    public static func decode(modules bits: String) throws -> (text: String, symbols: [Int]) {
        let bits = Array(bits.utf8)
        guard bits.count >= 11 * 3 + 13, (bits.count - 13) % 11 == 0 else {
            throw Failure("\(bits.count) modules is not 11 per symbol and 13 for the stop")
        }
        guard String(decoding: bits.suffix(13), as: UTF8.self) == stopModules else { throw Failure("no stop pattern") }
        var symbols: [Int] = []
        for start in stride(from: 0, to: bits.count - 13, by: 11) {
            let chunk = String(decoding: bits[start..<(start + 11)], as: UTF8.self)
            guard let value = modules.firstIndex(of: chunk) else { throw Failure("unknown symbol \(chunk)") }
            symbols.append(value)
        }
        let check = symbols.removeLast()
        var sum = symbols[0]
        for position in 1..<symbols.count { sum += position * symbols[position] }
        guard sum % 103 == check else { throw Failure("check symbol \(check), expected \(sum % 103)") }

        var text = ""
        var set: Character
        switch symbols[0] {
        case 104: set = "B"
        case 105: set = "C"
        default: throw Failure("start symbol \(symbols[0]) is not start B or start C")
        }
        for value in symbols.dropFirst() {
            switch (set, value) {
            case ("B", 0...95): text.unicodeScalars.append(Unicode.Scalar(UInt8(value + 32)))
            case ("B", 99): set = "C"
            case ("C", 0...99): text += value < 10 ? "0\(value)" : "\(value)"
            case ("C", 100): set = "B"
            default: throw Failure("symbol \(value) in code set \(set)")
            }
        }
        return (text, symbols + [check, 106])
    }

    private static func attribute(_ name: String, in svg: String) -> String? {
        guard let range = svg.range(of: "\(name)=\"") else { return nil }
        guard let end = svg[range.upperBound...].firstIndex(of: "\"") else { return nil }
        return String(svg[range.upperBound..<end])
    }
}
