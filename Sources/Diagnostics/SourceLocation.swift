/// A position in a source file, as a user sees it: 1-based line, and 1-based column counted in UTF-8 bytes.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// The path as the user named it (relative paths stay relative, so messages match what they typed).
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`
    public var description: String { "\(file):\(line):\(column)" }
}
