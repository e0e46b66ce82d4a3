import Foundation
import Testing

@testable import Store

@Suite("Reading store files")
struct SourceFilesTests {
    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("vitrine-read-\(UUID().uuidString)").path
    }

    @Test("files are read whole, byte for byte, at any size")
    func wholeFiles() throws {
        for size in [0, 1, 4095, 4096, 65_537, 3_000_001] {
            let path = Self.temporaryPath()
            defer { try? FileManager.default.removeItem(atPath: path) }
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            #expect(SourceFiles.contents(path) == .success(bytes), "size \(size)")
        }
    }

    @Test("a missing file, a folder and a device are reported, not read")
    func unreadable() throws {
        let folder = Self.temporaryPath()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(SourceFiles.contents("\(folder)/missing.csv") == .failure(.init(message: "No such file or directory")))
        #expect(
            SourceFiles.contents("\(folder)/missing/orders.csv")
                == .failure(.init(message: "No such file or directory")))
        #expect(SourceFiles.contents(folder) == .failure(.init(message: "Is a directory")))
        #expect(SourceFiles.contents("/dev/null") == .failure(.init(message: "it is a device, not a regular file")))

        let store = try FixtureStore.make()
        try FileManager.default.removeItem(atPath: "\(store)/orders.csv")
        try FileManager.default.createDirectory(atPath: "\(store)/orders.csv", withIntermediateDirectories: false)
        let (_, diagnostics) = StoreLoader.load(directory: store)
        #expect(
            diagnostics.diagnostics.map(\.description).contains(
                "error: cannot read \(store)/orders.csv: Is a directory"))
    }
}
