import Foundation
import Testing

@Suite("vitrine segments, end to end")
struct SegmentsCommandTests {
    @Test("--json: every segment with its id and size; the sizes add up to the customers")
    func json() throws {
        let result = try VitrineBinary.run(["segments", "Catalog", "--json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let segments = try #require(object["segments"] as? [[String: Any]])
        #expect(
            segments.compactMap { $0["id"] as? String } == [
                "vip", "business", "lapsed", "new", "greek", "persian", "everyone",
            ])
        #expect(segments.compactMap { $0["size"] as? Int }.reduce(0, +) == 300)
    }

    @Test("the table ends with the 80/20 line; --explain names the rule that matched and explains the picks")
    func table() throws {
        let result = try VitrineBinary.run(["segments", "--store", "Catalog"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("\n80/20: the top 20% of buyers ("))
        let explain = try VitrineBinary.run(["segments", "Catalog", "--explain", "c-0001"])
        #expect(explain.status == 0)
        #expect(explain.stdout.hasPrefix("customer c-0001 is in segment "))
        #expect(explain.stdout.contains("rules tried, first match wins:"))
        // Ten picks, each with its reason.
        let picks = explain.stdout.components(separatedBy: "\npicks, best first:\n").last ?? ""
        let rows = picks.split(separator: "\n")
        #expect(rows.count == 10)
        #expect(
            rows.allSatisfy { $0.hasSuffix("(bought)") || $0.hasSuffix("(wish list)") || $0.hasSuffix("popular now") })
        let unknown = try VitrineBinary.run(["segments", "Catalog", "--explain", "c-nobody"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "vitrine segments: error: no customer \"c-nobody\" in Catalog/customers.csv\n")
    }

    @Test("rule errors are reported by check and segments at their place in segments.json")
    func ruleErrors() throws {
        let directory = try VitrineBinary.temporaryDirectory()
        _ = try VitrineBinary.run(["init", "\(directory)/shop"])
        let path = "\(directory)/shop/segments.json"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "monetary_rank <= 0.2", with: "monetary_rnk <= 0.2")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let line =
            text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("monetary_rnk") }!
            + 1
        let lineText = String(text.split(separator: "\n", omittingEmptySubsequences: false)[line - 1])
        let column = lineText.components(separatedBy: "monetary_rnk")[0].utf8.count + 1
        for command in ["check", "segments"] {
            let result = try VitrineBinary.run([command, "shop"], in: directory)
            #expect(result.status == 2)
            let headline = result.stderr.split(separator: "\n").first.map(String.init) ?? ""
            #expect(
                headline
                    == "shop/segments.json:\(line):\(column): error: unknown field 'monetary_rnk'; did you mean 'monetary_rank'?",
                "\(command)")
        }
    }

    @Test("a bad --as-of is a usage error")
    func asOf() throws {
        let result = try VitrineBinary.run(["segments", "Catalog", "--as-of", "yesterday"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("vitrine segments: error: invalid --as-of \"yesterday\""))
    }
}
