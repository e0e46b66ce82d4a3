import Foundation
import TestSupport
import Testing

@testable import Barcode

/// The symbols read by a real scanner: the SVG rasterised to a PNG by librsvg's `rsvg-convert`, then read by ZBar's
/// `zbarimg`. Debian: `apt-get install zbar-tools librsvg2-bin`. Without them the test fails and says so.
@Suite("Code 128 read by ZBar")
struct ScannerTests {
    @Test(
        "zbarimg reads back the text from a PNG of the SVG",
        arguments: [
            "MELT-7KQ2X9ZP4A", "SALE2026XKCD42", "1234567890123456", "12345", "X12345", "AB1234CD", "0042",
            "vip-Zz9", "A&B<\"'> ~!", "7",
        ])
    func zbarReadsBack(text: String) throws {
        guard let rsvg = Self.tool("rsvg-convert"), let zbarimg = Self.tool("zbarimg") else {
            Issue.record(
                "rsvg-convert or zbarimg is missing: install the Debian packages librsvg2-bin and zbar-tools")
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vitrine-barcode-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let svg = folder.appendingPathComponent("code.svg").path
        let png = folder.appendingPathComponent("code.png").path
        try Code128(text).svg(.init(humanReadable: true)).write(toFile: svg, atomically: true, encoding: .utf8)

        // Three pixels a module, as a phone or a till camera sees a printed or on-screen code.
        let raster = try ChildProcess.run(rsvg, ["--zoom", "3", "--output", png, svg])
        #expect(raster.status == 0, "rsvg-convert: \(raster.errorText)")
        let scan = try ChildProcess.run(zbarimg, ["--quiet", "--raw", "-Sdisable", "-Scode128.enable", png])
        #expect(scan.status == 0, "zbarimg found no Code 128 symbol: \(scan.errorText)")
        #expect(scan.outputText == text + "\n")
    }

    static func tool(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)")
        {
            return "\(folder)/\(name)"
        }
        return nil
    }
}
