import Foundation
import Testing

@Suite("vitrine check and init, end to end")
struct CheckCommandTests {
    @Test("the example store checks clean and prints its summary")
    func exampleStore() throws {
        let result = try VitrineBinary.run(["check", "Catalog"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout.contains("  products              60\n"))
        #expect(result.stdout.contains("  customers             300\n"))
        #expect(result.stdout.contains("  order lines           2000\n"))
        #expect(result.stdout.hasSuffix("Catalog: ok\n"))
    }

    @Test("--json prints the same summary as JSON")
    func json() throws {
        let result = try VitrineBinary.run(["check", "--store", "Catalog", "--json"])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(object?["ok"] as? Bool == true)
        #expect(object?["products"] as? Int == 60)
        #expect(object?["segments"] as? Int == 7)
        #expect(object?["errors"] as? Int == 0)
    }

    @Test("a bad store: every problem with its place and a caret, exit 2, nothing written")
    func badStore() throws {
        let directory = try VitrineBinary.temporaryDirectory()
        let store = "\(directory)/shop"
        _ = try VitrineBinary.run(["init", store])
        let orders = "\(store)/orders.csv"
        var text = try String(contentsOfFile: orders, encoding: .utf8)
        text += "o-bad,c-0001,2026-02-30,p-001,1,3.50,,\no-bad2,c-nobody,2026-01-03,p-001,0,3.50,,\n"
        try text.write(toFile: orders, atomically: true, encoding: .utf8)
        let lineCount = text.split(separator: "\n").count
        let before = try VitrineBinary.snapshot(directory)

        let result = try VitrineBinary.run(["check", "shop"], in: directory)
        #expect(result.status == 2)
        #expect(
            result.stderr == """
                shop/orders.csv:\(lineCount - 1):14: error: invalid order date "2026-02-30": day 30 does not exist in 2026-02
                o-bad,c-0001,2026-02-30,p-001,1,3.50,,
                             ^
                shop/orders.csv:\(lineCount):8: error: unknown customer id "c-nobody"
                o-bad2,c-nobody,2026-01-03,p-001,0,3.50,,
                       ^
                shop/orders.csv:\(lineCount):34: error: quantity 0 is out of range (1…1000000)
                o-bad2,c-nobody,2026-01-03,p-001,0,3.50,,
                                                 ^

                """)
        #expect(result.stdout.hasSuffix("shop: 3 errors\n"))
        #expect(try VitrineBinary.snapshot(directory) == before)
    }

    @Test("init copies the example and refuses to overwrite")
    func initStore() throws {
        let directory = try VitrineBinary.temporaryDirectory()
        let first = try VitrineBinary.run(["init", "\(directory)/new"])
        #expect(first.status == 0)
        #expect(first.stdout.hasPrefix("created \(directory)/new with "))
        let check = try VitrineBinary.run(["check", "\(directory)/new"])
        #expect(check.status == 0)
        #expect(FileManager.default.fileExists(atPath: "\(directory)/new/store.json"))
        let again = try VitrineBinary.run(["init", "\(directory)/new"])
        #expect(again.status == 2)
        #expect(
            again.stderr
                == "vitrine init: error: \(directory)/new already exists; vitrine init never overwrites a folder\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory)
        #expect(leftovers == ["new"], "no staging folder is left behind")
    }

    @Test("a missing store folder is one clear error")
    func missingStore() throws {
        let result = try VitrineBinary.run(["check", "/nonexistent/shop"])
        #expect(result.status == 1, "a missing folder is a failure of the world")
        #expect(result.stderr == "error: /nonexistent/shop is not a store folder: No such file or directory\n")
    }
}
