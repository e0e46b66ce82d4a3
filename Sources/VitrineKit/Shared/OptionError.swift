import TextFormats

/// A command-line value a workflow cannot use (`--format xml`, `--as-of yesterday`): the CLI prints it with the
/// usage hint and exits 2.
public struct OptionError: Error, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

extension OptionError {
    /// A `YYYY-MM-DD` option's day (nil when the option is absent), or the error that names the option.
    static func day(_ text: String?, option: String) throws(OptionError) -> Timestamp? {
        guard let text else { return nil }
        switch ISO8601.parse(text) {
        case .success(let timestamp): return timestamp
        case .failure(let failure): throw OptionError("invalid --\(option) \"\(text)\": \(failure)")
        }
    }
}
