import Foundation
import Publishing
import Testing

/// `Publisher.stamp`/`record`: a run's stamp reads back with its figures while the generation it was recorded with is
/// published as it was left; a file added or removed there, another generation, or a stamp of an older vitrine read
/// as no stamp.
@Suite struct StampTests {
    static func inputs(_ text: String) -> Fingerprint {
        var fingerprint = Fingerprint()
        fingerprint.add(text)
        return fingerprint
    }

    static let stamp = BuildStamp(
        inputs: inputs("one"), pages: 2, files: 3, figures: ["no consent": 96, "suppressed": 3, "invalid address": 0])

    @Test func aStampReadsBackWithItsFiguresWhileItsTreeIsAsItWasLeft() throws {
        let output = try TemporaryOutput()
        defer { output.remove() }
        #expect(Publisher.stamp(output: output.path, tree: "mail") == nil)
        _ = try ContentPublishTests.publish(ContentPublishTests.messages, to: output)
        try Publisher.record(Self.stamp, output: output.path, tree: "mail")
        let read = try #require(Publisher.stamp(output: output.path, tree: "mail"))
        #expect(read.inputs == Self.inputs("one").hex)
        #expect(read.pages == 2)
        #expect(read.files == 3)
        #expect(read.figures == ["no consent": 96, "suppressed": 3, "invalid address": 0])

        // A run that publishes nothing new leaves the tree, and the stamp, as they were.
        _ = try ContentPublishTests.publish(ContentPublishTests.messages, to: output)
        #expect(Publisher.stamp(output: output.path, tree: "mail") == read)

        // A file removed from the published folder: the stamp no longer describes it.
        try FileManager.default.removeItem(atPath: "\(output.path)/mail/c-1.eml")
        #expect(Publisher.stamp(output: output.path, tree: "mail") == nil)

        // Recorded again, then a file added by hand.
        try Publisher.record(Self.stamp, output: output.path, tree: "mail")
        #expect(Publisher.stamp(output: output.path, tree: "mail") != nil)
        try "x".write(toFile: "\(output.path)/mail/extra.eml", atomically: false, encoding: .utf8)
        #expect(Publisher.stamp(output: output.path, tree: "mail") == nil)

        // Recorded again, then another generation published.
        try Publisher.record(Self.stamp, output: output.path, tree: "mail")
        #expect(Publisher.stamp(output: output.path, tree: "mail") != nil)
        _ = try ContentPublishTests.publish(["c-1.eml": "Subject: one\r\n\r\nhi"], to: output)
        #expect(Publisher.stamp(output: output.path, tree: "mail") == nil)

        // Forgotten.
        try Publisher.record(Self.stamp, output: output.path, tree: "mail")
        Publisher.forgetStamp(output: output.path, tree: "mail")
        #expect(Publisher.stamp(output: output.path, tree: "mail") == nil)
    }

    @Test func aStampOfAnOlderVitrineReadsAsNone() throws {
        let output = try TemporaryOutput()
        defer { output.remove() }
        _ = try ContentPublishTests.publish(ContentPublishTests.messages, to: output)
        try "\(Self.inputs("one").hex) 2 3\n".write(
            toFile: "\(output.path)/.vitrine/mail/stamp", atomically: false, encoding: .utf8)
        #expect(Publisher.stamp(output: output.path, tree: "mail") == nil)
    }

    @Test(arguments: ["../site", "a/b", ".vitrine", ""]) func aTreeThatIsNotOneNameHasNoStamp(_ tree: String) throws {
        let output = try TemporaryOutput()
        defer { output.remove() }
        #expect(Publisher.stamp(output: output.path, tree: tree) == nil)
        try Publisher.record(Self.stamp, output: output.path, tree: tree)
        #expect(!FileManager.default.fileExists(atPath: "\(output.path)/.vitrine"))
    }
}
