import Foundation
import Testing

/// The coupon page's barcode, as it is in the page, read by a real scanner: rasterised by librsvg's `rsvg-convert`,
/// read by ZBar's `zbarimg` (Debian: `librsvg2-bin`, `zbar-tools`; without them the test fails and says so).
@Suite("personal pages: the coupon barcode read by ZBar")
struct CouponScanTests {
    @Test func zbarReadsTheCodeOffTheCouponPage() throws {
        let store = try PersonalStore()
        #expect(store.build().summary != nil)
        let (_, page) = try #require(store.page("k/", containing: "id=\"coupon-code\"", in: store.files()))
        let code = String(try #require(page.firstMatch(of: /id="coupon-code" dir="ltr">([^<]+)</)).1)
        let svg = String(try #require(page.firstMatch(of: /<svg xmlns="http:\/\/www.w3.org\/2000\/svg".*?<\/svg>/)).0)
        guard let rsvg = Self.tool("rsvg-convert"), let zbarimg = Self.tool("zbarimg") else {
            Issue.record("rsvg-convert or zbarimg is missing: install the Debian packages librsvg2-bin and zbar-tools")
            return
        }
        let svgPath = store.output + "/coupon.svg"
        let pngPath = store.output + "/coupon.png"
        try svg.write(toFile: svgPath, atomically: true, encoding: .utf8)
        #expect(try Self.run(rsvg, ["--zoom", "3", "--output", pngPath, svgPath]).status == 0)
        let scan = try Self.run(zbarimg, ["--quiet", "--raw", "-Sdisable", "-Scode128.enable", pngPath])
        #expect(scan.status == 0)
        #expect(scan.output == code + "\n")
    }

    static func tool(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: bytes, as: UTF8.self))
    }
}
