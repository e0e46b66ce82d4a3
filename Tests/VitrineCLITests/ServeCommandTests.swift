import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct ServeCommandTests {
    @Test func servePrintsTheURLAndServesTheSiteWithAnAccessLog() throws {
        let output = try VitrineBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: output) }
        try FileManager.default.createDirectory(atPath: "\(output)/site/p", withIntermediateDirectories: true)
        try "<h1>shop</h1>".write(toFile: "\(output)/site/index.html", atomically: false, encoding: .utf8)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: VitrineBinary.executable)
        process.arguments = ["serve", "--output", output, "--port", "0"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        defer {
            // SIGKILL: the test runner's blocked signal mask is inherited, so SIGTERM may never arrive.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        var printed = ""
        while !printed.contains("\n") {
            let data = out.fileHandleForReading.availableData
            if data.isEmpty { break }
            printed += String(decoding: data, as: UTF8.self)
        }
        let port = try #require(printed.firstMatch(of: /http:\/\/127\.0\.0\.1:(\d+)\//).flatMap { Int($0.1) })
        let response = try #require(get(port: port))
        #expect(response.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(response.hasSuffix("\r\n\r\n<h1>shop</h1>"))
        let log = try String(contentsOfFile: "\(output)/logs/access.log", encoding: .utf8)
        #expect(log.hasPrefix("127.0.0.1 - - ["))
        #expect(log.contains("\"GET / HTTP/1.1\" 200 13 "))
    }

    @Test func serveWithoutASiteFails() throws {
        let output = try VitrineBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let result = try VitrineBinary.run(["serve", "--output", output, "--port", "0"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("nothing to serve: \(output)/site does not exist; run 'vitrine build' first"))
        #expect(try VitrineBinary.run(["serve", "--port", "http"]).status == 2)
    }

    /// `GET /` over a socket to 127.0.0.1:`port`; the whole response, read until the server closes.
    private func get(port: Int) -> String? {
        guard let fd = LoopbackSocket.connect(port: port) else { return nil }
        defer { close(fd) }
        let request = Array("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
        var response: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            response += chunk[..<count]
        }
        return String(decoding: response, as: UTF8.self)
    }
}
