import Diagnostics
import Foundation
import TextFormats

/// Reading the files of a store folder. A file that cannot be read is a diagnostic, not a crash.
enum SourceFiles {
    static func exists(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The file's text registered with the engine (for excerpts) and checked for invalid UTF-8; nil when it
    /// cannot be read (reported).
    static func read(_ path: String, diagnostics: inout DiagnosticEngine) -> SourceText? {
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.error("cannot read \(path): \(exists(path) ? "permission denied" : "no such file")", at: nil)
            return nil
        }
        let source = SourceText(path: path, bytes: [UInt8](data))
        diagnostics.register(source)
        UTF8Validation.check(source, diagnostics: &diagnostics)
        return source
    }
}
