import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The aiosmtpd peer of `Fixtures/smtp_peer.py`, on 127.0.0.1 and a free port, stopped when the value goes away.
public final class SMTPPeer {
    public let port: UInt16
    public let saveDirectory: URL?
    private let process: Process

    public struct StartFailure: Error, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }

    /// Starts the peer with `options` (see the script's docstring); `saving` adds a fresh `--save-dir`.
    public init(_ options: [String] = [], saving: Bool = false) throws {
        guard let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            throw StartFailure(description: "the Fixtures resource is missing")
        }
        var arguments = ["python3", fixtures.appendingPathComponent("smtp_peer.py").path] + options
        if saving {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-peer-\(UUID())")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            arguments += ["--save-dir", directory.path]
            saveDirectory = directory
        } else {
            saveDirectory = nil
        }
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        // The first line is "PORT <n>"; an EOF before it means the peer failed (aiosmtpd missing, say): fail loudly.
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty {
                process.waitUntilExit()
                throw StartFailure(description: "smtp_peer.py exited before listening (is aiosmtpd installed?)")
            }
            line += chunk
        }
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("PORT "), let port = UInt16(text.dropFirst(5)) else {
            process.terminate()
            throw StartFailure(description: "smtp_peer.py printed \(text)")
        }
        self.port = port
    }

    deinit {
        // SIGKILL: the peer has nothing to flush (each saved message is renamed into place), and a signal mask
        // inherited from the test's thread cannot hold it back.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        if let saveDirectory { try? FileManager.default.removeItem(at: saveDirectory) }
    }

    /// A message the peer saved: its envelope and its bytes as received (after un-dot-stuffing).
    public struct Saved {
        public var from: String
        public var to: [String]
        public var mailOptions: [String]
        public var content: [UInt8]
    }

    /// Every saved message, in the order received.
    public func saved() throws -> [Saved] {
        guard let saveDirectory else { return [] }
        let names = try FileManager.default.contentsOfDirectory(atPath: saveDirectory.path)
            .filter { $0.hasSuffix(".eml") }.sorted()
        return try names.map { name in
            let bytes = try [UInt8](Data(contentsOf: saveDirectory.appendingPathComponent(name)))
            let newline = bytes.firstIndex(of: UInt8(ascii: "\n"))!
            let envelope = try JSONSerialization.jsonObject(with: Data(bytes[..<newline])) as! [String: Any]
            return Saved(
                from: envelope["from"] as! String, to: envelope["to"] as! [String],
                mailOptions: envelope["mail_options"] as! [String], content: Array(bytes[(newline + 1)...]))
        }
    }
}
