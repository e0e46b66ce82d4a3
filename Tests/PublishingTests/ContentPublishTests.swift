import Foundation
import Publishing
import Testing

/// `publish(_:content:)`: files that are their own fingerprint (mail messages), hashed once.
@Suite struct ContentPublishTests {
    static func publish(_ files: [String: String], to output: TemporaryOutput) throws -> PublishSummary {
        let publisher = try Publisher(output: output.path, tree: "mail", durable: false)
        for (relative, text) in files.sorted(by: { $0.key < $1.key }) {
            try Array(text.utf8).withUnsafeBytes { bytes in
                try publisher.publish(OutputPath(relative)!, content: bytes)
            }
        }
        return try publisher.commit()
    }

    static let messages = ["c-1.eml": "Subject: one\r\n\r\nhello", "c-2.eml": "Subject: two\r\n\r\nhej"]

    @Test func theSameBytesAreKeptWithoutANewGenerationAndAChangeWritesOnlyItself() throws {
        let output = try TemporaryOutput()
        defer { output.remove() }
        #expect(try Self.publish(Self.messages, to: output) == PublishSummary(written: 2, bytesWritten: 40))
        #expect(try output.site("mail") == Self.messages)
        let manifest = "\(output.path)/.vitrine/mail/generations/1.manifest"
        let before = try FileManager.default.attributesOfItem(atPath: manifest)[.modificationDate] as? Date

        #expect(try Self.publish(Self.messages, to: output) == PublishSummary(unchanged: 2))
        #expect(try output.generations("mail") == ["1", "1.manifest"])
        #expect(try FileManager.default.attributesOfItem(atPath: manifest)[.modificationDate] as? Date == before)

        var changed = Self.messages
        changed["c-2.eml"] = "Subject: two\r\n\r\nhallo"
        #expect(try Self.publish(changed, to: output) == PublishSummary(written: 1, unchanged: 1, bytesWritten: 21))
        #expect(try output.site("mail") == changed)
        // Generation 1 stays as the standby the next build brings up to date.
        #expect(try output.generations("mail") == ["1", "1.manifest", "2", "2.manifest"])
    }

    @Test func aTreeWrittenWithFingerprintsKeepsItsFilesWhenTheBytesAreTheSame() throws {
        let output = try TemporaryOutput()
        defer { output.remove() }
        try output.build(Self.messages, tree: "mail")
        #expect(try Self.publish(Self.messages, to: output) == PublishSummary(unchanged: 2))
        #expect(try output.generations("mail") == ["1", "1.manifest"])
        #expect(try output.site("mail") == Self.messages)
    }

    @Test func aFileRemovedFromThePublishedTreeIsWrittenAgainWithTheSameBytes() throws {
        let output = try TemporaryOutput()
        defer { output.remove() }
        _ = try Self.publish(Self.messages, to: output)
        try FileManager.default.removeItem(atPath: "\(output.path)/mail/c-2.eml")
        #expect(
            try Self.publish(Self.messages, to: output) == PublishSummary(written: 1, unchanged: 1, bytesWritten: 19))
        #expect(try output.site("mail") == Self.messages)
        #expect(try output.generations("mail") == ["1", "1.manifest", "2", "2.manifest"])
    }

    @Test func aPathPublishedTwiceIsAnError() throws {
        let output = try TemporaryOutput()
        defer { output.remove() }
        let publisher = try Publisher(output: output.path, tree: "mail", durable: false)
        let bytes = Array("x".utf8)
        try bytes.withUnsafeBytes { try publisher.publish(OutputPath("a.eml")!, content: $0) }
        #expect(throws: PublishError.self) {
            try bytes.withUnsafeBytes { try publisher.publish(OutputPath("a.eml")!, content: $0) }
        }
    }
}
