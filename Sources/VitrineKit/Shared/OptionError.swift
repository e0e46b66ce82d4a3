/// A command-line value a workflow cannot use (`--format xml`, `--as-of yesterday`): the CLI prints it with the
/// usage hint and exits 2.
public struct OptionError: Error, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
