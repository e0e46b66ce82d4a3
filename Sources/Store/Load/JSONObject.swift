import Diagnostics
import TextFormats

/// An object of a store's JSON file read field by field: wrong types, missing and unknown keys are reported at
/// the exact key or value, and reading goes on.
struct JSONObject {
    let node: JSONNode
    let source: SourceText
    private let members: [JSONNode.Member]

    /// Nil (reported) when `node` is not an object.
    init?(_ node: JSONNode, source: SourceText, what: String, diagnostics: inout DiagnosticEngine) {
        guard case .object(let members) = node.value else {
            diagnostics.error(
                "expected \(what) as an object, found \(node.kindName)", at: source.location(atOffset: node.offset))
            return nil
        }
        self.node = node
        self.source = source
        self.members = members
    }

    var location: SourceLocation { source.location(atOffset: node.offset) }

    /// The offset of `key`'s value (of the object itself when the key is absent).
    func offset(of key: String) -> Int { self[key]?.offset ?? node.offset }

    func location(of key: String) -> SourceLocation { source.location(atOffset: offset(of: key)) }

    subscript(key: String) -> JSONNode? { members.first { $0.key == key }?.value }

    /// Warns about keys that are not `known` (typos would otherwise be silently ignored).
    func warnAboutUnknownKeys(known: [String], in what: String, diagnostics: inout DiagnosticEngine) {
        for member in members where !known.contains(member.key) {
            diagnostics.warning(
                "unknown key \"\(member.key)\" in \(what) is ignored\(Spelling.didYouMean(member.key, among: known))",
                at: source.location(atOffset: member.keyOffset))
        }
    }

    private func typeError(_ key: String, expected: String, found node: JSONNode, diagnostics: inout DiagnosticEngine) {
        diagnostics.error(
            "\"\(key)\" must be \(expected), found \(node.kindName)", at: source.location(atOffset: node.offset))
    }

    func string(_ key: String, required: Bool = false, diagnostics: inout DiagnosticEngine) -> String? {
        guard let node = self[key], !isNull(node) else {
            if required { diagnostics.error("missing required key \"\(key)\"", at: location) }
            return nil
        }
        guard case .string(let text) = node.value else {
            typeError(key, expected: "a string", found: node, diagnostics: &diagnostics)
            return nil
        }
        if required, text.trimmingSpaces.isEmpty {
            diagnostics.error("\"\(key)\" must not be empty", at: source.location(atOffset: node.offset))
            return nil
        }
        return text
    }

    /// A string value that remembers where each of its bytes is in the file (segment rules).
    func locatedString(_ key: String, diagnostics: inout DiagnosticEngine) -> LocatedText? {
        guard let node = self[key], !isNull(node) else { return nil }
        guard case .string(let text) = node.value else {
            typeError(key, expected: "a string", found: node, diagnostics: &diagnostics)
            return nil
        }
        let map = JSONParser.decodedByteOffsets(in: source, stringAt: node.offset)
        let verbatim = map.count == text.utf8.count + 1 && (map.last ?? 0) - node.offset - 1 == text.utf8.count
        return LocatedText(text: text, source: source, startOffset: node.offset + 1, offsets: verbatim ? [] : map)
    }

    func bool(_ key: String, diagnostics: inout DiagnosticEngine) -> Bool? {
        guard let node = self[key], !isNull(node) else { return nil }
        guard case .bool(let value) = node.value else {
            typeError(key, expected: "true or false", found: node, diagnostics: &diagnostics)
            return nil
        }
        return value
    }

    func integer(_ key: String, in range: ClosedRange<Int64>, diagnostics: inout DiagnosticEngine) -> Int64? {
        guard let value = decimal(key, scale: 0, diagnostics: &diagnostics) else { return nil }
        guard range.contains(value) else {
            diagnostics.error(
                "\"\(key)\" must be between \(range.lowerBound) and \(range.upperBound)", at: location(of: key))
            return nil
        }
        return value
    }

