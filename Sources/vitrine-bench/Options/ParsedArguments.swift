/// A command line checked by `BenchCommand.parse`: the accessors read values that are known to be valid.
struct ParsedArguments: Sendable {
    var positionals: [String] = []
    var values: [String: String] = [:]
    var flags: Set<String> = []
    var wantsHelp = false

    func flag(_ name: String) -> Bool { flags.contains(name) }

    func text(_ name: String) -> String? { values[name] }

    func count(_ name: String, default fallback: Int) -> Int { values[name].flatMap { Int($0) } ?? fallback }

    /// A count that may be `off` (nil).
    func countOrOff(_ name: String, default fallback: Int?) -> Int? {
        guard let text = values[name] else { return fallback }
        return Int(text)
    }

    /// The value, nil for `off`, `fallback` when not given.
    func numberOrOff(_ name: String, default fallback: Double?) -> Double? {
        guard let text = values[name] else { return fallback }
        return Double(text)
    }

    func number(_ name: String, default fallback: Double) -> Double { values[name].flatMap { Double($0) } ?? fallback }
}
