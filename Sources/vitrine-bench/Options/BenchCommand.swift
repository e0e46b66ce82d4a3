/// A benchmark command, declared once: `parse` checks every argument against the declaration (a bad value is an
/// error, never a silent default) and `help` is generated from it.
struct BenchCommand: Sendable {
    /// `generate`, or `segments uci` for a workload of a command.
    var name: String
    var summary: String
    var positionals: [Positional]
    var options: [Option]
    var run: @Sendable (ParsedArguments) throws -> ExitCode

    struct Positional: Sendable {
        var name: String
        var help: String
        /// The values it may take; nil for any (a path).
        var choices: [String]? = nil
        var isOptional = false
    }

    struct Option: Sendable {
        enum Value: Sendable {
            case flag
            /// A whole number in the range; `off` too when `allowsOff`.
            case count(ClosedRange<Int>, allowsOff: Bool)
            /// A finite number in the range; `off` too when `allowsOff`.
            case number(ClosedRange<Double>, allowsOff: Bool)
            case choice([String])
            case path
        }

        /// Without dashes: `runs` for `--runs`.
        var name: String
        /// `N`, `FILE`, … in the help; nil for a flag.
        var valueName: String?
        var value: Value
        var help: String

        static func flag(_ name: String, _ help: String) -> Option {
            Option(name: name, valueName: nil, value: .flag, help: help)
        }

        static func count(
            _ name: String, _ help: String, in range: ClosedRange<Int> = 0...Int.max, allowsOff: Bool = false
        ) -> Option {
            Option(
                name: name, valueName: allowsOff ? "N|off" : "N", value: .count(range, allowsOff: allowsOff), help: help
            )
        }

        static func number(
            _ name: String, _ help: String,
            in range: ClosedRange<Double> = -.greatestFiniteMagnitude
                ... .greatestFiniteMagnitude, allowsOff: Bool = false, valueName: String = "X"
        ) -> Option {
            Option(
                name: name, valueName: allowsOff ? "\(valueName)|off" : valueName,
                value: .number(range, allowsOff: allowsOff), help: help)
        }

        static func choice(_ name: String, _ choices: [String], _ help: String) -> Option {
            Option(name: name, valueName: choices.joined(separator: "|"), value: .choice(choices), help: help)
        }

        static func path(_ name: String, _ valueName: String, _ help: String) -> Option {
            Option(name: name, valueName: valueName, value: .path, help: help)
        }

        /// Nil when `text` is a valid value, else why not.
        func problem(with text: String) -> String? {
            switch value {
            case .flag, .path:
                return nil
            case .count(let range, let allowsOff):
                if allowsOff && text == "off" { return nil }
                guard let number = Int(text), range.contains(number) else {
                    return
                        "--\(name): \"\(text)\" is not a whole number\(Self.describe(range))\(allowsOff ? " or off" : "")"
                }
                return nil
            case .number(let range, let allowsOff):
                if allowsOff && text == "off" { return nil }
                guard let number = Double(text), number.isFinite, range.contains(number) else {
                    let what = range.lowerBound > 0 ? "a number > 0" : "a number"
                    return "--\(name): \"\(text)\" is not \(what)\(allowsOff ? " or off" : "")"
                }
                return nil
            case .choice(let choices):
                guard choices.contains(text) else {
                    return "--\(name): \"\(text)\" is not one of \(choices.joined(separator: ", "))"
                }
                return nil
            }
        }

        private static func describe(_ range: ClosedRange<Int>) -> String {
            switch (range.lowerBound, range.upperBound) {
            case (0, .max): " ≥ 0"
            case (let low, .max): " ≥ \(low)"
            case (let low, let high): " from \(low) to \(high)"
            }
        }
    }

    /// The arguments after the command's name, checked: every problem at once, or the values.
    func parse(_ arguments: [String]) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments()
        var problems: [String] = []
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            if argument == "-h" || argument == "--help" {
                parsed.wantsHelp = true
            } else if argument.hasPrefix("--") {
                let name = String(argument.dropFirst(2))
                guard let option = options.first(where: { $0.name == name }) else {
                    problems.append("unknown option \(argument)")
                    continue
                }
                if case .flag = option.value {
                    parsed.flags.insert(name)
                    continue
                }
                guard let text = rest.popFirst() else {
                    problems.append("\(argument) needs a value (\(option.valueName ?? ""))")
                    continue
                }
                if let problem = option.problem(with: text) { problems.append(problem) }
                parsed.values[name] = text
            } else if parsed.positionals.count < positionals.count {
                let positional = positionals[parsed.positionals.count]
                // Case aside: `W1` and `w1` name the same workload.
                if let choices = positional.choices,
                    !choices.contains(where: { $0.lowercased() == argument.lowercased() })
                {
                    problems.append(
                        "\(positional.name): \"\(argument)\" is not one of \(choices.joined(separator: ", "))")
                }
                parsed.positionals.append(argument)
            } else {
                problems.append("unexpected argument \"\(argument)\"")
            }
        }
        if parsed.wantsHelp { return parsed }
        let required = positionals.filter { !$0.isOptional }.count
        if parsed.positionals.count < required {
            problems.append("expected \(positionals.prefix(required).map(\.name).joined(separator: " and "))")
        }
        guard problems.isEmpty else { throw UsageError(problems: problems) }
        return parsed
    }

    /// `usage: vitrine-bench load STORE [--runs N]`.
    var usage: String {
        var usage = "usage: vitrine-bench \(name)"
        for positional in positionals {
            usage += positional.isOptional ? " [\(positional.name)]" : " \(positional.name)"
        }
        return usage + (options.isEmpty ? "" : " [options]")
    }

    /// The generated `--help` text.
    var help: String {
        var out = "\(summary)\n\n\(usage)\n"
        if !positionals.isEmpty {
            out += "\narguments:\n"
            for positional in positionals {
                let choices = positional.choices.map { " (\($0.joined(separator: ", ")))" } ?? ""
                out += Self.row(positional.name, positional.help + choices)
            }
        }
        out += "\noptions:\n"
        for option in options {
            out += Self.row("--\(option.name)" + (option.valueName.map { " \($0)" } ?? ""), option.help)
        }
        out += Self.row("-h, --help", "show this help")
        return out
    }

    private static func row(_ left: String, _ right: String) -> String {
        let width = 28
        let padded = left.count < width ? left + String(repeating: " ", count: width - left.count) : left + "  "
        return "  \(padded)\(right)\n"
    }
}

/// Every problem of a command line, reported together with exit status 2.
struct UsageError: Error {
    var problems: [String]
}
