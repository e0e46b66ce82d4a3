/// A Swift model that turns itself into a template value, e.g. a product view model:
/// `var mustacheValue: MustacheValue { ["name": .string(name), "price": .string(price.formatted)] }`.
public protocol MustacheRepresentable {
    var mustacheValue: MustacheValue { get }
}

extension MustacheValue: MustacheRepresentable {
    public var mustacheValue: MustacheValue { self }
}

extension String: MustacheRepresentable {
    public var mustacheValue: MustacheValue { .string(self) }
}

extension Substring: MustacheRepresentable {
    public var mustacheValue: MustacheValue { .string(String(self)) }
}

extension Int: MustacheRepresentable {
    public var mustacheValue: MustacheValue { .int(self) }
}

extension Double: MustacheRepresentable {
    public var mustacheValue: MustacheValue { .double(self) }
}

extension Bool: MustacheRepresentable {
    public var mustacheValue: MustacheValue { .bool(self) }
}

/// Swift `nil` is the spec's null: falsey, renders nothing.
extension Optional: MustacheRepresentable where Wrapped: MustacheRepresentable {
    public var mustacheValue: MustacheValue { self?.mustacheValue ?? .null }
}

extension Array: MustacheRepresentable where Element: MustacheRepresentable {
    public var mustacheValue: MustacheValue { .list(map(\.mustacheValue)) }
}

extension Dictionary: MustacheRepresentable where Key == String, Value: MustacheRepresentable {
    public var mustacheValue: MustacheValue { .map(MustacheMap(mapValues(\.mustacheValue))) }
}

extension MustacheMap: MustacheRepresentable {
    public var mustacheValue: MustacheValue { .map(self) }
}

extension MustacheValue {
    /// Any representable model, e.g. `MustacheValue(products)`.
    public init(_ value: some MustacheRepresentable) {
        self = value.mustacheValue
    }
}
