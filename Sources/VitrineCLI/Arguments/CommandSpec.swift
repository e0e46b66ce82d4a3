/// What a command accepts, declared once: the parser reads it and `--help` is generated from it.
public struct CommandSpec: Sendable {
    public struct Option: Sendable {
        /// Without dashes: `store` for `--store`.
        public var name: String
        /// `DIR` for an option that takes a value; nil for a flag.
        public var valueName: String?
        public var help: String
        public var defaultValue: String?

        public static func flag(_ name: String, _ help: String) -> Option {
            Option(name: name, valueName: nil, help: help, defaultValue: nil)
        }

        public static func value(
            _ name: String, _ valueName: String, _ help: String, default defaultValue: String? = nil
        ) -> Option {
            Option(name: name, valueName: valueName, help: help, defaultValue: defaultValue)
        }
    }

    public struct Positional: Sendable {
        public var name: String
        public var help: String
        public var isOptional: Bool
        /// Takes every remaining argument (`FILE…`).
        public var isRepeated: Bool = false
    }

    /// `check`, or `template render` for a subcommand.
    public var name: String
    public var summary: String
    public var positionals: [Positional]
    public var options: [Option]

    public init(name: String, summary: String, positionals: [Positional] = [], options: [Option] = []) {
        self.name = name
        self.summary = summary
        self.positionals = positionals
        self.options = options + [.flag("help", "Show this help.")]
    }

    /// The generated `--help` text.
    public var help: String {
        var usage = "usage: vitrine \(name)"
        for option in options where option.name != "help" {
            usage += option.valueName.map { " [--\(option.name) \($0)]" } ?? " [--\(option.name)]"
        }
        for positional in positionals {
            let text = positional.name + (positional.isRepeated ? "…" : "")
            usage += positional.isOptional ? " [\(text)]" : " \(text)"
        }
        var out = "\(summary)\n\n\(usage)\n"
        let lefts = positionals.map(\.name) + options.map { "--\($0.name)" + ($0.valueName.map { " \($0)" } ?? "") }
        // One column for every help text: as wide as the longest name, with two spaces after it.
        let width = max(20, lefts.map(\.count).max() ?? 0) + 2
        if !positionals.isEmpty {
            out += "\narguments:\n"
            for positional in positionals { out += row(positional.name, positional.help, width) }
        }
        out += "\noptions:\n"
        for option in options {
            let left = "--\(option.name)" + (option.valueName.map { " \($0)" } ?? "")
            var help = option.help
            if let defaultValue = option.defaultValue {
                // "Where generated files go (default: Output)." — the default inside the sentence.
                let sentence = help.hasSuffix(".") ? String(help.dropLast()) : help
                help = sentence + " (default: \(defaultValue))" + (help.hasSuffix(".") ? "." : "")
            }
            out += row(left, help, width)
        }
        return out
    }

    private func row(_ left: String, _ right: String, _ width: Int) -> String {
        "  " + left.padding(toLength: width, withPad: " ", startingAt: 0) + right + "\n"
    }
}
