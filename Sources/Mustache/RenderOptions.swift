/// How a render treats the unexpected.
public struct RenderOptions: Sendable {
    /// Strict mode (theme checking): a name that resolves to nothing (variable, section, inverted section,
    /// dynamic partial name) or an unknown partial is an error at the tag. Lenient (the spec): it renders
    /// nothing. A key present with a null value is found in both modes.
    public var strict: Bool
    /// Partials and parents nested deeper than this stop the render with an error (a partial that
    /// includes itself unconditionally would otherwise never end).
    public var maxDepth: Int
    /// A render that grows past this many bytes stops with an error (runaway recursion through data).
    public var maxOutputBytes: Int

    public init(strict: Bool = false, maxDepth: Int = 200, maxOutputBytes: Int = 1 << 30) {
        self.strict = strict
        self.maxDepth = maxDepth
        self.maxOutputBytes = maxOutputBytes
    }

    public static let lenient = RenderOptions()
    public static let strict = RenderOptions(strict: true)
}
