/// One command of the CLI: its declaration and what it does with the parsed arguments.
public struct Command: Sendable {
    public var spec: CommandSpec
    /// A `UsageError` thrown here is printed like a parsing error: with the usage hint, exit 2.
    public var run: @Sendable (ParsedArguments, Console) throws(UsageError) -> ExitCode

    public init(spec: CommandSpec, run: @escaping @Sendable (ParsedArguments, Console) throws(UsageError) -> ExitCode) {
        self.spec = spec
        self.run = run
    }
}

/// Options shared by every command that reads a store (SPEC §7).
enum CommonOptions {
    static let store = CommandSpec.Option.value("store", "DIR", "The store folder (default: Catalog).")
    static let output = CommandSpec.Option.value("output", "DIR", "Where generated files go.", default: "Output")
    static let json = CommandSpec.Option.flag("json", "Print the summary as JSON.")
    static let quiet = CommandSpec.Option.flag("quiet", "Print nothing but problems.")

    /// `vitrine check Catalog` and `vitrine check --store Catalog` are the same; two different stores are an error.
    static func storeDirectory(_ arguments: ParsedArguments) throws(UsageError) -> String {
        let positional = arguments.positionals.first
        let option = arguments.value("store")
        if let positional, let option, positional != option {
            throw UsageError(message: "two stores given: '\(positional)' and --store '\(option)'; give one")
        }
        return positional ?? option ?? "Catalog"
    }
}

extension CommonOptions {
    /// A command's summary on stdout: `json` with `--json`, nothing with `--quiet`, else `text`.
    static func printSummary(
        _ arguments: ParsedArguments, _ console: Console, json: () -> String, text: () -> String
    ) {
        if arguments.flag("json") {
            console.out(json())
        } else if !arguments.flag("quiet") {
            console.out(text())
        }
    }
}
