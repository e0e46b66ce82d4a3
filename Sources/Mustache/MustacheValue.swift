/// A value a template renders: a closed set of cases, so the render loop switches instead of casting.
///
/// Truthiness (what `{{#x}}` tests): `null`, `false`, the empty list and the empty string are falsey;
/// every number (0 included: "0 in stock" is something to show), map and lambda is truthy.
public enum MustacheValue: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case list([MustacheValue])
    case map(MustacheMap)
    case lambda(MustacheLambda)

    /// Whether a section renders its content (inverted sections: the opposite).
    @inlinable
    public var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let value): value
        case .list(let items): !items.isEmpty
        case .string(let text): !text.isEmpty
        case .int, .double, .map, .lambda: true
        }
    }

    /// The value of `key` when this is a map.
    @inlinable
    public subscript(key: String) -> MustacheValue? {
        if case .map(let map) = self { return map[key] }
        return nil
    }

    /// The render path's name lookup: the value of a compiled key when this is a map.
    @inline(__always)
    func member(_ key: MapKey) -> MustacheValue? {
        if case .map(let map) = self { return map.value(for: key) }
        return nil
    }

    /// The text an interpolation of this value produces, before escaping (for tests and lambdas).
    public var text: String {
        var bytes: [UInt8] = []
        appendText(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the unescaped text form: numbers as the spec prints them (`85`, `1.21`), lists joined by `,`.
    func appendText(to out: inout [UInt8]) {
        switch self {
        case .null, .map, .lambda: break
        case .bool(let value): out.append(contentsOf: value ? Self.trueBytes : Self.falseBytes)
        case .int(let value): Self.appendDecimal(value, to: &out)
        case .double(let value): Self.appendDouble(value, to: &out)
        case .string(let text): out.append(contentsOf: text.utf8)
        case .list(let items):
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                item.appendText(to: &out)
            }
        }
    }

    private static let trueBytes = Array("true".utf8)
    private static let falseBytes = Array("false".utf8)

    /// Integers in decimal, written straight into the buffer (no String in between).
    static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        if value == Int.min {
            out.append(contentsOf: String(value).utf8)
            return
        }
        var magnitude = value < 0 ? -value : value
        if value < 0 { out.append(UInt8(ascii: "-")) }
        if magnitude < 10 {
            out.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude))
            return
        }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: enough for 19 digits
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            while magnitude > 0 {
                buffer[23 - count] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
                count += 1
            }
            out.append(contentsOf: buffer[(24 - count)...])
        }
    }

    /// Shortest round-trip form; integral values print without `.0`, as the spec's `1.21` and `85` cases expect.
    static func appendDouble(_ value: Double, to out: inout [UInt8]) {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            appendDecimal(Int(value), to: &out)
        } else {
            out.append(contentsOf: value.description.utf8)
        }
    }
}

extension MustacheValue: Equatable {
    /// Structural equality; lambdas are never equal (closures have no identity to compare).
    public static func == (lhs: MustacheValue, rhs: MustacheValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.int(let a), .int(let b)): a == b
        case (.double(let a), .double(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.list(let a), .list(let b)): a == b
        case (.map(let a), .map(let b)): a == b
        default: false
        }
    }
}

extension MustacheValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: MustacheValue...) { self = .list(elements) }
    public init(nilLiteral: ()) { self = .null }
    public init(dictionaryLiteral elements: (String, MustacheValue)...) {
        self = .map(MustacheMap(elements))
    }
}
