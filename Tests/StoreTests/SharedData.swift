import Foundation

/// The project's shared external test data (`shared/data`), which holds files without a licence to vendor.
/// A test that needs it fails loudly when it is missing: it never skips.
enum SharedData {
    /// `$VITRINE_SHARED_DATA`, else `../shared/data` beside the repository root (or beside a folder above it, for a
    /// checkout in a subfolder).
    static var directory: String? {
        if let path = ProcessInfo.processInfo.environment["VITRINE_SHARED_DATA"] { return path }
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = url.appendingPathComponent("shared/data").path
            if FileManager.default.fileExists(atPath: candidate + "/catalogs") { return candidate }
            url.deleteLastPathComponent()
        }
        return nil
    }

    static func path(_ relative: String) throws -> String {
        guard let directory else {
            throw Missing(message: "shared test data not found: set VITRINE_SHARED_DATA to the shared/data folder")
        }
        let path = "\(directory)/\(relative)"
        guard FileManager.default.fileExists(atPath: path) else {
            throw Missing(message: "missing shared test data \(path)")
        }
        return path
    }

    struct Missing: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
