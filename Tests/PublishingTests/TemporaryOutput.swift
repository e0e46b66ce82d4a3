import Foundation
import Publishing

/// A fresh OUTPUT folder for one test, and what its published tree holds.
struct TemporaryOutput {
    let path: String

    init() throws {
        path =
            FileManager.default.temporaryDirectory.appendingPathComponent("vitrine-publish-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    /// Every regular file under OUTPUT/site (through its link), by relative path, with its text.
    func site(_ tree: String = "site") throws -> [String: String] {
        let root = URL(fileURLWithPath: "\(path)/\(tree)").resolvingSymlinksInPath().path
        var files: [String: String] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return files }
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: "\(root)/\(relative)", isDirectory: &isDirectory)
            if !isDirectory.boolValue {
                files[relative] = try String(contentsOfFile: "\(root)/\(relative)", encoding: .utf8)
            }
        }
        return files
    }

    /// The generation folders and manifests that exist now.
    func generations(_ tree: String = "site") throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: "\(path)/.vitrine/\(tree)/generations").sorted()
    }

    /// Publishes `files` (path → text) as one build, each page's fingerprint made from its text, reusing where the
    /// previous build had the same fingerprint.
    @discardableResult
    func build(
        _ files: [String: String], tree: String = "site", removalScope: (@Sendable (OutputPath) -> Bool)? = nil,
        gzipLevel: Int? = nil
    ) throws -> PublishSummary {
        let publisher = try Publisher(
            output: path, tree: tree, removalScope: removalScope, durable: false, gzipLevel: gzipLevel)
        for (relative, text) in files.sorted(by: { $0.key < $1.key }) {
            let outputPath = OutputPath(relative)!
            var fingerprint = Fingerprint()
            fingerprint.add(text)
            if publisher.reuse(outputPath, fingerprint: fingerprint) { continue }
            try publisher.publish(outputPath, bytes: Array(text.utf8), fingerprint: fingerprint)
        }
        return try publisher.commit()
    }

    /// The folders under OUTPUT/site (through its link), by relative path.
    func folders(_ tree: String = "site") -> Set<String> {
        let root = URL(fileURLWithPath: "\(path)/\(tree)").resolvingSymlinksInPath().path
        var folders = Set<String>()
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: "\(root)/\(relative)", isDirectory: &isDirectory),
                isDirectory.boolValue
            {
                folders.insert(relative)
            }
        }
        return folders
    }

    /// The inode of a published file: the same number means the same file, not rewritten.
    func inode(_ relative: String, tree: String = "site") throws -> UInt64 {
        let attributes = try FileManager.default.attributesOfItem(atPath: "\(path)/\(tree)/\(relative)")
        return (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
    }
}