    /// An exact decimal written as a string (`"12.90"`) or a number (`12.9`), scaled to an integer.
    func decimal(_ key: String, scale: Int, diagnostics: inout DiagnosticEngine) -> Int64? {
        guard let node = self[key], !isNull(node) else { return nil }
        let text: String
        switch node.value {
        case .string(let value): text = value
        case .number(let value): text = value
        default:
            typeError(key, expected: "a decimal number", found: node, diagnostics: &diagnostics)
            return nil
        }
        switch DecimalParser.parse(text.trimmingSpaces, scale: scale) {
        case .success(let value): return value
        case .failure(let failure):
            diagnostics.error("invalid \"\(key)\" \"\(text)\": \(failure)", at: source.location(atOffset: node.offset))
            return nil
        }
    }

    func date(_ key: String, required: Bool = false, diagnostics: inout DiagnosticEngine) -> Timestamp? {
        guard let text = string(key, required: required, diagnostics: &diagnostics) else { return nil }
        switch ISO8601.parse(text) {
        case .success(let timestamp): return timestamp
        case .failure(let failure):
            diagnostics.error("invalid \"\(key)\" \"\(text)\": \(failure)", at: location(of: key))
            return nil
        }
    }

    func object(_ key: String, diagnostics: inout DiagnosticEngine) -> JSONObject? {
        guard let node = self[key], !isNull(node) else { return nil }
        return JSONObject(node, source: source, what: "\"\(key)\"", diagnostics: &diagnostics)
    }

    /// An array of strings, each with its location.
    func strings(_ key: String, diagnostics: inout DiagnosticEngine) -> [(text: String, location: SourceLocation)] {
        guard let node = self[key], !isNull(node) else { return [] }
        guard case .array(let elements) = node.value else {
            typeError(key, expected: "an array of strings", found: node, diagnostics: &diagnostics)
            return []
        }
        var result: [(String, SourceLocation)] = []
        for element in elements {
            guard case .string(let text) = element.value else {
                diagnostics.error(
                    "elements of \"\(key)\" must be strings, found \(element.kindName)",
                    at: source.location(atOffset: element.offset))
                continue
            }
            result.append((text, source.location(atOffset: element.offset)))
        }
        return result
    }

    /// Text per locale: `{"en": "…", "el": "…"}`, or one string for the default locale. Unknown locales are errors.
    func localized(
        _ key: String, locales: [String], defaultLocale: String, diagnostics: inout DiagnosticEngine
    ) -> [String: String] {
        guard let node = self[key], !isNull(node) else { return [:] }
        switch node.value {
        case .string(let text): return [defaultLocale: text]
        case .object(let members):
            var result: [String: String] = [:]
            for member in members {
                // With no usable store.json the locales are unknown: nothing to check against.
                guard locales.isEmpty || locales.contains(member.key) else {
                    diagnostics.error(
                        "locale \"\(member.key)\" is not one of the store's locales (\(locales.joined(separator: ", ")))",
                        at: source.location(atOffset: member.keyOffset))
                    continue
                }
                guard case .string(let text) = member.value.value else {
                    diagnostics.error(
                        "\"\(key)\".\(member.key) must be a string, found \(member.value.kindName)",
                        at: source.location(atOffset: member.value.offset))
                    continue
                }
                result[member.key] = text
            }
            return result
        default:
            typeError(
                key, expected: "a string or an object of strings per locale", found: node, diagnostics: &diagnostics)
            return [:]
        }
    }

    func isNull(_ node: JSONNode) -> Bool {
        if case .null = node.value { return true }
        return false
    }
}

/// The elements of a top-level JSON array (segments, coupons, campaigns), each as an object.
enum JSONArrayFile {
    static func objects(
        in source: SourceText, what: String, diagnostics: inout DiagnosticEngine
    ) -> [JSONObject] {
        guard let root = JSONParser.parse(source, diagnostics: &diagnostics) else { return [] }
        guard case .array(let elements) = root.value else {
            diagnostics.error(
                "expected an array of \(what)s, found \(root.kindName)", at: source.location(atOffset: root.offset))
            return []
        }
        return elements.compactMap { JSONObject($0, source: source, what: "a \(what)", diagnostics: &diagnostics) }
    }
}
