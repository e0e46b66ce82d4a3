import EventStore
import Foundation

/// A fresh store folder for one test, with the state file's path, removed by the test.
struct StateFolder {
    let folder: String
    var state: String { folder + "/state.sqlite" }

    init() throws {
        folder =
            FileManager.default.temporaryDirectory.appendingPathComponent("vitrine-state-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }

    /// The probe executable built beside the test bundle.
    static var probe: String {
        var directory = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("eventstore-probe").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        return "eventstore-probe"
    }
}
