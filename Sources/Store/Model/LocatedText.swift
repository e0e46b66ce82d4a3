import Diagnostics

/// A string taken from a source file (a segment rule in `segments.json`) that remembers where each of its
/// bytes came from, so an error at byte 12 of the rule points at the right column of the file even when
/// the JSON string held escapes.
public struct LocatedText: Sendable, Hashable {
    public var text: String
    /// The source offset of each UTF-8 byte of `text`, plus one entry for the end; empty when the text is a
    /// verbatim copy starting at `startOffset`.
    private var offsets: [Int]
    private var startOffset: Int
    private var source: SourceText?
    private var fallback: SourceLocation?

    /// Text copied verbatim from `source` at `startOffset` (no escapes).
    public init(text: String, source: SourceText, startOffset: Int, offsets: [Int] = []) {
        self.text = text
        self.source = source
        self.startOffset = startOffset
        self.offsets = offsets
    }

    /// Text with a single known location (tests, text built in code): every offset maps to `location` + offset.
    public init(text: String, location: SourceLocation) {
        self.text = text
        self.source = nil
        self.startOffset = 0
        self.offsets = []
        self.fallback = location
    }

    /// The file location of the byte at `utf8Offset` within `text`.
    public func location(atUTF8Offset utf8Offset: Int) -> SourceLocation {
        guard let source else {
            var location = fallback ?? SourceLocation(file: "<text>", line: 1, column: 1)
            location.column += utf8Offset
            return location
        }
        if offsets.isEmpty { return source.location(atOffset: startOffset + utf8Offset) }
        return source.location(atOffset: offsets[max(0, min(utf8Offset, offsets.count - 1))])
    }

    public static func == (lhs: LocatedText, rhs: LocatedText) -> Bool {
        lhs.text == rhs.text && lhs.location(atUTF8Offset: 0) == rhs.location(atUTF8Offset: 0)
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(text) }
}
