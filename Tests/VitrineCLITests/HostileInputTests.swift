import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// Inputs from a hostile-input probe (issue 11, item 8): each once crashed or hung the binary. Every case runs the
/// real `vitrine` with a time limit and pins the exit status and the message.
@Suite("hostile input, end to end")
struct HostileInputTests {
    /// A copy of `Catalog/` to break, in a fresh temporary folder.
    static func catalogCopy() throws -> String {
        let directory = try VitrineBinary.temporaryDirectory() + "/store"
        try FileManager.default.copyItem(atPath: VitrineBinary.packageRoot + "/Catalog", toPath: directory)
        return directory
    }

    static func append(_ text: String, to path: String) throws {
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(text.utf8))
        handle.closeFile()
    }

    /// Puts a segment with `rule` first in `segments.json`; the rule starts at column `ruleColumn` of line 1.
    static func setRule(_ rule: String, in store: String) throws {
        let path = store + "/segments.json"
        let segments = try String(contentsOfFile: path, encoding: .utf8)
        let rest = segments.drop { $0 != "[" }.dropFirst()
        try ("[{\"id\":\"deep\",\"name\":\"Deep\",\"rule\":\"\(rule)\"}," + rest).write(
            toFile: path, atomically: true, encoding: .utf8)
    }
    static let ruleColumn = 37

    /// Runs the binary and kills it after `seconds`: a hang fails the test instead of blocking the suite.
    static func run(_ arguments: [String], seconds: Double = 60) throws -> VitrineBinary.Result {
        try VitrineBinary.run(arguments, timeLimit: seconds)
    }

    @Test("quantities × prices past what a store's sums hold: exit 2 at the line, from check and segments alike")
    func spendOverflow() throws {
        let store = try Self.catalogCopy()
        try Self.append(
            "o-999901,c-0015,2024-11-13T09:27:39Z,p-054,1000000,92233720368547758.07,,\n", to: store + "/orders.csv")
        for command in ["check", "segments"] {
            let result = try Self.run([command, store])
            #expect(result.status == 2, "\(command): \(result.stderr)")
            #expect(
                result.stderr.hasPrefix(
                    "\(store)/orders.csv:2002:52: error: quantity × unit price is more than 10000000000000.00"))
        }
        // Lines each within the bound whose sum is not.
        let sum = try Self.catalogCopy()
        for index in 1...3 {
            try Self.append(
                "o-99990\(index),c-0015,2024-11-13T09:27:39Z,p-054,1000,9000000000.00,,\n", to: sum + "/orders.csv")
        }
        let result = try Self.run(["segments", sum])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("\(sum)/orders.csv:2003:49: error: the completed orders add up to more than"))
    }

    @Test("--as-of before every order: no trap; orders after the day are left out")
    func asOfBeforeOrders() throws {
        let result = try Self.run(["segments", "Catalog", "--as-of", "2000-01-01", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let segments = try #require(object["segments"] as? [[String: Any]])
        #expect(segments.allSatisfy { ($0["revenue"] as? String ?? "\($0["revenue"] ?? "")").hasPrefix("0") })
    }

    @Test(
        "rules of 50,000 'or's, 20,000 parentheses or 50,000 'not's: an error at the token past the depth limit",
        arguments: [
            // The 255th 'or' makes the chain's tree 257 levels tall (a comparison is two).
            (String(repeating: "orders > 1 or ", count: 50_000) + "true", 254 * 14 + 11),
            (String(repeating: "(", count: 20_000) + "true" + String(repeating: ")", count: 20_000), 256),
            (String(repeating: "not ", count: 50_000) + "true", 256 * 4),
        ])
    func deepRules(rule: String, offset: Int) throws {
        let store = try Self.catalogCopy()
        try Self.setRule(rule, in: store)
        for command in ["check", "segments"] {
            let result = try Self.run([command, store])
            #expect(result.status == 2, "\(command): \(result.stderr.prefix(500))")
            let first = result.stderr.split(separator: "\n").first.map(String.init) ?? ""
            #expect(
                first.hasPrefix(
                    "\(store)/segments.json:1:\(Self.ruleColumn + offset): error: the rule nests more than 256 levels deep"
                ))
        }
    }

    @Test("a FIFO, a folder or a device in place of products.csv: exit 1 at once, with the reason")
    func notRegularFiles() throws {
        let fifo = try Self.catalogCopy()
        try FileManager.default.removeItem(atPath: fifo + "/products.csv")
        #expect(mkfifo(fifo + "/products.csv", 0o644) == 0)
        let blocked = try Self.run(["check", fifo], seconds: 20)
        #expect(blocked.status == 1)
        #expect(
            blocked.stderr.contains("error: cannot read \(fifo)/products.csv: it is a pipe (FIFO), not a regular file"))

        let folder = try Self.catalogCopy()
        try FileManager.default.removeItem(atPath: folder + "/products.csv")
        try FileManager.default.createDirectory(atPath: folder + "/products.csv", withIntermediateDirectories: false)
        let isFolder = try Self.run(["check", folder], seconds: 20)
        #expect(isFolder.status == 1)
        #expect(isFolder.stderr.contains("error: cannot read \(folder)/products.csv: Is a directory"))

        let device = try Self.catalogCopy()
        try FileManager.default.removeItem(atPath: device + "/orders.csv")
        try FileManager.default.createSymbolicLink(atPath: device + "/orders.csv", withDestinationPath: "/dev/zero")
        let isDevice = try Self.run(["segments", device], seconds: 20)
        #expect(isDevice.status == 1)
        #expect(isDevice.stderr.contains("error: cannot read \(device)/orders.csv: it is a device, not a regular file"))

        // Root reads whatever the mode says.
        if geteuid() != 0 {
            let denied = try Self.catalogCopy()
            #expect(chmod(denied + "/customers.csv", 0) == 0)
            let result = try Self.run(["check", denied], seconds: 20)
            #expect(result.status == 1)
            #expect(result.stderr.contains("error: cannot read \(denied)/customers.csv: Permission denied"))
        }
    }

    @Test("an error on a 30 MB line prints a window of it, and control bytes are escaped")
    func longLineAndControlBytes() throws {
        let store = try Self.catalogCopy()
        let long = String(repeating: "x", count: 30_000_000)
        try Self.append("o-999901,c-0015,2024-11-13T09:27:39Z,p-054,0,16.60,\(long),\n", to: store + "/orders.csv")
        try Self.append(
            "o-999902,\"c-\u{1B}[31m\u{07}\r\u{0}\",2024-11-13T09:27:39Z,p-054,1,16.60,,\n", to: store + "/orders.csv")
        let result = try Self.run(["check", store], seconds: 60)
        #expect(result.status == 2)
        #expect(result.stderr.utf8.count < 2_000, "\(result.stderr.prefix(2_000))")
        #expect(!result.stderr.utf8.contains { $0 < 0x20 && $0 != UInt8(ascii: "\n") })
        #expect(result.stderr.contains(#"error: unknown customer id "c-\x1B[31m\x07\x0D\x00""#))
    }

    @Test("80,000 bad order lines and 30,000 unknown columns: linear, a few of each kind and how many more")
    func manyDiagnostics() throws {
        let store = try Self.catalogCopy()
        var lines = ""
        for index in 0..<80_000 { lines += "o-9\(index),c-nobody,2024-11-13T09:27:39Z,p-054,1,16.60,,\n" }
        try Self.append(lines, to: store + "/orders.csv")
        let start = Date()
        let result = try Self.run(["check", store], seconds: 60)
        #expect(Date().timeIntervalSince(start) < 20)
        #expect(result.status == 2)
        #expect(result.stderr.contains("note: 79900 more errors like this in \(store)/orders.csv"))
        #expect(result.stdout.contains("80000 errors"))

        let columns = try Self.catalogCopy()
        let header = (0..<30_000).map { "extra\($0)" }.joined(separator: ",")
        let wishlists = try String(contentsOfFile: columns + "/wishlists.csv", encoding: .utf8)
        let first = try #require(wishlists.firstIndex(of: "\n"))
        try (wishlists[..<first] + "," + header + "\n").write(
            toFile: columns + "/wishlists.csv", atomically: true, encoding: .utf8)
        let wide = try Self.run(["check", columns], seconds: 60)
        #expect(wide.status == 0)
        #expect(wide.stderr.contains("note: 29900 more warnings like this in \(columns)/wishlists.csv"))
    }
}
