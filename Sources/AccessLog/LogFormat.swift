/// The layout of one access-log line: a pattern compiled from an nginx `log_format` string, or JSON lines.
///
/// A pattern is a leading literal, then steps: a field and the literal that ends it. A field's value runs to the first
/// place where its ending literal matches in full (for the last field, to the line end minus that literal), so the
/// usual `"` + space after a quoted field is found with one `memchr` and a short compare.
public struct LogFormat: Sendable {
    enum Layout: Sendable {
        /// `literals` holds every literal end to end: the leading one first, then each step's terminator.
        case pattern(literals: [UInt8], leadingCount: Int, steps: [Step])
        case jsonLines
    }

    /// A field and the literal after it (`literals[terminatorStart...]`, empty for a field that runs to the line
    /// end); a trivial type, so the parser's loop over steps retains nothing.
    struct Step: Sendable {
        var field: LogField
        var terminatorStart: Int
        var terminatorCount: Int
    }

    let layout: Layout
    /// Whether `$uri` and `$args` (or `$query_string`) must be joined into a scratch buffer to make the target.
    let joinsTarget: Bool

    /// nginx's and Apache's predefined "combined" format.
    public static let combined = try! LogFormat(
        nginx: #"$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "#
            + #""$http_referer" "$http_user_agent""#)

    /// Combined plus `$request_time`: the `log_format vitrine` that vitrine's nginx.conf declares.
    public static let vitrine = try! LogFormat(
        nginx: #"$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "#
            + #""$http_referer" "$http_user_agent" $request_time"#)

    /// One flat JSON object per line, as nginx's `log_format … escape=json` writes. Accepted keys are nginx's variable
    /// names: `remote_addr`, `remote_user`, `time_local`, `time_iso8601`, `msec`, `request`, `request_method`,
    /// `request_uri`, `uri`, `args`, `query_string`, `status`, `body_bytes_sent`, `bytes_sent`, `http_referer`,
    /// `http_user_agent`, `request_time`, `host`, `server_protocol`; other keys are skipped. Values are strings or
    /// bare numbers.
    public static let jsonLines = LogFormat(layout: .jsonLines, joinsTarget: true)

    init(layout: Layout, joinsTarget: Bool) {
        self.layout = layout
        self.joinsTarget = joinsTarget
    }

    /// Compiles an nginx `log_format` string: `$name` and `${name}` variables between literals matched exactly.
    /// Unknown variables are parsed as a field and skipped. Surrounding single quotes (as in nginx.conf) are dropped.
    public init(nginx format: String) throws(LogFormatError) {
        var bytes = Array(format.utf8)
        var columnOffset = 0
        if bytes.count >= 2, bytes.first == UInt8(ascii: "'"), bytes.last == UInt8(ascii: "'") {
            bytes = Array(bytes[1..<(bytes.count - 1)])
            columnOffset = 1
        }
        var leading: [UInt8] = []
        var steps: [(field: LogField, terminator: [UInt8])] = []
        var literal: [UInt8] = []
        var index = 0
        var fields: Set<LogField> = []
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "$") else {
                literal.append(byte)
                index += 1
                continue
            }
            let column = index + columnOffset + 1
            var nameStart = index + 1
            var nameEnd = nameStart
            if nameStart < bytes.count, bytes[nameStart] == UInt8(ascii: "{") {
                nameStart += 1
                nameEnd = nameStart
                while nameEnd < bytes.count, bytes[nameEnd] != UInt8(ascii: "}") { nameEnd += 1 }
                guard nameEnd < bytes.count else { throw LogFormatError(reason: .unclosedBrace, column: column) }
                index = nameEnd + 1
            } else {
                while nameEnd < bytes.count, Self.isNameByte(bytes[nameEnd]) { nameEnd += 1 }
                index = nameEnd
            }
            guard nameEnd > nameStart else { throw LogFormatError(reason: .emptyVariableName, column: column) }
            if steps.isEmpty {
                leading = literal
            } else if let last = steps.indices.last {
                guard !literal.isEmpty else { throw LogFormatError(reason: .adjacentVariables, column: column) }
                steps[last].terminator = literal
            }
            literal = []
            let field = LogField(name: bytes[nameStart..<nameEnd])
            if field != .other { fields.insert(field) }
            steps.append((field, []))
        }
        guard let last = steps.indices.last else {
            throw LogFormatError(reason: .noVariables, column: bytes.count + columnOffset + 1)
        }
        steps[last].terminator = literal
        var literals = leading
        let compiled = steps.map { step in
            defer { literals += step.terminator }
            return Step(field: step.field, terminatorStart: literals.count, terminatorCount: step.terminator.count)
        }
        self.layout = .pattern(literals: literals, leadingCount: leading.count, steps: compiled)
        self.joinsTarget =
            fields.contains(.uri) && (fields.contains(.args) || fields.contains(.queryString))
            && !fields.contains(.request) && !fields.contains(.requestURI)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
            return true
        default: return false
        }
    }
}

/// A `log_format` string that cannot be compiled: why, and the 1-based column (in UTF-8 bytes) of the variable.
public struct LogFormatError: Error, Equatable, Sendable {
    public enum Reason: Equatable, Sendable {
        /// `$` followed by no name.
        case emptyVariableName
        /// `${` with no `}`.
        case unclosedBrace
        /// Two variables with no literal between them: where one ends cannot be told.
        case adjacentVariables
        /// Only literals.
        case noVariables
    }

    public let reason: Reason
    public let column: Int

    public init(reason: Reason, column: Int) {
        self.reason = reason
        self.column = column
    }
}
