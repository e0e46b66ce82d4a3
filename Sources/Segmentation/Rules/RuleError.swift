/// A problem found in a rule, at a byte offset of the rule text; `CompiledSegments` turns it into a `Diagnostic`
/// at the matching line and column of `segments.json`.
struct RuleError: Error, Sendable, Hashable {
    var message: String
    var offset: Int
    var notes: [Note] = []

    struct Note: Sendable, Hashable {
        var message: String
        var offset: Int
    }

    init(_ message: String, at offset: Int, notes: [Note] = []) {
        self.message = message
        self.offset = offset
        self.notes = notes
    }
}
