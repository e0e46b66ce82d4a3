/// Lays out one header field into the output: `Name:`, then tokens each after one space, folded (RFC 5322 §2.2.3)
/// by turning that space into CRLF SP when the token would pass the line limit.
///
/// The limit is 76 rather than RFC 5322's recommended 78 because a line that holds an encoded word may not be
/// longer (RFC 2047 §2), and one limit keeps the layout simple. A token is never split, so a line only passes the
/// limit when one token is longer than a line (a long URL); `longestLine` lets the caller hold the 998 limit.
struct HeaderFolder {
    static let limit = 76

    private(set) var column: Int
    private(set) var longestLine = 0
    private var previousEmpty = false
    private var started = false

    init(name: some Collection<UInt8>, into output: inout [UInt8]) {
        output.append(contentsOf: name)
        output.append(UInt8(ascii: ":"))
        column = name.count + 1
    }

    /// Room for a token on the current line after its separating space.
    var room: Int { Self.limit - column - 1 }

    /// Whether a token may start the next line: never next to an empty token (a line of white space only is
    /// obsolete syntax, RFC 5322 §4.2). The first token may when that makes it fit: `Name:` alone on the first line
    /// is valid, since the value may begin with folding white space (RFC 5322 §3.2.5, §3.6.8).
    private func mayFold(before token: some Collection<UInt8>) -> Bool {
        canFold && !token.isEmpty && (started || 1 + token.count <= Self.limit)
    }

    /// Whether the next (non-empty) token may go on a new line.
    var canFold: Bool { !previousEmpty }

    mutating func append(_ token: some Collection<UInt8>, into output: inout [UInt8]) {
        let width = token.count
        if column + 1 + width > Self.limit && mayFold(before: token) {
            longestLine = max(longestLine, column)
            output.append(0x0D)
            output.append(0x0A)
            column = 0
        }
        output.append(0x20)
        output.append(contentsOf: token)
        column += 1 + width
        previousEmpty = width == 0
        started = true
    }

    /// Ends the field with CRLF.
    mutating func finish(into output: inout [UInt8]) {
        longestLine = max(longestLine, column)
        output.append(0x0D)
        output.append(0x0A)
    }
}
