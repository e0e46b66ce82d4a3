import Foundation
import Testing

/// What a new user hit on a first try (issue 11, item 7), each pinned end to end on the real binary.
@Suite("Rough edges")
struct RoughEdgeTests {
    @Test("a store given twice, differently, is an error")
    func twoStores() throws {
        let result = try VitrineBinary.run(["check", "Catalog", "--store", "Other"])
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "vitrine check: error: two stores given: 'Catalog' and --store 'Other'; give one\nrun 'vitrine check --help' for usage\n"
        )
        let same = try VitrineBinary.run(["check", "Catalog", "--store", "Catalog", "--quiet"])
        #expect(same.status == 0)
        let segments = try VitrineBinary.run(["segments", "A", "--store", "B"])
        #expect(segments.status == 2)
        #expect(segments.stderr.hasPrefix("vitrine segments: error: two stores given"))
    }

    @Test("a folder without store.json suggests vitrine init")
    func notAStore() throws {
        let directory = try VitrineBinary.temporaryDirectory()
        let result = try VitrineBinary.run(["check", directory])
        #expect(result.status != 0)
        #expect(
            result.stderr.contains(
                "note: \(directory) has no store.json; to start a new store there, run: vitrine init \(directory)\n"))
        let store = try VitrineBinary.run(["check", "Catalog", "--quiet"])
        #expect(!store.stderr.contains("vitrine init"))
    }

    @Test("an unknown format is a usage error")
    func unknownFormat() throws {
        let result = try VitrineBinary.run(["check", "--format", "xml"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("vitrine check: error: unknown format 'xml' (vitrine, woocommerce, shopify)\n"))
    }

    @Test("the segments table names every column and shows the currency")
    func segmentsHeader() throws {
        let result = try VitrineBinary.run(["segments", "Catalog"])
        #expect(result.status == 0)
        let header = result.stdout.split(separator: "\n").first.map(String.init) ?? ""
        #expect(
            header.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
                == "segment name customers % customers revenue EUR % revenue avg R avg F avg M new active at risk lapsed"
        )
    }

    @Test("stdout on a full disk is a failure of the world with the system's reason")
    func fullDisk() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else {
            Issue.record("/dev/full is missing on this machine")
            return
        }
        let result = try shell("'\(VitrineBinary.executable)' check Catalog >/dev/full")
        #expect(result.status == 1)
        #expect(result.stderr == "vitrine: error: cannot write to stdout: No space left on device\n")
    }

    @Test("a closed stdout is exit 1 with a message, not a trap")
    func closedStdout() throws {
        let result = try shell("'\(VitrineBinary.executable)' check Catalog >&-")
        #expect(result.status == 1)
        #expect(result.stderr == "vitrine: error: cannot write to stdout: it is closed\n")
        let closedBoth = try shell("'\(VitrineBinary.executable)' check Catalog >&- 2>&-")
        #expect(closedBoth.status == 1)
    }

    /// Runs a shell line in the package root: for redirections a `Process` cannot express.
    func shell(_ line: String) throws -> VitrineBinary.Result {
        try VitrineBinary.run(["-c", line], shell: true)
    }
}

extension RoughEdgeTests {
    @Test("a customer without orders has no R/F/M scores, the same in text, JSON and the docs")
    func scoresWithoutOrders() throws {
        let text = try VitrineBinary.run(["segments", "Catalog", "--explain", "c-0002"])
        #expect(text.status == 0)
        for field in ["r_score", "f_score", "m_score"] {
            #expect(text.stdout.contains("  \(field) ") && text.stdout.contains(field))
            let line = text.stdout.split(separator: "\n").first { $0.hasPrefix("  \(field) ") }
            #expect(line?.hasSuffix(" none") == true, "\(field): \(line ?? "missing")")
        }
        let json = try VitrineBinary.run(["segments", "Catalog", "--explain", "c-0002", "--json"])
        #expect(json.stdout.contains("\"r_score\": null"))
        let docs = try String(
            contentsOfFile: "\(VitrineBinary.packageRoot)/docs/customer-intelligence.md", encoding: .utf8)
        #expect(docs.contains("missing without orders, like the dates (`--explain` prints `none`, `--json` `null`"))
    }
}
