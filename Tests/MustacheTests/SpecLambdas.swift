import Foundation
import Mustache

/// The Swift lambda each `~lambdas` test describes (the spec gives them in other languages, keyed here by
/// test name). Installed in place of the spec's `{"__tag__": "code", …}` object.
enum SpecLambdas {
    static func install(in data: MustacheValue, test name: String) -> MustacheValue {
        guard case .map(var map) = data, case .map(let code)? = map["lambda"], code["__tag__"] == .string("code")
        else { return data }
        guard let lambda = lambda(for: name) else { fatalError("no Swift lambda for spec test \"\(name)\"") }
        map["lambda"] = .lambda(lambda)
        return .map(map)
    }

    static func lambda(for test: String) -> MustacheLambda? {
        switch test {
        case "Interpolation": MustacheLambda { "world" }
        case "Interpolation - Expansion": MustacheLambda { "{{planet}}" }
        case "Interpolation - Alternate Delimiters": MustacheLambda { "|planet| => {{planet}}" }
        case "Interpolation - Multiple Calls":
            // A counter that lives as long as this test's data (one render).
            {
                let calls = Counter(); return MustacheLambda { .int(calls.next()) }
            }()
        case "Escaping": MustacheLambda { ">" }
        case "Section": MustacheLambda { (text: String) in text == "{{x}}" ? "yes" : "no" }
        case "Section - Expansion": MustacheLambda { (text: String) in .string(text + "{{planet}}" + text) }
        case "Section - Alternate Delimiters":
            MustacheLambda { (text: String) in .string(text + "{{planet}} => |planet|" + text) }
        case "Section - Multiple Calls": MustacheLambda { (text: String) in .string("__" + text + "__") }
        case "Inverted Section": MustacheLambda { (_: String) in false }
        default: nil
        }
    }
}

/// A thread-safe call counter (lambdas are `@Sendable`).
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
