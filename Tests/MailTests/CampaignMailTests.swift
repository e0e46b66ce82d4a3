import Diagnostics
import Foundation
import Segmentation
import Store
import TestSupport
import Testing
import TextFormats
import VitrineKit

/// `vitrine mail` on the example store, read back by Python's own e-mail parser: every message of the campaign
/// with both parts and every header intact, exactly the campaign's consenting audience, in each one's language.
@Suite struct CampaignMailTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let catalog = packageRoot + "/Catalog"
    static let secret = "mail-tests-secret-0123456789abcdefghijkl"
    static let checker =
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().path
        + "/Fixtures/check_campaign.py"

    static func temporaryFolder() -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("vitrine-mail-\(UUID().uuidString)")
            .path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func options(output: String, campaign: String = "winter-2026") -> MailWorkflow.Options {
        MailWorkflow.Options(
            store: catalog, output: output, campaign: campaign, state: output + "/no-state.sqlite", durable: false,
            environment: ["VITRINE_SECRET": secret])
    }

    /// What the campaign should reach, from the store and its segments (not from the mail code).
    static func expectedAudience(campaign id: String) throws -> (recipients: [Customer], segmentOf: [String: String]) {
        let (loaded, diagnostics) = StoreLoader.load(directory: catalog)
        let store = try #require(loaded)
        #expect(!diagnostics.hasErrors)
        let campaign = try #require(store.campaigns.first { $0.id == id })
        var ignored = DiagnosticEngine()
        let report = try #require(SegmentsWorkflow.run(store, asOf: campaign.sendDate, diagnostics: &ignored))
        var recipients: [Customer] = []
        var segmentOf: [String: String] = [:]
        for (index, customer) in store.customers.enumerated() {
            let segment = store.segments[Int(report.assignment.segmentOfCustomer[index])].id
            guard campaign.segments.contains(segment) else { continue }
            segmentOf[customer.id] = segment
            if customer.consentEmail, let email = customer.email, !email.isEmpty { recipients.append(customer) }
        }
        return (recipients, segmentOf)
    }

    @Test func everyMessageOfTheCampaignParsesBackWithBothPartsAndAllHeaders() throws {
        let output = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let result = MailWorkflow.run(Self.options(output: output))
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.diagnostics)")
        let summary = try #require(result.summary)
        let (recipients, segmentOf) = try Self.expectedAudience(campaign: "winter-2026")
        #expect(summary.recipients == recipients.count)
        #expect(summary.recipients > 100)
        #expect(summary.skipped["no consent"] == segmentOf.count - recipients.count)
        #expect(summary.written == recipients.count + 1)  // and the manifest

        let (loaded, _) = StoreLoader.load(directory: Self.catalog)
        let store = try #require(loaded)
        let campaign = try #require(store.campaigns.first { $0.id == "winter-2026" })
        var expected: [String: Any] = [
            "sender": store.settings.sender.address, "list_id": "<newsletter.shop.example.com>",
        ]
        var wanted: [String: Any] = [:]
        for customer in recipients {
            wanted[customer.id] = [
                "address": customer.email ?? "", "name": customer.firstName + " " + customer.lastName,
                "first_name": customer.firstName,
                "locale": Self.locale(of: customer, segmentOf: segmentOf, store: store),
                "subject": campaign.subject[Self.locale(of: customer, segmentOf: segmentOf, store: store)] ?? "",
                "tracking": customer.consentTracking,
            ]
        }
        expected["recipients"] = wanted
        let expectedPath = output + "/expected.json"
        try JSONSerialization.data(withJSONObject: expected).write(to: URL(fileURLWithPath: expectedPath))
        let check = try ChildProcess.run("python3", [Self.checker, output + "/mail/winter-2026", expectedPath])
        #expect(check.status == 0, "\(check.errorText)")
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(check.output)) as? [String: Any], "\(check.outputText)")
        #expect((report["problems"] as? [String]) == [], "\(report["problems"] ?? "")")
        let counts = try #require(report["counts"] as? [String: Int])
        #expect(counts["messages"] == recipients.count)
        #expect(counts["pixels"] == recipients.filter(\.consentTracking).count)
        #expect((counts["rtl"] ?? 0) > 0)
        #expect((counts["encoded_words"] ?? 0) > 0)
    }

    /// The language a customer's message is in: their own when the store has it, else their segment's, else the
    /// store's default.
    static func locale(of customer: Customer, segmentOf: [String: String], store: LoadedStore) -> String {
        if store.settings.locales.contains(customer.locale) { return customer.locale }
        let segment = store.segments.first { $0.id == segmentOf[customer.id] }
        return segment?.locale ?? store.settings.defaultLocale
    }

    @Test func aSecondRunWritesNothing() throws {
        let output = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let first = try #require(MailWorkflow.run(Self.options(output: output)).summary)
        let second = try #require(MailWorkflow.run(Self.options(output: output)).summary)
        #expect(second.written == 0)
        #expect(second.unchanged == first.written)
        #expect(second.recipients == first.recipients)
    }

    @Test func segmentAndLimitNarrowTheBatch() throws {
        let output = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: output) }
        var options = Self.options(output: output)
        options.segments = ["greek"]
        options.limit = 3
        let summary = try #require(MailWorkflow.run(options).summary)
        #expect(summary.recipients == 3)
        let manifest = try String(contentsOfFile: output + "/mail/winter-2026/manifest.csv", encoding: .utf8)
        let rows = manifest.split(separator: "\n").dropFirst()
        #expect(rows.count == 3)
        #expect(rows.allSatisfy { $0.split(separator: ",")[1] == "greek" })
    }

    @Test func unknownCampaignAndSegmentAreErrors() throws {
        let output = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let unknown = MailWorkflow.run(Self.options(output: output, campaign: "winter-2062"))
        #expect(unknown.summary == nil)
        #expect(unknown.diagnostics.diagnostics.map(\.message).contains { $0.contains("winter-2026") })
        var options = Self.options(output: output)
        options.segments = ["lapsed"]
        let wrong = MailWorkflow.run(options)
        #expect(wrong.summary == nil)
        #expect(
            wrong.diagnostics.diagnostics.map(\.message)
                == [
                    "campaign \"winter-2026\" does not go to segment \"lapsed\" (its segments: vip, business, new, greek, persian, everyone)"
                ])
        #expect(!FileManager.default.fileExists(atPath: output + "/mail/winter-2026"))
    }

    @Test func withoutASecretNothingIsWritten() throws {
        let output = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: output) }
        var options = Self.options(output: output)
        options.environment = [:]
        let result = MailWorkflow.run(options)
        #expect(result.summary == nil)
        #expect(result.diagnostics.diagnostics.map(\.message).contains { $0.contains("VITRINE_SECRET") })
        #expect(!FileManager.default.fileExists(atPath: output + "/mail"))
    }
}

