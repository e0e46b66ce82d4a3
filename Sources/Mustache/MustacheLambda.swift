/// A Swift closure a template can call: `{{name}}` calls it with an empty string, `{{#name}}…{{/name}}` with
/// the section's raw, unrendered text. A returned string is itself rendered as a template in the current
/// context (with the section's delimiters, or the default ones for an interpolation), as the spec requires;
/// any other value is rendered as a value.
public struct MustacheLambda: Sendable {
    public let body: @Sendable (String) -> MustacheValue

    /// A section lambda: receives the raw section text.
    public init(_ body: @escaping @Sendable (String) -> MustacheValue) {
        self.body = body
    }

    /// An interpolation lambda: takes nothing.
    public init(_ body: @escaping @Sendable () -> MustacheValue) {
        self.body = { _ in body() }
    }
}
