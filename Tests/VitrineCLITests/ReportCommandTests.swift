import Foundation
import Testing

@Suite("vitrine report, end to end")
struct ReportCommandTests {
    static func temporaryCopy() throws -> String {
        let folder = NSTemporaryDirectory() + "vitrine-report-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: VitrineBinary.packageRoot + "/Catalog", toPath: folder + "/store")
        try? FileManager.default.removeItem(atPath: folder + "/store/state.sqlite")
        return folder
    }

    @Test("--json prints report.json byte for byte; the summary line counts the files; a rerun writes nothing")
    func json() throws {
        let folder = try Self.temporaryCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let environment = ["VITRINE_SECRET": "cli-report-secret-0123456789-abcdefghijklmn"]
        let json = try VitrineBinary.run(
            ["report", "--store", folder + "/store", "--output", folder + "/Output", "--json"], environment: environment
        )
        #expect(json.status == 0)
        #expect(json.stderr == "")
        let written = try String(contentsOfFile: folder + "/Output/reports/report.json", encoding: .utf8)
        #expect(json.stdout == written)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(written.utf8)) as? [String: Any])
        #expect((object["campaigns"] as? [Any])?.count == 2)
        let text = try VitrineBinary.run(
            ["report", "--store", folder + "/store", "--output", folder + "/Output"], environment: environment)
        #expect(text.status == 0)
        #expect(
            text.stdout.hasPrefix(
                "\(folder)/Output/reports: 2 campaigns, 7 segment rows as of 2026-10-31; files: 0 written, "
                    + "3 unchanged, 0 removed\n  winter-2026: 0 sent, 0 opened, 0 clicked, 0 unsubscribed, 0 orders"))
        let quiet = try VitrineBinary.run(
            ["report", "--store", folder + "/store", "--output", folder + "/Output", "--quiet"],
            environment: environment)
        #expect(quiet.status == 0)
        #expect(quiet.stdout == "")
    }

    @Test("bad input exits 2 with the reason: a date, a campaign, a state file")
    func badInput() throws {
        let folder = try Self.temporaryCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let base = ["report", "--store", folder + "/store", "--output", folder + "/Output"]
        let date = try VitrineBinary.run(base + ["--as-of", "yesterday"])
        #expect(date.status == 2)
        #expect(date.stderr.hasPrefix("vitrine report: error: invalid --as-of \"yesterday\""))
        let campaign = try VitrineBinary.run(base + ["--campaign", "spring"])
        #expect(campaign.status == 2)
        #expect(campaign.stderr.contains("error: no campaign \"spring\" in campaigns.json"))
        let state = try VitrineBinary.run(base + ["--state", folder + "/missing.sqlite"])
        #expect(state.status == 2)
        #expect(state.stderr.contains("error: no state file at \(folder)/missing.sqlite"))
        // A state file that is not SQLite is a failure of the world (exit 1), named with its path.
        try "not a database, just text that is long enough to fill a header".write(
            toFile: folder + "/store/state.sqlite", atomically: false, encoding: .utf8)
        let damaged = try VitrineBinary.run(base)
        #expect(damaged.status == 1)
        #expect(damaged.stderr.contains("error: cannot read the state file: \(folder)/store/state.sqlite"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/Output/reports"))
    }
}
