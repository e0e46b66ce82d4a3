import Foundation

/// A real program run to completion for a test (gzip, zbarimg, rsvg-convert): its status and both outputs, drained
/// at once so that a child filling one pipe cannot block while the other is read.
public enum ChildProcess {
    public struct Result: Sendable {
        public var status: Int32
        public var output: [UInt8]
        public var error: [UInt8]

        public var outputText: String { String(decoding: output, as: UTF8.self) }
        public var errorText: String { String(decoding: error, as: UTF8.self) }
    }

    /// Runs `executable` (a path, or a name looked up on `PATH` through `/usr/bin/env`) with `arguments`.
    public static func run(_ executable: String, _ arguments: [String]) throws -> Result {
        let process = Process()
        if executable.hasPrefix("/") {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [executable] + arguments
        }
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        nonisolated(unsafe) var errorBytes = Data()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errorBytes = error.fileHandleForReading.readDataToEndOfFile() }
        let outputBytes = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: Array(outputBytes), error: Array(errorBytes))
    }
}
