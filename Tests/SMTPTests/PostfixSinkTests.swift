import Foundation
import SMTP
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Sessions with Postfix's `smtp-sink` (Debian package postfix), which dumps each message it takes to a file.
@Suite("SMTP sessions with postfix smtp-sink", .serialized)
struct PostfixSinkTests {
    static let program = "/usr/sbin/smtp-sink"

    /// Starts smtp-sink with `options` on a free port and waits until it accepts connections.
    static func start(_ options: [String]) throws -> (Process, UInt16) {
        try #require(
            FileManager.default.isExecutableFile(atPath: program), "smtp-sink is missing: apt-get install postfix")
        let port = UInt16(try #require(LoopbackSocket.freePort(), "cannot bind 127.0.0.1:0"))
        var arguments = options
        if getuid() == 0 { arguments += ["-u", "nobody"] }
        arguments += ["127.0.0.1:\(port)", "16"]
        let sink = Process()
        sink.executableURL = URL(fileURLWithPath: program)
        sink.arguments = arguments
        try sink.run()
        // It prints nothing when ready: wait until it accepts a connection.
        for _ in 0..<100 {
            if let fd = LoopbackSocket.connect(port: Int(port)) {
                close(fd)
                return (sink, port)
            }
            usleep(50_000)
        }
        kill(sink.processIdentifier, SIGKILL)
        sink.waitUntilExit()
        throw SMTPPeer.StartFailure(description: "smtp-sink did not listen on port \(port)")
    }

    /// Our client's own pace: smtp-sink is C and keeps nothing, so the client is what limits this figure.
    @Test func twoThousandMessagesOfTwentyNineKiB() throws {
        let (sink, port) = try Self.start([])
        defer {
            kill(sink.processIdentifier, SIGKILL)
            sink.waitUntilExit()
        }
        let connection = try SMTPConnection(
            endpoint: SMTPEndpoint(host: "127.0.0.1", port: port), clientName: "client.vitrine.test",
            timeouts: SMTPTimeouts(all: .seconds(10)))
        let messages = (0..<8).map { SMTPConnectionTests.message($0 * 5 + 1, size: 29 * 1024) }
        let clock = ContinuousClock()
        let start = clock.now
        var delivered = 0
        for number in 0..<2000 {
            let delivery = try connection.send(
                from: "news@shop.example.test", to: ["r\(number)@vitrine.test"], message: messages[number % 8])
            if delivery.isDelivered { delivered += 1 }
        }
        let elapsed = clock.now - start
        connection.quit()
        #expect(delivered == 2000)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("SMTP: 2000 messages of 29 KiB, one connection to smtp-sink: \(seconds) s, \(2000 / seconds) msgs/s")
    }

    @Test(arguments: [true, false])
    func messagesArriveAsSent(pipelining: Bool) throws {
        let dumps = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-sink-\(UUID())")
        try FileManager.default.createDirectory(at: dumps, withIntermediateDirectories: true)
        // smtp-sink, run by root, drops to `nobody`, which must be able to write the dumps.
        chmod(dumps.path, 0o777)
        defer { try? FileManager.default.removeItem(at: dumps) }
        let (sink, port) = try Self.start(["-d", dumps.path + "/%M."] + (pipelining ? [] : ["-p"]))
        defer {
            kill(sink.processIdentifier, SIGKILL)
            sink.waitUntilExit()
        }
        let connection = try SMTPConnection(
            endpoint: SMTPEndpoint(host: "127.0.0.1", port: port), clientName: "client.vitrine.test",
            timeouts: SMTPTimeouts(all: .seconds(10)))
        #expect(connection.capabilities.pipelining == pipelining)
        let messages = (1...12).map { SMTPConnectionTests.message($0, size: 500 + $0 * 2500) }
        for (index, message) in messages.enumerated() {
            let delivery = try connection.send(
                from: "news@shop.example.test", to: ["r\(index)@vitrine.test"], message: message)
            #expect(delivery.accepted == ["r\(index)@vitrine.test"] && delivery.isDelivered)
        }
        connection.quit()

        // Each dump: smtp-sink's own X- records and Received header, then the message with LF line ends, then an
        // empty line.
        var received: [[UInt8]] = []
        for _ in 0..<50 {
            let names = try FileManager.default.contentsOfDirectory(atPath: dumps.path)
            if names.count == messages.count { break }
            usleep(100_000)
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: dumps.path) {
            let text = try String(contentsOf: dumps.appendingPathComponent(name), encoding: .utf8)
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            // smtp-sink offers no SIZE, so MAIL carries no SIZE= parameter.
            #expect(lines.contains("X-Mail-Args: <news@shop.example.test>"))
            let records = lines.prefix { $0.hasPrefix("X-") }.count
            lines.removeFirst(records)
            #expect(lines.first?.hasPrefix("Received: from ") == true)
            lines.removeFirst(1 + lines.dropFirst().prefix { $0.hasPrefix("\t") }.count)
            received.append(Array(lines.joined(separator: "\n").utf8))
        }
        let expected = messages.map { message in
            let crlf = SMTPConnectionTests.expectedContent(message)
            return Array(String(decoding: crlf, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n").utf8)
                + [UInt8(ascii: "\n")]
        }
        #expect(received.count == messages.count)
        let unmatched = expected.filter { !received.contains($0) }.count
        #expect(unmatched == 0, "\(unmatched) of \(messages.count) messages did not arrive as sent")
    }
}
