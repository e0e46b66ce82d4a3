import Crypto
import Foundation
import Testing

/// Our digests beside the system's `sha256sum` and `openssl` on random inputs of awkward sizes.
@Suite struct SystemToolTests {
    static let sizes = [0, 1, 55, 56, 63, 64, 65, 1000, 4096, 65_537, 1_000_003]

    @Test(arguments: sizes)
    func matchesSHA256Sum(size: Int) throws {
        let input = Self.randomBytes(size)
        let output = try #require(try Self.run("sha256sum", [], input: input))
        #expect(String(output.prefix(64)) == Hex.encode(SHA256.hash(input)), "\(size) random bytes")
    }

    @Test(arguments: [0, 1, 64, 65, 1000, 65_537])
    func matchesOpenSSLHMAC(size: Int) throws {
        let key = Self.randomBytes(size % 97 + 1)
        let input = Self.randomBytes(size)
        let arguments = ["dgst", "-sha256", "-mac", "HMAC", "-macopt", "hexkey:\(Hex.encode(key))", "-r"]
        let output = try #require(try Self.run("openssl", arguments, input: input))
        #expect(String(output.prefix(64)) == Hex.encode(HMAC.authenticationCode(for: input, key: key)))
    }

    static func randomBytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    /// Runs a tool from PATH with `input` on stdin; nil (with a recorded issue) when it is not installed.
    static func run(_ tool: String, _ arguments: [String], input: [UInt8]) throws -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Write from another thread: a large input would otherwise fill the pipe while nobody reads.
        let writer = Thread {
            stdin.fileHandleForWriting.write(Data(input))
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            Issue.record("\(tool) exited with \(process.terminationStatus)")
            return nil
        }
        return String(decoding: data, as: UTF8.self)
    }
}
