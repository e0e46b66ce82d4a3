import Foundation
import Testing

/// Every help text pinned whole against a golden file in `Golden/`: a changed word shows up as a diff.
/// `VITRINE_UPDATE_GOLDEN=1 swift test --filter HelpTests` rewrites them from the binary (review the diff).
@Suite("Help texts")
struct HelpTests {
    static let cases: [(arguments: [String], golden: String)] = [
        (["--help"], "help"),
        (["check", "--help"], "check"),
        (["init", "--help"], "init"),
        (["build", "--help"], "build"),
        (["mail", "--help"], "mail"),
        (["send", "--help"], "send"),
        (["serve", "--help"], "serve"),
        (["ingest", "--help"], "ingest"),
        (["segments", "--help"], "segments"),
        (["report", "--help"], "report"),
        (["template", "--help"], "template"),
        (["template", "render", "--help"], "template-render"),
        (["theme", "--help"], "theme"),
        (["theme", "check", "--help"], "theme-check"),
    ]

    static let goldenDirectory = "\(VitrineBinary.packageRoot)/Tests/VitrineCLITests/Golden"

    @Test("help is generated from the declared options and exits 0", arguments: cases.map(\.golden))
    func help(golden: String) throws {
        let arguments = Self.cases.first { $0.golden == golden }!.arguments
        let result = try VitrineBinary.run(arguments)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let path = "\(Self.goldenDirectory)/\(golden).txt"
        if ProcessInfo.processInfo.environment["VITRINE_UPDATE_GOLDEN"] == "1" {
            try result.stdout.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        #expect(
            result.stdout == expected, "vitrine \(arguments.joined(separator: " ")) differs from Golden/\(golden).txt")
    }

    @Test("a bare command or group lists what it takes and exits 2")
    func bare() throws {
        let bare = try VitrineBinary.run([])
        #expect(bare.status == 2)
        #expect(bare.stdout.hasPrefix("vitrine "))
        let group = try VitrineBinary.run(["theme"])
        #expect(group.status == 2)
        #expect(group.stderr.hasPrefix("vitrine theme: error: missing subcommand\n\nusage: vitrine theme <subcommand>"))
        #expect(group.stderr.contains("  theme check "))
        let unknown = try VitrineBinary.run(["template", "rendr"])
        #expect(unknown.status == 2)
        #expect(
            unknown.stderr.hasPrefix("vitrine template: error: unknown subcommand 'rendr'; did you mean 'render'?\n"))
    }
}
