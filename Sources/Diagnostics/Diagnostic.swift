/// One finding about the user's input: what is wrong, where, and how bad.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable, Comparable {
        case note, warning, error

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
        private var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }
    }

    /// A secondary message, optionally pointing at another place ("opened here").
    public struct Note: Hashable, Sendable {
        public var location: SourceLocation?
        public var message: String
        public init(_ message: String, at location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }
    }

    public var severity: Severity
    /// Nil for problems that have no place in a file (a missing file, a command-line mistake).
    public var location: SourceLocation?
    public var message: String
    public var notes: [Note]
    /// The world failed rather than the input (a file that cannot be read): exit status 1, not 2.
    public var isFailureOfTheWorld = false

    public init(_ severity: Severity, _ message: String, at location: SourceLocation?, notes: [Note] = []) {
        self.severity = severity
        self.message = message
        self.location = location
        self.notes = notes
    }

    public static func error(_ message: String, at location: SourceLocation?, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.error, message, at: location, notes: notes)
    }

    /// A failure of the world (I/O) reported with the input's findings: `error:`, but exit status 1.
    public static func failure(_ message: String, at location: SourceLocation?) -> Diagnostic {
        var diagnostic = Diagnostic(.error, message, at: location)
        diagnostic.isFailureOfTheWorld = true
        return diagnostic
    }

    public static func warning(_ message: String, at location: SourceLocation?, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.warning, message, at: location, notes: notes)
    }

    /// `file:line:column: error: message`, the one-line form tests compare against.
    public var description: String {
        let place = location.map { "\($0): " } ?? ""
        return "\(place)\(severity.rawValue): \(message)"
    }
}

extension Diagnostic {
    /// Quoted values longer than this are cut (a 30,000-byte column name is not echoed whole).
    public static let longestQuotedValue = 40

    /// A message safe to print on a terminal: control characters (ESC, BEL, CR, NUL, C1 controls) written as
    /// `\x1B`, and each quoted value longer than `longestQuotedValue` characters cut with "…".
    public static func displayable(_ message: String) -> String {
        var needed = false
        var run = 0
        var quoted = false
        for scalar in message.unicodeScalars {
            if isControl(scalar) {
                needed = true
                break
            }
            if scalar == "\"" {
                quoted.toggle()
                run = 0
            } else if quoted {
                run += 1
                if run > longestQuotedValue {
                    needed = true
                    break
                }
            }
        }
        guard needed else { return message }
        var out = ""
        run = 0
        quoted = false
        for scalar in message.unicodeScalars {
            if scalar == "\"" {
                quoted.toggle()
                run = 0
            } else if quoted {
                run += 1
                if run == longestQuotedValue + 1 { out += "…" }
                if run > longestQuotedValue { continue }
            }
            if isControl(scalar) {
                out += escaped(scalar)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// C0 controls but tab, DEL and C1 controls: what a terminal may act on.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
    }

    /// `\x1B` for ESC, `\u{9B}` for a C1 control.
    static func escaped(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        if scalar.value < 0x80 { return "\\x" + (hex.count < 2 ? "0" : "") + hex }
        return "\\u{\(hex)}"
    }
}
