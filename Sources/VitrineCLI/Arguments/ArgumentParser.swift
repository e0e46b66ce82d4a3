import Diagnostics

/// What the user typed, checked against a `CommandSpec`.
public struct ParsedArguments: Sendable, Equatable {
    public var positionals: [String] = []
    public var values: [String: String] = [:]
    public var flags: Set<String> = []

    /// Every value of an option given more than once (`--segment vip --segment new`), in order.
    public var repeatedValues: [String: [String]] = [:]

    public func value(_ name: String) -> String? { values[name] }
    /// Every value given for `name` (`value` is the last one).
    public func allValues(_ name: String) -> [String] { repeatedValues[name] ?? values[name].map { [$0] } ?? [] }

    mutating func setValue(_ value: String, for name: String) {
        if let previous = values[name] { repeatedValues[name, default: [previous]].append(value) }
        values[name] = value
    }
    public func flag(_ name: String) -> Bool { flags.contains(name) }
}

/// A mistake on the command line: printed with the usage line, exit status 2.
public struct UsageError: Error, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// Parses `--name value`, `--name=value`, flags and positionals; `--` ends options.
public enum ArgumentParser {
    public static func parse(_ arguments: [String], for spec: CommandSpec) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments()
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || !argument.hasPrefix("-") || argument == "-" {
                parsed.positionals.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            var name = String(argument.drop { $0 == "-" })
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            if argument == "-h" { name = "help" }
            guard let option = spec.options.first(where: { $0.name == name }) else {
                let suggestion = Spelling.suggestion(for: name, among: spec.options.map(\.name))
                throw UsageError(
                    message: "unknown option '\(argument)'" + (suggestion.map { "; did you mean '--\($0)'?" } ?? ""))
            }
            if option.valueName == nil {
                if inlineValue != nil { throw UsageError(message: "option '--\(name)' takes no value") }
                parsed.flags.insert(name)
                continue
            }
            if let inlineValue {
                parsed.setValue(inlineValue, for: name)
            } else {
                guard index < arguments.count else {
                    throw UsageError(message: "option '--\(name)' needs a value (\(option.valueName!))")
                }
                parsed.setValue(arguments[index], for: name)
                index += 1
            }
        }
        if parsed.flag("help") { return parsed }
        let fixed = spec.positionals.filter { !$0.isRepeated }
        let required = spec.positionals.filter { !$0.isOptional }
        if parsed.positionals.count < required.count {
            throw UsageError(message: "missing argument \(required[parsed.positionals.count].name)")
        }
        if parsed.positionals.count > fixed.count, !spec.positionals.contains(where: \.isRepeated) {
            throw UsageError(message: "unexpected argument '\(parsed.positionals[fixed.count])'")
        }
        for option in spec.options where parsed.values[option.name] == nil {
            if let defaultValue = option.defaultValue { parsed.values[option.name] = defaultValue }
        }
        return parsed
    }
}
