import AccessLog
import Foundation
import Gzip
import TestSupport
import Testing

@Suite("LogReader: plain and gzip files, growing files, gigantic and unfinished lines")
struct LogReaderTests {
    /// A fresh directory under the temporary folder, removed by the caller.
    static func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("accesslog-reader-\(UUID())")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    struct Read: Equatable {
        var lines: [String] = []
        var problems: [LineProblem] = []
    }

    static func read(_ reader: LogReader, atEnd: Bool = false) throws -> Read {
        var read = Read()
        try reader.forEachLine(atEnd: atEnd) {
            read.lines.append(text($0))
        } problem: {
            read.problems.append($0)
        }
        return read
    }

    static func append(_ text: String, to path: String) throws {
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(text.utf8))
        try handle.close()
    }

    static func gzip(_ path: String) throws -> [UInt8] {
        let result = try ChildProcess.run("/usr/bin/env", ["gzip", "-c", path])
        try #require(result.status == 0, "gzip failed: \(result.errorText)")
        return result.output
    }

    @Test("a gzip file (two members, as `cat a.gz b.gz` makes) gives the plain file's lines, problems and offset")
    func gzipEqualsPlain() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var plain = ""
        for number in 0..<30_000 {
            plain += number % 1000 == 7 ? "\r\n" : "line \(number) \(String(repeating: "x", count: number % 97))\n"
        }
        let half = plain.utf8.count / 2 + 11
        let first = directory.appendingPathComponent("a").path
        let second = directory.appendingPathComponent("b").path
        try Data(plain.utf8.prefix(half)).write(to: URL(fileURLWithPath: first))
        try Data(plain.utf8.dropFirst(half)).write(to: URL(fileURLWithPath: second))
        let plainPath = directory.appendingPathComponent("access.log").path
        let gzipPath = directory.appendingPathComponent("access.log.1.gz").path
        try Data(plain.utf8).write(to: URL(fileURLWithPath: plainPath))
        try Data(try Self.gzip(first) + Self.gzip(second)).write(to: URL(fileURLWithPath: gzipPath))

        let plainReader = try LogReader(path: plainPath)
        let gzipReader = try LogReader(path: gzipPath)
        let fromPlain = try Self.read(plainReader)
        let fromGzip = try Self.read(gzipReader)
        #expect(fromPlain.lines.count == 30_000)
        #expect(fromPlain.lines[7] == "" && fromPlain.lines[8] == "line 8 \(String(repeating: "x", count: 8))")
        #expect(fromGzip == fromPlain)
        #expect(gzipReader.offset == plainReader.offset)
        #expect(plainReader.offset == Int64(plain.utf8.count))
        // The rotated, gzipped copy is the same log.
        #expect(gzipReader.identity.hasSameContent(as: plainReader.identity))
        #expect(gzipReader.identity.inode != plainReader.identity.inode)
        // Resuming a .gz at an offset decompresses and drops up to it.
        let bytes = Array(plain.utf8)
        let middle = Int64(bytes[..<half].lastIndex(of: UInt8(ascii: "\n"))! + 1)
        let resumed = try Self.read(try LogReader(path: gzipPath, startingAt: middle))
        let resumedPlain = try Self.read(try LogReader(path: plainPath, startingAt: middle))
        #expect(resumed == resumedPlain)
        #expect(resumed.lines.count > 10_000 && resumed.lines.count < 20_000)
        #expect(Array(fromPlain.lines.suffix(resumed.lines.count)) == resumed.lines)
    }

    @Test("a growing file read twice, by the same reader and by a new one at the offset, gives every line once")
    func growingFile() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("access.log").path
        try Data("one\ntwo\r\nthr".utf8).write(to: URL(fileURLWithPath: path))
        let reader = try LogReader(path: path)
        let earlier = reader.identity
        #expect(try Self.read(reader) == Read(lines: ["one", "two"]))
        #expect(reader.offset == 9)
        try Self.append("ee\nfour\nfi", to: path)
        let resumed = try LogReader(path: path, startingAt: reader.offset)
        #expect(try Self.read(reader) == Read(lines: ["three", "four"]))
        #expect(try Self.read(resumed) == Read(lines: ["three", "four"]))
        #expect(reader.offset == 20 && resumed.offset == 20)
        #expect(try Self.read(reader) == Read())
        try Self.append("ve\n", to: path)
        #expect(try Self.read(reader) == Read(lines: ["five"]))
        #expect(try Self.read(try LogReader(path: path, startingAt: 20)) == Read(lines: ["five"]))
        // The grown file continues the identity taken when it was 12 bytes long; another file does not.
        let grown = try LogReader(path: path)
        #expect(earlier.prefixLength == 12)
        #expect(grown.identity.prefixLength == 25)
        #expect(grown.continues(earlier))
        let other = directory.appendingPathComponent("other.log").path
        try Data("one\ntwo\r\nthX".utf8).write(to: URL(fileURLWithPath: other))
        #expect(!(try LogReader(path: other)).continues(earlier))
    }

    @Test("a truncated last line: left for later (offset before it), or delivered with atEnd and parsed as truncated")
    func truncatedLastLine() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("access.log").path
        let complete = #"::1 - - [15/Mar/2024:10:00:00 +0100] "GET / HTTP/1.1" 200 1 "-" "-""# + "\n"
        let cut = #"::1 - - [15/Mar/2024:10:00:01 +0100] "GET /px.gif?vt=abc HTT"#
        try Data((complete + cut).utf8).write(to: URL(fileURLWithPath: path))
        let reader = try LogReader(path: path)
        #expect(try Self.read(reader).lines.count == 1)
        #expect(reader.offset == Int64(complete.utf8.count))
        let last = try Self.read(reader, atEnd: true)
        #expect(last.lines == [cut])
        #expect(reader.offset == Int64((complete + cut).utf8.count))
        #expect(Outcome.of(last.lines[0]) == .problem(.truncated))
    }

    /// Peak resident memory of this process so far (VmHWM), in bytes.
    static func peakResident() throws -> Int {
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") })
        return Int(line.split(separator: " ")[1])! * 1024
    }

    @Test("a 100 MB line with a 64 KiB maximum: reported gigantic, the next line read, memory bounded; plain and gzip")
    func giganticLine() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let plainPath = directory.appendingPathComponent("huge.log").path
        let gzipPath = directory.appendingPathComponent("huge.log.gz").path
        FileManager.default.createFile(atPath: plainPath, contents: nil)
        let plain = try #require(FileHandle(forWritingAtPath: plainPath))
        let compressor = try GzipCompressor(level: 1)
        var compressed: [UInt8] = []
        let gzipFile = try #require(
            { FileManager.default.createFile(atPath: gzipPath, contents: nil) }()
                ? FileHandle(forWritingAtPath: gzipPath) : nil)
        func write(_ bytes: [UInt8]) throws {
            plain.write(Data(bytes))
            compressed.removeAll(keepingCapacity: true)
            try compressor.compress(bytes, into: &compressed)
            gzipFile.write(Data(compressed))
        }
        try write(Array("first\n".utf8))
        let block = [UInt8](repeating: UInt8(ascii: "a"), count: 1 << 20)
        for _ in 0..<100 { try write(block) }
        try write(
            Array("\nafter\n".utf8) + [UInt8](repeating: UInt8(ascii: "b"), count: 70_000) + Array("\nx\r\nlast".utf8))
        compressed.removeAll()
        try compressor.finish(into: &compressed)
        gzipFile.write(Data(compressed))
        try plain.close()
        try gzipFile.close()

        let before = try Self.peakResident()
        for path in [plainPath, gzipPath] {
            let reader = try LogReader(path: path, maximumLineLength: 64 * 1024)
            var read = Read()
            var order: [String] = []
            try reader.forEachLine { line in
                read.lines.append(text(line))
                order.append("line")
            } problem: { problem in
                read.problems.append(problem)
                order.append("problem")
            }
            // A gzip stream is finished, so its last line counts; a plain file may still be being written.
            let expectedLast: [String] = path == gzipPath ? ["last"] : []
            #expect(read.lines == ["first", "after", "x"] + expectedLast, "\(path)")
            #expect(read.problems == [.gigantic, .gigantic])
            #expect(order.prefix(5) == ["line", "problem", "line", "problem", "line"])
        }
        let growth = try Self.peakResident() - before
        #expect(growth < 48 << 20, "peak resident memory grew by \(growth >> 20) MiB reading a 100 MB line")
    }

    @Test("errors: a missing file, an offset past the end, a gzip stream cut short (after its lines)")
    func errors() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = directory.appendingPathComponent("missing.log").path
        #expect(throws: LogReaderError(reason: .open(ENOENT))) { try LogReader(path: missing) }
        let path = directory.appendingPathComponent("access.log").path
        var lines = ""
        for number in 0..<20_000 { lines += "line \(number) \(number * 7919 % 10007)\n" }
        try Data(lines.utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: LogReaderError(reason: .offsetBeyondEnd)) { try LogReader(path: path, startingAt: 1 << 30) }
        let gzipped = try Self.gzip(path)
        let cutPath = directory.appendingPathComponent("cut.log.gz").path
        try Data(gzipped.prefix(gzipped.count / 2)).write(to: URL(fileURLWithPath: cutPath))
        let reader = try LogReader(path: cutPath)
        var count = 0
        #expect(throws: LogReaderError(reason: .truncatedGzip)) {
            try reader.forEachLine { _ in
                count += 1
            } problem: { _ in
            }
        }
        #expect(count > 1000)
        #expect(throws: LogReaderError(reason: .offsetBeyondEnd)) {
            try LogReader(path: directory.appendingPathComponent("cut.log.gz").path, startingAt: 1 << 30)
        }
    }

    @Test("identity: FNV-1a 64 of the first bytes (the draft's vector for \"a\"), and the same for a renamed copy")
    func identity() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("a.log").path
        try Data("a".utf8).write(to: URL(fileURLWithPath: path))
        let identity = try LogReader(path: path).identity
        #expect(identity.prefixLength == 1)
        #expect(identity.prefixHash == 0xaf63_dc4c_8601_ec8c)
        let big = directory.appendingPathComponent("big.log").path
        try Data((0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }).write(to: URL(fileURLWithPath: big))
        let original = try LogReader(path: big).identity
        #expect(original.prefixLength == 4096)
        let renamed = directory.appendingPathComponent("big.log.1").path
        try FileManager.default.moveItem(atPath: big, toPath: renamed)
        let moved = try LogReader(path: renamed).identity
        #expect(moved == original)
    }
}
