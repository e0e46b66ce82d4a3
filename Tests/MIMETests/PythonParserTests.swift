import Foundation
import SeededRandom
import TestSupport
import Testing

@testable import MIME

/// Messages read back by a real parser: CPython's `email` package (stdlib only), through
/// `Fixtures/check_messages.py`, which lists its checks.
@Suite("read back by Python's email parser")
struct PythonParserTests {
    static let names: [String] = [
        "John Doe", "Doe, John", "Zoë Ångström", "Ελένη Παπαδοπούλου", "Γιώργος Νικολάου", "مریم احمدی",
        "علی‌رضا حسینی", EncodedWordTests.longGreekName, "👨‍👩‍👧‍👦 The Smiths", "🇬🇷 Νίκος 🇮🇷",
        "Maximilian Alexander von Habsburg-Lothringen und Hohenzollern-Sigmaringen", "O'Brien", "Dr. Who",
        "Παρασκευή Αντωνοπούλου-Καραγιαννοπούλου", "عبدالرحمن حسین‌زاده خراسانی", "e\u{301}milie",
        "Say \"hi\" \\o/", " padded  name ", "a=?b?=c", String(repeating: "👩🏽‍💻", count: 9),
    ]

    static let subjects: [String] = [
        "Your weekly picks", "{first}, your picks are here — 20 % off with VIT-AB12",
        "Ελένη, οι επιλογές της εβδομάδας: λινά πουκάμισα, δρύινα τραπέζια, μάλλινα κασκόλ και κούπες",
        "مریم عزیز، پیشنهادهای این هفته: پیراهن کتان، میز بلوط، شال پشمی",
        "🎁 {first}, 👨‍👩‍👧‍👦 family deals 🇬🇷 and more",
        String(repeating: "plain words ", count: 12) + "end", "Re: =?not encoded?= a=b",
        "  spaced  out  ", "Fwd: \"quoted\" (comment) <angle> [square]; a,b", "line\u{2028}separator \u{202E}rtl",
        String(repeating: "w", count: 90) + " long word",
    ]

    static func body(_ random: inout SplitMix64, html: Bool, first: String) -> String {
        var lines: [String] = html ? ["<!doctype html><html><body><p>Hello \(first),</p>"] : ["Hello \(first),", ""]
        let specials = [
            ".", ".leading dot", "From the shop", "From", "a=b==c", "trailing spaces   ", "trailing tab\t",
            "Ωραία προσφορά: 30 %", "پیشنهاد ویژه", "✨🎁👍🏽", "=?utf-8?q?looks_encoded?=", "--=_vt_0000 not a boundary",
        ]
        for _ in 0..<random.int(in: 5...30) {
            switch random.below(4) {
            case 0: lines.append(random.pick(specials))
            case 1:
                lines.append(
                    (0..<random.int(in: 20...200)).map { _ in random.pick(["linen", "oak", "λινό", "میز", "=", "é"]) }
                        .joined(separator: random.chance(0.9) ? " " : ""))
            case 2:
                lines.append(
                    String(repeating: html ? "<td style=\"padding:0\">x</td>" : "-", count: random.int(in: 1...60)))
            default: lines.append("")
            }
        }
        if html { lines.append("</body></html>") }
        let ending = random.chance(0.5) ? "\r\n" : "\n"
        return lines.joined(separator: ending) + (random.chance(0.7) ? ending : "")
    }

    @Test("about 50 messages: no defects, exact structure, bodies and headers as meant")
    func pythonReadsBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vitrine-mime-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var random = SplitMix64(seed: 2047)
        var manifest: [[String: Any]] = []
        var output: [UInt8] = []
        for index in 0..<54 {
            let name = Self.names[index % Self.names.count]
            let first = String(name.split(separator: " ").first ?? "")
            let subject = Self.subjects[index % Self.subjects.count].replacing("{first}", with: first)
            let address = "user\(index).\(random.below(1000))@mail\(index % 3).example.test"
            let text = Self.body(&random, html: false, first: first)
            let html = Self.body(&random, html: true, first: first)
            let token = String(random.next(), radix: 36)
            let unsubscribe =
                "<https://shop.example.test/u/\(token)\(index % 2 == 0 ? "" : token + token)?one-click=1>, "
                + "<mailto:unsubscribe+\(token)@shop.example.test>"
            let date = Int64(random.int(in: 1_700_000_000...1_900_000_000))
            let replyTo: Mailbox? =
                index % 4 == 0
                ? Mailbox(displayName: "Βοήθεια", address: try MailAddress("help@shop.example.test")) : nil
            let message = MailMessage(
                from: Mailbox(
                    displayName: index % 2 == 0 ? "Vitrine Shop" : "Βιτρίνα",
                    address: try MailAddress("news@shop.example.test")),
                to: Mailbox(displayName: index % 17 == 5 ? nil : name, address: try MailAddress(address)),
                replyTo: replyTo, subject: subject, date: date, utcOffsetMinutes: [0, 120, -300, 210][index % 4],
                messageID: try MessageID(localPart: "\(index).\(token)", domain: "shop.example.test"),
                extraHeaders: [
                    try HeaderField(name: "List-Id", raw: "Weekly picks <weekly.shop.example.test>"),
                    try HeaderField(name: "List-Unsubscribe", raw: unsubscribe),
                    try HeaderField(name: "List-Unsubscribe-Post", raw: "List-Unsubscribe=One-Click"),
                    try HeaderField(name: "X-Campaign", unstructured: "Χειμώνας 2026 / winter"),
                ],
                text: Array(text.utf8), html: Array(html.utf8))
            output.removeAll(keepingCapacity: true)
            try message.write(into: &output)
            let file = String(format: "%03d.eml", index)
            try Data(output).write(to: folder.appendingPathComponent(file))
            var expected: [String: Any] = [
                "file": file, "from_name": message.from.displayName!, "from_addr": "news@shop.example.test",
                "to_name": index % 17 == 5 ? "" : name, "to_addr": address, "subject": subject, "text": text,
                "html": html, "date": date, "message_id": "\(index).\(token)@shop.example.test",
                "list_unsubscribe": unsubscribe, "list_unsubscribe_post": "List-Unsubscribe=One-Click",
            ]
            if let replyTo {
                expected["reply_to_name"] = replyTo.displayName!
                expected["reply_to_addr"] = replyTo.address.text
            }
            manifest.append(expected)
        }
        try JSONSerialization.data(withJSONObject: manifest).write(to: folder.appendingPathComponent("manifest.json"))
        let result = try ChildProcess.run("python3", [MIMEFixtures.path + "/check_messages.py", folder.path])
        #expect(result.status == 0, "\(result.outputText)\(result.errorText)")
        #expect(result.outputText.hasSuffix("{\"checked\": 54, \"failures\": 0}\n"), "\(result.outputText)")
    }
}
