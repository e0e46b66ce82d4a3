import Foundation
import SeededRandom
import TestSupport
import Testing

@testable import MIME

/// Quoted-printable read back by CPython's decoders (`binascii.a2b_qp`, `quopri`, the `email` package), through
/// `Fixtures/decode_qp.py`, which lists its checks: random bodies built to hit every path of the encoder (literal
/// runs copied eight bytes at a time, runs of 8-bit bytes, `=`, white space at line ends and before soft breaks,
/// lines of every length around 76, bare CRs) and real ones (the theme's e-mail templates and string tables).
@Suite("quoted-printable read back by Python's decoders")
struct QuotedPrintablePythonTests {
    /// The repository's `Themes/default`, found from this file.
    static let theme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Themes/default")

    static func randomBody(_ random: inout SplitMix64) -> [UInt8] {
        let pieces = [
            " ", "  ", "\t", "=", "==", ".", "From ", "\n", "\r\n", "\r", " \n", "\t\r\n", "<td style=\"padding:0\">",
            "href=\"https://shop.example.test/p/linen-shirt/?vt=AbC-dEf_0123&utm_source=vitrine\"", "λινό πουκάμισο",
            "پیراهن کتان", "👍🏽", "é", "\u{7F}", "\u{0}", "~", "0123456789", "The quick brown fox jumps",
        ]
        var text = ""
        for _ in 0..<random.int(in: 0...400) {
            if random.chance(0.1) {
                text += String(repeating: random.pick(["a", " ", "é", "="]), count: random.int(in: 60...90))
            } else {
                text += random.chance(0.4) ? "abcdefghij".map(String.init)[random.below(10)] : random.pick(pieces)
            }
        }
        return Array(text.utf8)
    }

    static func realBodies() throws -> [[UInt8]] {
        var bodies: [[UInt8]] = []
        for path in [
            "emails/newsletter.html.mustache", "emails/newsletter.txt.mustache", "locales/el.json", "locales/fa.json",
            "locales/en.json",
        ] {
            bodies.append(Array(try Data(contentsOf: theme.appendingPathComponent(path))))
        }
        return bodies
    }

    @Test("random and real bodies decode to their input, in lines Python accepts")
    func pythonDecodes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vitrine-qp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var random = SplitMix64(seed: 2045)
        var bodies = try Self.realBodies()
        #expect(bodies.count == 5)
        for _ in 0..<200 { bodies.append(Self.randomBody(&random)) }
        for (index, body) in bodies.enumerated() {
            var encoded: [UInt8] = []
            QuotedPrintable.encode(body, into: &encoded)
            let name = String(format: "%03d", index)
            try Data(body).write(to: folder.appendingPathComponent(name + ".in"))
            try Data(encoded).write(to: folder.appendingPathComponent(name + ".qp"))
        }
        let result = try ChildProcess.run("python3", [MIMEFixtures.path + "/decode_qp.py", folder.path])
        #expect(result.status == 0, "\(result.outputText)\(result.errorText)")
        #expect(result.outputText.hasSuffix("{\"checked\": 205, \"failures\": 0}\n"), "\(result.outputText)")
    }
}
