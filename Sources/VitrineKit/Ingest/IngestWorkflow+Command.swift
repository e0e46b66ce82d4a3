import AccessLog
import Foundation
import TextFormats

extension IngestWorkflow.Options {
    /// The options as the command line gives them: `--log-format` is `combined`, `vitrine`, `json` or an nginx
    /// `log_format` string.
    public init(
        store: String, files: [String], state: String?, logFormat: String?, batchLines: String? = nil
    ) throws(OptionError) {
        guard !files.isEmpty else { throw OptionError("missing FILE: the access log(s) to ingest") }
        var lines = 1_000_000
        if let batchLines {
            guard let value = Int(batchLines), value >= 1 else {
                throw OptionError("invalid --batch-lines \"\(batchLines)\": a whole number of lines, 1 or more")
            }
            lines = value
        }
        var format: LogFormat?
        switch logFormat {
        case nil: format = nil
        case "combined": format = .combined
        case "vitrine": format = .vitrine
        case "json", "jsonl", "json-lines": format = .jsonLines
        case let text?:
            do { format = try LogFormat(nginx: text) } catch {
                throw OptionError("invalid --log-format at column \(error.column): \(Self.explain(error.reason))")
            }
        }
        self.init(store: store, files: files, state: state, format: format, batchLines: lines)
    }

    private static func explain(_ reason: LogFormatError.Reason) -> String {
        switch reason {
        case .emptyVariableName: "'$' with no variable name"
        case .unclosedBrace: "'${' with no closing '}'"
        case .adjacentVariables: "two variables with nothing between them: where one ends cannot be told"
        case .noVariables: "no variable at all (an nginx log_format string such as '$remote_addr - …')"
        }
    }
}

extension IngestWorkflow.Summary {
    static let kindOrder = ["open", "click", "view", "unsubscribe", "opt_out"]
    static let classOrder = ["human", "bot", "error", "machine_open", "scanner"]
    static let problemOrder = ["malformed", "truncated", "not_utf8", "gigantic", "empty"]

    /// Sums over every file.
    var total: IngestWorkflow.FileSummary {
        var total = IngestWorkflow.FileSummary(path: "")
        for file in files {
            total.lines += file.lines
            total.unresolved += file.unresolved
            for (name, value) in file.problems { total.problems[name, default: 0] += value }
            for (name, value) in file.counters { total.counters[name, default: 0] += value }
            for (name, value) in file.humanByKind { total.humanByKind[name, default: 0] += value }
            for (name, value) in file.byClass { total.byClass[name, default: 0] += value }
        }
        return total
    }

    /// `--json`: per file and in total, the same figures as the lines.
    public func renderedJSON() -> String {
        func figures(_ file: IngestWorkflow.FileSummary) -> [(String, JSONOutput)] {
            func table(_ values: [String: Int], _ order: [String]) -> JSONOutput {
                .object(order.map { ($0, .int(values[$0] ?? 0)) })
            }
            return [
                ("lines", .int(file.lines)), ("problems", table(file.problems, Self.problemOrder)),
                ("human_events", table(file.humanByKind, Self.kindOrder)),
                ("events_by_class", table(file.byClass, Self.classOrder)),
                ("forged_tokens", .int(file.counters["forged_tokens"] ?? 0)),
                ("malformed_tokens", .int(file.counters["malformed_tokens"] ?? 0)),
                ("unknown_key", .int(file.counters["unknown_key"] ?? 0)),
                ("mismatched", .int(file.counters["mismatched"] ?? 0)),
                ("untracked", .int(file.counters["untracked"] ?? 0)),
                ("unsubscribes", .int(file.counters["unsubscribes"] ?? 0)),
                ("opt_outs", .int(file.counters["opt_outs"] ?? 0)), ("unresolved", .int(file.unresolved)),
            ]
        }
        let perFile: [JSONOutput] = files.map { file in
            var fields: [(String, JSONOutput)] = [
                ("path", .string(file.path)), ("resumed_at_line", .int(Int(file.resumedAtLine))),
            ]
            fields += figures(file)
            fields.append(("error", file.failure.map { .string($0) } ?? .null))
            return .object(fields)
        }
        return JSONOutput.object([
            ("files", .array(perFile)), ("total", .object(figures(total))),
            ("seconds", .number(String(format: "%.3f", seconds))),
        ]).serialized()
    }

    /// One block per file, then a total when there are several.
    public func renderedLines() -> String {
        let grouped = BuildWorkflow.Summary.grouped
        func block(_ title: String, _ file: IngestWorkflow.FileSummary) -> String {
            var text = "\(title): \(grouped(file.lines)) line\(file.lines == 1 ? "" : "s")"
            if file.resumedAtLine > 0 { text += " (from line \(grouped(Int(file.resumedAtLine) + 1)))" }
            let problems = Self.problemOrder.compactMap { name in
                file.problems[name].map { "\(grouped($0)) \(name.replacingOccurrences(of: "_", with: "-"))" }
            }
            text += problems.isEmpty ? "\n" : "; skipped: " + problems.joined(separator: ", ") + "\n"
            if let failure = file.failure {
                text += "  error: \(failure)\n"
            }
            let kinds = Self.kindOrder.map {
                "\(grouped(file.humanByKind[$0] ?? 0)) \($0.replacingOccurrences(of: "_", with: "-"))s"
            }
            text += "  human: " + kinds.joined(separator: ", ") + "\n"
            let classes = Self.classOrder.map {
                "\($0.replacingOccurrences(of: "_", with: " ")) \(grouped(file.byClass[$0] ?? 0))"
            }
            text += "  events by class: " + classes.joined(separator: ", ") + "\n"
            let counter = { (name: String) in grouped(file.counters[name] ?? 0) }
            text +=
                "  tokens: \(counter("forged_tokens")) forged, \(counter("malformed_tokens")) malformed, "
                + "\(counter("unknown_key")) unknown key, \(counter("mismatched")) mismatched; "
                + "\(counter("untracked")) requests without a token\n"
            text += "  recorded: \(counter("unsubscribes")) unsubscribes, \(counter("opt_outs")) tracking opt-outs"
            text += file.unresolved > 0 ? " (\(grouped(file.unresolved)) of no known customer)\n" : "\n"
            return text
        }
        var text = files.map { block($0.path, $0) }.joined()
        if files.count > 1 { text += block("total", total) }
        text += "in \(String(format: "%.1f", seconds)) s\n"
        return text
    }
}
