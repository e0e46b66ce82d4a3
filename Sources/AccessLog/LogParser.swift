import Glibc

/// Parses access-log lines of one format into `LogRecord`s, byte by byte, with no allocation on the common path.
public struct LogParser: Sendable {
    public let format: LogFormat

    public init(format: LogFormat) {
        self.format = format
    }

    /// Parses one line (without its LF) and calls `body` with the record; returns nil when parsed, else why not.
    public func parse(_ line: UnsafeBufferPointer<UInt8>, _ body: (borrowing LogRecord) -> Void) -> LineProblem? {
        guard line.count > 0, line.baseAddress != nil else { return .empty }
        guard UTF8Validation.isValid(line) else { return .notUTF8 }
        switch format.layout {
        case .pattern(let literals, let leadingCount, let steps):
            if !format.joinsTarget {
                var record = LogRecord()
                if let problem = Self.parsePattern(line, literals, leadingCount, steps, into: &record, scratch: nil) {
                    return problem
                }
                body(record)
                return nil
            }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: line.count + 1) { scratch in
                var record = LogRecord()
                if let problem = Self.parsePattern(line, literals, leadingCount, steps, into: &record, scratch: scratch)
                {
                    return problem
                }
                body(record)
                return nil
            }
        case .jsonLines:
            // Room for every decoded string, then for `$uri?$args` joined from two of them.
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * line.count + 1) { scratch in
                var record = LogRecord()
                if let problem = JSONLine.parse(line, into: &record, scratch: scratch) { return problem }
                body(record)
                return nil
            }
        }
    }

    private static func parsePattern(
        _ line: UnsafeBufferPointer<UInt8>, _ literals: [UInt8], _ leadingCount: Int, _ steps: [Step],
        into record: inout LogRecord, scratch: UnsafeMutableBufferPointer<UInt8>?
    ) -> LineProblem? {
        literals.withUnsafeBufferPointer { literals in
            steps.withUnsafeBufferPointer { steps in
                parsePattern(line, literals.baseAddress!, leadingCount, steps, into: &record, scratch: scratch)
            }
        }
    }

    @inline(__always)
    private static func parsePattern(
        _ line: UnsafeBufferPointer<UInt8>, _ literals: UnsafePointer<UInt8>, _ leadingCount: Int,
        _ steps: UnsafeBufferPointer<Step>, into record: inout LogRecord, scratch: UnsafeMutableBufferPointer<UInt8>?
    ) -> LineProblem? {
        let base = line.baseAddress!
        let end = line.count
        var position = 0
        if leadingCount > 0 {
            guard leadingCount <= end else { return .truncated }
            guard memcmp(base, literals, leadingCount) == 0 else { return .malformed }
            position = leadingCount
        }
        var fields = FieldSink()
        let lastIndex = steps.count - 1
        for stepIndex in 0..<steps.count {
            let step = steps[stepIndex]
            let terminator = literals + step.terminatorStart
            let count = step.terminatorCount
            let valueEnd: Int
            if count == 0 {
                valueEnd = end
            } else if stepIndex == lastIndex {
                // The last field runs to the final literal, which must end the line.
                guard end - position >= count, memcmp(base + (end - count), terminator, count) == 0 else {
                    return .truncated
                }
                valueEnd = end - count
            } else {
                guard let found = find(terminator, count, in: base, from: position, to: end) else { return .truncated }
                valueEnd = found
            }
            let value = UnsafeBufferPointer(start: base + position, count: valueEnd - position)
            guard fields.apply(step.field, value, to: &record) else { return .malformed }
            position = valueEnd + count
        }
        fields.finish(&record, scratch: scratch)
        return nil
    }

    typealias Step = LogFormat.Step

    /// The first index at or after `from` where `literal` matches in full before `end`. A `"` preceded by an odd
    /// number of backslashes is Apache's `\"` escape inside a quoted field, not its end.
    @inline(__always)
    private static func find(
        _ literal: UnsafePointer<UInt8>, _ count: Int, in base: UnsafePointer<UInt8>, from: Int, to end: Int
    ) -> Int? {
        let first = literal[0]
        var index = from
        while index + count <= end {
            guard let hit = memchr(base + index, Int32(first), end - index) else { return nil }
            let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            guard at + count <= end else { return nil }
            if count == 1 || memcmp(base + at + 1, literal + 1, count - 1) == 0 {
                if first != UInt8(ascii: "\"") || !isEscaped(base, at, from: from) { return at }
            }
            index = at + 1
        }
        return nil
    }

    @inline(__always)
    private static func isEscaped(_ base: UnsafePointer<UInt8>, _ at: Int, from: Int) -> Bool {
        var backslashes = 0
        var index = at - 1
        while index >= from, base[index] == UInt8(ascii: "\\") {
            backslashes += 1
            index -= 1
        }
        return backslashes & 1 == 1
    }
}
