import Foundation

/// `vitrine init DIR`: a new store folder copied from the example store, written atomically (a temporary folder
/// renamed into place) and never over an existing folder.
public enum InitWorkflow {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case destinationExists(String)
        case exampleNotFound
        case io(step: String, path: String, reason: String)

        public var description: String {
            switch self {
            case .destinationExists(let path): "\(path) already exists; vitrine init never overwrites a folder"
            case .exampleNotFound:
                "cannot find the example store (a Catalog folder next to the vitrine package); set VITRINE_EXAMPLE to its path"
            case .io(let step, let path, let reason): "cannot \(step) \(path): \(reason)"
            }
        }
    }

    /// Files of the example that are state, not data: they stay behind.
    static func isState(_ name: String) -> Bool { name.hasSuffix(".sqlite") || name.contains(".sqlite-") }

    /// Copies the example store into `destination`; returns the files written (relative paths).
    public static func run(destination: String, example: String? = nil) throws(Failure) -> [String] {
        let fileManager = FileManager.default
        guard !fileManager.fileExists(atPath: destination) else { throw .destinationExists(destination) }
        guard let example = example ?? locateExample() else { throw .exampleNotFound }
        let parent = (destination as NSString).deletingLastPathComponent
        let staging =
            (parent.isEmpty ? "." : parent)
            + "/.vitrine-init-\(getpid())-\((destination as NSString).lastPathComponent)"
        var written: [String] = []
        do {
            try fileManager.createDirectory(atPath: staging, withIntermediateDirectories: true)
            let names = try fileManager.subpathsOfDirectory(atPath: example).sorted()
            for name in names where !isState(name) {
                var isDirectory: ObjCBool = false
                _ = fileManager.fileExists(atPath: "\(example)/\(name)", isDirectory: &isDirectory)
                if isDirectory.boolValue {
                    try fileManager.createDirectory(atPath: "\(staging)/\(name)", withIntermediateDirectories: true)
                } else {
                    try fileManager.copyItem(atPath: "\(example)/\(name)", toPath: "\(staging)/\(name)")
                    written.append(name)
                }
            }
            guard rename(staging, destination) == 0 else {
                let reason = String(cString: strerror(errno))
                try? fileManager.removeItem(atPath: staging)
                throw Failure.io(step: "create", path: destination, reason: reason)
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            try? fileManager.removeItem(atPath: staging)
            throw .io(step: "write", path: destination, reason: "\(error.localizedDescription)")
        }
        return written
    }

    /// The example store: `$VITRINE_EXAMPLE`, else the `Catalog` folder that ships with this binary.
    public static func locateExample() -> String? {
        ProcessInfo.processInfo.environment["VITRINE_EXAMPLE"] ?? InstalledFiles.locate("Catalog", marker: "store.json")
    }
}
