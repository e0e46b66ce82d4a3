import Diagnostics
import Foundation
import Store

/// Test stores built from `Fixtures/base` with a case's files laid over it, in a fresh temporary folder.
enum FixtureStore {
    static let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!

    static var badCases: [String] {
        let names = try? FileManager.default.contentsOfDirectory(atPath: fixtures.appendingPathComponent("bad").path)
        return (names ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// A copy of the base store with `overlay`'s files (a folder name under `bad/`, or inline files) on top.
    static func make(overlay: String? = nil, files: [String: String] = [:]) throws -> String {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("vitrine-store-\(UUID().uuidString)").path
        let fileManager = FileManager.default
        try fileManager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let base = fixtures.appendingPathComponent("base").path
        for name in try fileManager.contentsOfDirectory(atPath: base) {
            try fileManager.copyItem(atPath: "\(base)/\(name)", toPath: "\(directory)/\(name)")
        }
        if let overlay {
            let folder = fixtures.appendingPathComponent("bad/\(overlay)").path
            for name in try fileManager.contentsOfDirectory(atPath: folder) where name != "expected.txt" {
                try? fileManager.removeItem(atPath: "\(directory)/\(name)")
                try fileManager.copyItem(atPath: "\(folder)/\(name)", toPath: "\(directory)/\(name)")
            }
        }
        for (name, text) in files {
            try Data(text.utf8).write(to: URL(fileURLWithPath: "\(directory)/\(name)"))
        }
        return directory
    }

    /// Findings as `file:line:col: severity: message` lines with paths relative to the store, notes included.
    static func lines(_ diagnostics: DiagnosticEngine, relativeTo directory: String) -> [String] {
        var lines: [String] = []
        for diagnostic in diagnostics.sorted {
            lines.append(relative(diagnostic.description, directory))
            for note in diagnostic.notes {
                lines.append(relative(Diagnostic(.note, note.message, at: note.location).description, directory))
            }
        }
        return lines
    }

    private static func relative(_ line: String, _ directory: String) -> String {
        line.replacingOccurrences(of: directory + "/", with: "")
    }
}
