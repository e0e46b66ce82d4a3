import EventStore
import Foundation
import Synchronization
import Testing
import TextFormats
import VitrineKit

/// The whole-run shortcut of `vitrine mail`: a rerun whose inputs hash the same composes nothing and touches nothing;
/// each input changed — a store file, a theme file, a suppression, the secret, the options, the published folder
/// itself — makes the next run compose again, and what it leaves equals a fresh run's output.
@Suite struct MailStampTests {
    /// A copy of the example store whose theme is a copy of the default one outside the store folder (`store.json`
    /// names it by path), with a state file holding one suppression.
    struct Fixture {
        let root: String
        var store: String { root + "/store" }
        var theme: String { root + "/theme" }
        var state: String { root + "/state.sqlite" }
        var output: String { root + "/out" }
        var tree: String { output + "/mail/winter-2026" }

        init() throws {
            root = CampaignMailTests.temporaryFolder()
            try FileManager.default.copyItem(atPath: CampaignMailTests.catalog, toPath: root + "/store")
            try FileManager.default.copyItem(
                atPath: CampaignMailTests.packageRoot + "/Themes/default", toPath: root + "/theme")
            try Self.edit(store + "/store.json") {
                $0.replacingOccurrences(of: "\"theme\": \"default\"", with: "\"theme\": \"\(root)/theme\"")
            }
            // One of the campaign's recipients bounced before the first run.
            let recipients = try CampaignMailTests.expectedAudience(campaign: "winter-2026").recipients.map(\.id)
            let bounced = try #require(recipients.first { $0 != "c-0002" })
            try EventStore(path: state).suppress(customer: bounced, reason: .bounced, at: 1_763_000_000, source: "test")
        }

        func options(output: String? = nil) -> MailWorkflow.Options {
            MailWorkflow.Options(
                store: store, output: output ?? self.output, campaign: "winter-2026", state: state, durable: false,
                environment: ["VITRINE_SECRET": CampaignMailTests.secret])
        }

        static func edit(_ path: String, _ change: (String) -> String) throws {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let edited = change(text)
            #expect(edited != text, "the edit of \(path) changed nothing")
            try edited.write(toFile: path, atomically: false, encoding: .utf8)
        }
    }