/// No field of the store reaches the wire as a header or a line of its own: controls are refused where the store is
/// loaded, and what is allowed (a line separator, a "Bcc:" in a name) travels inside an encoded word.
@Suite struct HeaderInjectionTests {
    /// A copy of the example store with `edit` applied to customers.csv and campaigns.json.
    static func store(customers: (String) -> String = { $0 }, campaigns: (String) -> String = { $0 }) throws -> String {
        let folder = CampaignMailTests.temporaryFolder() + "/store"
        try FileManager.default.copyItem(atPath: CampaignMailTests.catalog, toPath: folder)
        for file in ["customers.csv", "campaigns.json"] {
            let path = folder + "/" + file
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let edited = file == "customers.csv" ? customers(text) : campaigns(text)
            try edited.write(toFile: path, atomically: true, encoding: .utf8)
        }
        return folder
    }

    static func run(_ store: String) -> MailWorkflow.Result {
        MailWorkflow.run(
            MailWorkflow.Options(
                store: store, output: store + "/../out", campaign: "winter-2026", state: store + "/../none.sqlite",
                durable: false, environment: ["VITRINE_SECRET": CampaignMailTests.secret]))
    }

    @Test func aLineBreakInAnAddressOrASubjectIsRefusedWhereTheStoreIsLoaded() throws {
        let address = try Self.store(customers: {
            $0.replacingOccurrences(
                of: "larsmoreau@example.net", with: "\"larsmoreau@example.net\r\nBcc: victim@example.org\"")
        })
        let refused = Self.run(address)
        #expect(refused.summary == nil)
        #expect(refused.diagnostics.diagnostics.map(\.message).contains("invalid e-mail address"))
        let subject = try Self.store(campaigns: {
            $0.replacingOccurrences(
                of: "\"Winter herbs and new handmade mugs are here\"",
                with: "\"Winter herbs\\r\\nBcc: victim@example.org\"")
        })
        let again = Self.run(subject)
        #expect(again.summary == nil)
        #expect(!FileManager.default.fileExists(atPath: subject + "/../out/mail"))
    }

    @Test func aNameThatLooksLikeAHeaderStaysInsideAnEncodedWord() throws {
        let store = try Self.store(customers: {
            $0.replacingOccurrences(of: ",Lars,Moreau,", with: ",Lars\u{2028}Bcc: victim@example.org,Moreau,")
        })
        let result = Self.run(store)
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.diagnostics)")
        let message = try String(contentsOfFile: store + "/../out/mail/winter-2026/c-0002.eml", encoding: .utf8)
        let head = message.components(separatedBy: "\r\n\r\n")[0]
        #expect(!head.lowercased().contains("bcc:"))
        #expect(head.contains("To: =?utf-8?"))
        // Nowhere does a line begin with it, in the head or the bodies (U+2028 is not a MIME line break).
        #expect(!message.components(separatedBy: "\r\n").contains { $0.lowercased().hasPrefix("bcc:") })
    }
}
