import Foundation
import TextFormats

extension BuildWorkflow.Options {
    /// The options as the command line gives them: `asOf` as `YYYY-MM-DD`, `shard` as `I/N` with 1 ≤ I ≤ N, `gzip`
    /// as a zlib level from 1 to 9 or `off` (default 9).
    public init(
        store: String, output: String, asOf: String?, segments: [String], shard: String?, gzip: String? = nil,
        state: String? = nil
    ) throws(OptionError) {
        let day = try OptionError.day(asOf, option: "as-of")
        var slice: (index: Int, count: Int)?
        if let shard {
            let parts = shard.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, index >= 1,
                index <= count
            else { throw OptionError("invalid --shard \"\(shard)\": expected I/N with 1 ≤ I ≤ N, e.g. 2/4") }
            slice = (index - 1, count)
        }
        self.init(store: store, output: output, asOf: day, segments: segments, shard: slice, state: state)
        if let gzip {
            if gzip == "off" {
                gzipLevel = nil
            } else if let level = Int(gzip), (1...9).contains(level) {
                gzipLevel = level
            } else {
                throw OptionError("invalid --gzip \"\(gzip)\": a zlib level from 1 to 9, or off")
            }
        }
    }
}

extension BuildWorkflow.Summary {
    /// `--json`: the same figures as the summary line.
    public func renderedJSON(output: String) -> String {
        JSONOutput.object([
            ("output", .string(output + "/site")), ("pages", .int(pages)), ("rendered", .int(rendered)),
            ("written", .int(written)), ("unchanged", .int(unchanged)), ("removed", .int(removed)),
            ("compressed", .int(compressed)),
            ("bytes_written", .number(String(bytesWritten))), ("seconds", .number(String(format: "%.3f", seconds))),
        ]).serialized()
    }

    /// `Output/site: 547 pages; files: 1,093 written, 0 unchanged, 0 removed, 9.8 MB in 0.6 s` (the files count the
    /// pages' `.gz` siblings too)
    public func renderedLine(output: String) -> String {
        "\(output)/site: \(Self.grouped(pages)) pages; files: \(Self.grouped(written)) written, "
            + "\(Self.grouped(unchanged)) unchanged, \(Self.grouped(removed)) removed, "
            + "\(Self.megabytes(bytesWritten)) in \(String(format: "%.1f", seconds)) s\n"
    }

    /// `86,915`: thousands grouped, for a terminal.
    public static func grouped(_ value: Int) -> String {
        let digits = Array(String(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }

    static func megabytes(_ bytes: Int64) -> String {
        bytes < 1_000_000 ? "\(grouped(Int(bytes))) bytes" : String(format: "%.1f MB", Double(bytes) / 1e6)
    }
}
