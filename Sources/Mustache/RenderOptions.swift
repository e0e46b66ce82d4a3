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
    /// Sections, partials, parents and blocks nested deeper than this stop the render with an error: rendering
    /// recurses once per level, and the stack is finite (a template nests at most 512 levels on its own).
    public var maxNesting: Int
    /// A render that enters more section bodies, partials, parents and blocks than this stops with an error: a
    /// tree of partials that fans out (each including the next ten times) renders nothing and never ends.
    public var maxSteps: Int
    /// Whether `{{name}}` escapes HTML (the spec). Off for templates of plain text (an e-mail's text part), where
    /// `&amp;` would be shown as is: there `{{name}}` and `{{{name}}}` insert the same text.
    public var escapesHTML: Bool

    public init(
        strict: Bool = false, maxDepth: Int = 200, maxOutputBytes: Int = 1 << 30, maxNesting: Int = 1024,
        maxSteps: Int = 1 << 24, escapesHTML: Bool = true
    ) {
        self.escapesHTML = escapesHTML
        self.strict = strict
        self.maxDepth = maxDepth
        self.maxOutputBytes = maxOutputBytes
        self.maxNesting = maxNesting
        self.maxSteps = maxSteps
    }

    public static let lenient = RenderOptions()
    public static let strict = RenderOptions(strict: true)
    /// Lenient, for plain text: nothing is HTML-escaped.
    public static let plainText = RenderOptions(escapesHTML: false)
}
