import Diagnostics
import TextFormats

/// JSON (RFC 8259, read by the project's own byte-level parser) into `MustacheValue`: `true`/`false` stay
/// booleans, `85` an `int`, `1.21` a `double` (JSONSerialization's NSNumber cannot tell a boolean from 1 reliably
/// on Linux). Errors carry the line and column of the offending byte.
extension MustacheValue {
    /// Parses a JSON document; on failure returns its syntax error (JSON has no useful recovery).
    public static func parseJSON(_ source: SourceText) -> Result<MustacheValue, TemplateError> {
        var diagnostics = DiagnosticEngine()
        diagnostics.register(source)
        guard let root = JSONParser.parse(source, diagnostics: &diagnostics), !diagnostics.hasErrors else {
            return .failure(TemplateError(diagnostics: diagnostics))
        }
        return .success(MustacheValue(root))
    }

    /// Parses JSON text held in memory (tests, inline data).
    public init(json text: String) throws(TemplateError) {
        self = try Self.parseJSON(SourceText(path: "<json>", text: text)).get()
    }

    init(_ node: JSONNode) {
        switch node.value {
        case .null: self = .null
        case .bool(let value): self = .bool(value)
        case .string(let text): self = .string(text)
        case .number(let text):
            let isInteger = !text.contains { $0 == "." || $0 == "e" || $0 == "E" }
            if isInteger, let value = Int(text) {
                self = .int(value)
            } else {
                self = .double(Double(text) ?? .nan)
            }
        case .array(let elements): self = .list(elements.map(MustacheValue.init))
        case .object(let members): self = .map(MustacheMap(members.map { ($0.key, MustacheValue($0.value)) }))
        }
    }
}
