import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Builds run in a real child process (`publishing-probe`) that is killed with SIGKILL at random moments: after every
/// kill, OUTPUT/site is exactly the previous complete build or the new one, and the next build completes.
@Suite struct KilledBuildTests {
    static let files = 3000

    /// What `publishing-probe OUTPUT n 3000` publishes (see its main.swift).
    static func expectedSite(build: Int) -> [String: String] {
        var site = ["build.txt": "\(build)\n"]
        for index in 0..<files where (index + build) % 7 != 0 {
            site["p/\(index)/index.html"] =
                index % 3 == 0 ? "page \(index) of build \(build)\n" : "page \(index), the same in every build\n"
        }
        return site
    }

    static var probe: String {
        var directory = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("publishing-probe").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        return "publishing-probe"
    }

    static func start(_ output: String, build: Int) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: probe)
        process.arguments = [output, "\(build)", "\(files)"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test func aBuildKilledAtAnyMomentLeavesTheLastCompleteSite() throws {
        let output = try TemporaryOutput()
        defer { output.remove() }
        let clock = ContinuousClock()
        let first = try Self.start(output.path, build: 1)
        let elapsed = clock.measure { first.waitUntilExit() }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        #expect(first.terminationStatus == 0)
        #expect(try output.site() == Self.expectedSite(build: 1))

        var published = 1
        var interrupted = 0
        for build in 2...13 {
            let delay = Double.random(in: 0...seconds * 1.2)
            let process = try Self.start(output.path, build: build)
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let site = try output.site()
            if site == Self.expectedSite(build: build) {
                published = build
            } else {
                interrupted += 1
                let previous = Self.expectedSite(build: published)
                let wrong = Set(site.keys).union(previous.keys).filter { site[$0] != previous[$0] }.sorted()
                let comment =
                    "killed after \(delay) s during build \(build): the site is neither build \(published) nor \(build);"
                    + " \(wrong.count) paths differ from build \(published), e.g. \(wrong.prefix(3))"
                #expect(wrong.isEmpty, Comment(rawValue: comment))
            }
        }
        let last = try Self.start(output.path, build: 14)
        last.waitUntilExit()
        #expect(last.terminationStatus == 0)
        #expect(try output.site() == Self.expectedSite(build: 14))
        // The published generation and its standby, each with its manifest: nothing a killed build left.
        #expect(try output.generations().count == 4)
        // At least some kills must land mid-build, or the test proves nothing.
        #expect(interrupted > 0)
    }
}