    /// A run and how many times it reported composing progress (never when the stamp holds).
    static func run(_ options: MailWorkflow.Options) throws -> (summary: MailWorkflow.Summary, progress: Int) {
        let calls = Atomic(0)
        let result = MailWorkflow.run(options) { _, _ in calls.add(1, ordering: .relaxed) }
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.diagnostics.map(\.message))")
        let summary = try #require(result.summary)
        return (summary, calls.load(ordering: .relaxed))
    }

    /// Every file of a published folder (through its link): name → bytes.
    static func contents(of folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            files[name] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
        }
        return files
    }

    /// Every file of a published folder: name → inode, modification and change time (nanoseconds).
    static func identities(of folder: String) throws -> [String: [Int]] {
        var identities: [String: [Int]] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            var status = stat()
            #expect(stat(folder + "/" + name, &status) == 0)
            identities[name] = [
                Int(status.st_ino), status.st_mtim.tv_sec * 1_000_000_000 + status.st_mtim.tv_nsec,
                status.st_ctim.tv_sec * 1_000_000_000 + status.st_ctim.tv_nsec,
            ]
        }
        return identities
    }

    @Test func aRerunWithNothingChangedComposesNothingAndTouchesNothing() throws {
        let fixture = try Fixture()
        defer { try? FileManager.default.removeItem(atPath: fixture.root) }
        let first = try Self.run(fixture.options())
        #expect(first.progress > 0)
        #expect(first.summary.written == first.summary.recipients + 1)
        #expect(first.summary.skipped["suppressed"] == 1)
        let link = try FileManager.default.destinationOfSymbolicLink(atPath: fixture.tree)
        let files = try Self.identities(of: fixture.tree)
        // The state file is not even opened: in its place, bytes that are no database, with its size and times (all
        // the fingerprint sees of it). A run that read it would fail.
        var status = stat()
        #expect(stat(fixture.state, &status) == 0)
        let stand = Data(repeating: UInt8(ascii: "*"), count: Int(status.st_size))
        try stand.write(to: URL(fileURLWithPath: fixture.state))
        let times = [status.st_atim, status.st_mtim]
        #expect(utimensat(AT_FDCWD, fixture.state, times, 0) == 0)
        let state = try FileManager.default.attributesOfItem(atPath: fixture.state)

        let again = try Self.run(fixture.options())
        #expect(again.progress == 0)
        var expected = first.summary
        expected.written = 0
        expected.unchanged = first.summary.written
        expected.bytesWritten = 0
        expected.seconds = again.summary.seconds
        #expect(again.summary == expected)
        #expect(
            again.summary.renderedLines(output: "Out").split(separator: "\n").first
                == first.summary.renderedLines(output: "Out").split(separator: "\n").first)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: fixture.tree) == link)
        #expect(try Self.identities(of: fixture.tree) == files)
        let stateAfter = try FileManager.default.attributesOfItem(atPath: fixture.state)
        #expect(stateAfter[.modificationDate] as? Date == state[.modificationDate] as? Date)
        #expect(try Data(contentsOf: URL(fileURLWithPath: fixture.state)) == stand)
        #expect(!FileManager.default.fileExists(atPath: fixture.state + "-wal"))
    }

    @Test func aCampaignWithoutASendDateIsComposedOnEveryRun() throws {
        let fixture = try Fixture()
        defer { try? FileManager.default.removeItem(atPath: fixture.root) }
        try Fixture.edit(fixture.store + "/campaigns.json") {
            $0.replacingOccurrences(of: ",\n    \"send_date\": \"2026-11-20\"", with: "")
        }
        // Its Date header is the current second: no stamp can say that the folder is what a run would write.
        _ = try Self.run(fixture.options())
        #expect(try Self.run(fixture.options()).progress > 0)
        // With --as-of, the date is an input like another.
        var options = fixture.options()
        options.asOf = Timestamp(secondsSince1970: 1_763_596_800)
        #expect(try Self.run(options).progress > 0)
        #expect(try Self.run(options).progress == 0)
    }

    @Test func anOutputFolderInsideTheStoreIsNoInput() throws {
        let fixture = try Fixture()
        defer { try? FileManager.default.removeItem(atPath: fixture.root) }
        let options = fixture.options(output: fixture.store + "/Output")
        let first = try Self.run(options)
        #expect(first.progress > 0)
        let again = try Self.run(options)
        #expect(again.progress == 0)
        #expect(again.summary.unchanged == first.summary.written)
    }

    enum Change: String, CaseIterable, CustomTestStringConvertible {
        case customerFile, themeFile, suppression, secret, segment, limit, deletedMessage
        var testDescription: String { rawValue }
    }

    @Test(arguments: Change.allCases) func aChangedInputComposesAgainAsAFreshRunWould(_ change: Change) throws {
        let fixture = try Fixture()
        defer { try? FileManager.default.removeItem(atPath: fixture.root) }
        let first = try Self.run(fixture.options())
        #expect(first.progress > 0)

        var options = fixture.options()
        switch change {
        case .customerFile:
            try Fixture.edit(fixture.store + "/customers.csv") {
                $0.replacingOccurrences(of: "larsmoreau@example.net,Lars,", with: "larsmoreau@example.net,Laurent,")
            }
        case .themeFile:
            try Fixture.edit(fixture.theme + "/emails/newsletter.txt.mustache") { $0 + "\nSee you soon.\n" }
        case .suppression:
            // c-0002 is a recipient (see `.deletedMessage`) who unsubscribes.
            try EventStore(path: fixture.state).suppress(
                customer: "c-0002", reason: .unsubscribed, at: 1_763_000_100, source: "test")
        case .secret:
            options.environment = ["VITRINE_SECRET": "another-secret-for-the-stamp-tests-0123456789"]
        case .segment:
            options.segments = ["greek"]
        case .limit:
            options.limit = 5
        case .deletedMessage:
            try FileManager.default.removeItem(atPath: fixture.tree + "/c-0002.eml")
        }
        let changed = try Self.run(options)
        #expect(changed.progress > 0)
        #expect(changed.summary.written + changed.summary.removed > 0)
        if change == .deletedMessage { #expect(changed.summary.written == 1) }
        if change == .suppression {
            #expect(changed.summary.skipped["suppressed"] == first.summary.skipped["suppressed"].map { $0 + 1 })
        }

        // The run after it has nothing to do again: a new stamp was recorded.
        let again = try Self.run(options)
        #expect(again.progress == 0)
        #expect(again.summary.written == 0)
        #expect(again.summary.recipients == changed.summary.recipients)
        #expect(again.summary.skipped == changed.summary.skipped)

        // And what the folder holds is what a fresh run with the same inputs writes.
        var fresh = options
        fresh.output = fixture.root + "/fresh"
        let freshRun = try Self.run(fresh)
        #expect(freshRun.summary.recipients == changed.summary.recipients)
        #expect(freshRun.summary.written == changed.summary.written + changed.summary.unchanged)
        let published = try Self.contents(of: fixture.tree)
        let expected = try Self.contents(of: fixture.root + "/fresh/mail/winter-2026")
        #expect(Set(published.keys).symmetricDifference(expected.keys).sorted() == [])
        #expect(published.filter { expected[$0.key] != $0.value }.keys.sorted() == [])
    }
}
