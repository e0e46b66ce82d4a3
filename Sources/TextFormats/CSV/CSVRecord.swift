/// One field of a CSV record: a byte range into the source, without the surrounding quotes.
public struct CSVField: Sendable, Hashable {
    public var start: Int
    public var end: Int
    /// The field was written in double quotes.
    public var isQuoted: Bool
    /// The field holds `""` pairs that stand for one `"` (so its text must be unescaped).
    public var hasDoubledQuotes: Bool

    public var isEmpty: Bool { start == end }
    public var count: Int { end - start }
}

/// One record (row) of a CSV file. The field buffer is reused from record to record.
public struct CSVRecord: Sendable {
    public internal(set) var fields: [CSVField] = []
    /// Byte offset of the record's first byte.
    public internal(set) var startOffset: Int = 0

    public init() {}

    public var count: Int { fields.count }
    public subscript(index: Int) -> CSVField { fields[index] }
}
