import Diagnostics

/// The first place each key of one file was defined (an id, a sku, a coupon code), so a second definition is an
/// error that points back at the first. Places stay byte offsets until a message needs them.
struct FirstDefinitions {
    let source: SourceText
    private var offsets: [String: Int] = [:]

    /// `expected`: about how many keys will be recorded (a dictionary that grows rehashes every key it holds).
    init(source: SourceText, expected: Int = 0) {
        self.source = source
        offsets.reserveCapacity(expected)
    }

    /// Records `key` written at `offset`; a key seen before is reported as `duplicate <what> "<key>"` with a note
    /// at its first place.
    mutating func record(
        _ key: String, what: String, at offset: Int, note: String = "first defined here",
        diagnostics: inout DiagnosticEngine
    ) {
        if let first = offsets[key] {
            diagnostics.error(
                "duplicate \(what) \"\(key)\"", at: source.location(atOffset: offset),
                notes: [.init(note, at: source.location(atOffset: first))])
        } else {
            offsets[key] = offset
        }
    }

    /// An id: checked for the characters ids may use (they end up in paths and tokens), then recorded.
    mutating func recordIdentifier(
        _ id: String, what: String, at offset: Int, diagnostics: inout DiagnosticEngine
    ) {
        if let problem = Identifier.problem(id) {
            diagnostics.error("\(what) \"\(id)\" \(problem)", at: source.location(atOffset: offset))
        }
        record(id, what: what, at: offset, diagnostics: &diagnostics)
    }

    /// The required `"id"` of a JSON definition, checked and recorded as `recordIdentifier` does; nil (and
    /// reported) when it is missing or not a string.
    mutating func identifier(
        of object: JSONObject, what: String, diagnostics: inout DiagnosticEngine
    ) -> String? {
        let id = object.string("id", required: true, diagnostics: &diagnostics)
        if let id { recordIdentifier(id, what: what, at: object.offset(of: "id"), diagnostics: &diagnostics) }
        return id
    }
}
