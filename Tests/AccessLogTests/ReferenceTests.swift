import AccessLog
import Foundation
import TestSupport
import Testing

/// Whole files against a peer: the real logs of `../shared/data/logs` (counts pinned from their PROVENANCE.md) and
/// the bench's generated log, each line's fields compared with a Python reference parser.
@Suite("real and generated logs against a Python reference parser")
struct ReferenceTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// `shared/` next to the checkout (`../shared` from the repository root), or next to an ancestor of it when the
    /// checkout is a git worktree in a subfolder.
    static let shared: URL = {
        var folder = packageRoot.deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("shared")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("data/logs").path) {
                return candidate
            }
            folder = folder.deletingLastPathComponent()
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }()
    static let sharedData = shared.appendingPathComponent("data/logs")
    static let generator = shared.appendingPathComponent("bench/ingest/gen_log.py")
    static let reference = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Fixtures/reference_combined.py")

    struct Tally {
        var records = 0
        var problems: [LineProblem: Int] = [:]
        var statuses: [Int: Int] = [:]
        var methods: [String: Int] = [:]
        /// Line number → fields, as the reference prints them.
        var rows: [Int: String] = [:]
    }

    /// Reads `path` with LogReader (the last line delivered even without LF) and parses every line.
    static func tally(_ path: String) throws -> Tally {
        let parser = LogParser(format: .combined)
        var tally = Tally()
        var number = 0
        let reader = try LogReader(path: path)
        try reader.forEachLine(atEnd: true) { line in
            number += 1
            let problem = parser.parse(line) { record in
                tally.records += 1
                tally.statuses[record.status, default: 0] += 1
                tally.methods[text(record.method), default: 0] += 1
                let fields = [
                    "\(number)", text(record.address), "\(record.time)", text(record.method), text(record.target),
                    text(record.httpVersion), "\(record.status)", "\(record.bytes)", text(record.referer),
                    text(record.userAgent),
                ]
                tally.rows[number] = fields.joined(separator: "\t")
            }
            if let problem { tally.problems[problem, default: 0] += 1 }
        } problem: { problem in
            number += 1
            tally.problems[problem, default: 0] += 1
        }
        return tally
    }

    /// The reference's rows, by line number.
    static func referenceRows(_ path: String) throws -> [Int: String] {
        let result = try ChildProcess.run("/usr/bin/env", ["python3", reference.path, path])
        try #require(result.status == 0, "python3 reference_combined.py failed: \(result.errorText)")
        var rows: [Int: String] = [:]
        for row in result.outputText.split(separator: "\n") {
            rows[Int(row.prefix { $0 != "\t" })!] = String(row)
        }
        return rows
    }

    /// Every line the reference accepts is a record with the same fields.
    static func expectAgreement(_ tally: Tally, _ reference: [Int: String]) {
        var disagreements = 0
        for (number, row) in reference.sorted(by: { $0.key < $1.key }) where tally.rows[number] != row {
            disagreements += 1
            if disagreements <= 5 {
                Issue.record("line \(number): ours \(tally.rows[number] ?? "none"), reference \(row)")
            }
        }
        #expect(disagreements == 0)
    }

    static func realLog(_ name: String) throws -> String {
        let url = sharedData.appendingPathComponent(name)
        try #require(
            FileManager.default.fileExists(atPath: url.path),
            "the real logs must be at ../shared/data/logs from the repository root: \(name) is missing")
        return url.path
    }

    @Test("Elastic's Apache log: 9,999 records, line 8899 truncated; statuses and methods as PROVENANCE.md counts them")
    func apache() throws {
        let path = try Self.realLog("elastic_apache_logs.log")
        let tally = try Self.tally(path)
        #expect(tally.records == 9999)
        #expect(tally.problems == [.truncated: 1])
        #expect(tally.statuses == [200: 9125, 304: 445, 404: 213, 301: 164, 206: 45, 500: 3, 403: 2, 416: 2])
        #expect(tally.methods == ["GET": 9951, "HEAD": 42, "POST": 5, "OPTIONS": 1])
        let reference = try Self.referenceRows(path)
        #expect(reference.count == 9999)
        Self.expectAgreement(tally, reference)
    }

    @Test("Elastic's nginx log (29,480 lines, out of order, IPv6): every line a record, as the reference reads it")
    func nginx() throws {
        let path = try Self.realLog("elastic_nginx_logs_first29480.log")
        let tally = try Self.tally(path)
        #expect(tally.records == 29480)
        #expect(tally.problems == [:])
        #expect(tally.statuses == [404: 19234, 304: 7758, 200: 2351, 206: 108, 403: 27, 416: 2])
        #expect(tally.methods == ["GET": 29414, "HEAD": 66])
        let reference = try Self.referenceRows(path)
        #expect(reference.count == 29480)
        Self.expectAgreement(tally, reference)
    }

    @Test("gen_log.py's 20,000 lines (seed 20240315): counts pinned, every strict line equal to the reference's")
    func generated() throws {
        try #require(
            FileManager.default.fileExists(atPath: Self.generator.path),
            "gen_log.py must be at ../shared/bench/ingest from the repository root")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("accesslog-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("access.log").path
        let made = try ChildProcess.run(
            "/usr/bin/env", ["python3", Self.generator.path, "-n", "20000", "--seed", "20240315", "-o", path])
        try #require(made.status == 0, "gen_log.py failed: \(made.errorText)")
        let tally = try Self.tally(path)
        #expect(tally.records == 19984)
        #expect(tally.problems == [.notUTF8: 7, .truncated: 9])
        let reference = try Self.referenceRows(path)
        Self.expectAgreement(tally, reference)
        // Lines we read that the strict grammar refuses: quotes left unescaped inside a quoted field.
        #expect(tally.records - reference.count == 7)
    }

    @Test(
        "JSON lines written by Python's json encoder (escapes, surrogate pairs, raw UTF-8): every field as it wrote it")
    func jsonLines() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("accesslog-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("access.jsonl").path
        let script = Self.reference.deletingLastPathComponent().appendingPathComponent("json_lines.py").path
        let made = try ChildProcess.run("/usr/bin/env", ["python3", script, path, "3000", "20261206"])
        try #require(made.status == 0, "json_lines.py failed: \(made.errorText)")
        let expected = try String(contentsOfFile: path + ".expected", encoding: .utf8).split(separator: "\n")
        let parser = LogParser(format: .jsonLines)
        func hex(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
            bytes.map { String($0 >> 4, radix: 16) + String($0 & 15, radix: 16) }.joined()
        }
        var rows: [String] = []
        var problems: [LineProblem] = []
        try LogReader(path: path).forEachLine { line in
            let problem = parser.parse(line) { record in
                rows.append(
                    [
                        text(record.address), "\(record.time)", text(record.method), hex(record.target),
                        "\(record.status)", "\(record.bytes)", hex(record.referer), hex(record.userAgent),
                    ].joined(separator: "\t"))
            }
            if let problem { problems.append(problem) }
        } problem: {
            problems.append($0)
        }
        #expect(problems == [])
        #expect(rows.count == 3000 && expected.count == 3000)
        for (number, (ours, theirs)) in zip(rows, expected).enumerated() where ours != theirs {
            Issue.record("line \(number + 1): ours \(ours), expected \(theirs)")
            break
        }
    }
}
