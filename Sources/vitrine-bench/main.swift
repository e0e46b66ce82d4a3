// vitrine-bench: the W1 workload generator and the release-mode benchmarks, one subcommand each.
import Foundation

#if DEBUG
    FileHandle.standardError.write(
        Data("warning: vitrine-bench is a debug build; figures mean nothing (use -c release)\n".utf8))
#endif

let subcommands: [(name: String, summary: String, run: ([String]) throws -> Int32)] = [
    ("generate", "write a deterministic store folder (W1 and smaller)", GenerateCommand.run),
    ("load", "time loading a store (orders + customers)", LoadBenchmark.run),
    ("templates", "Mustache render benchmark on the shared template workloads", TemplateBenchmark.run),
    ("segments", "time metrics, segment assignment and recommendations", SegmentBenchmark.run),
    ("publish", "time the Publishing writer: full, no-change and one-change builds", PublishBenchmark.run),
]

let arguments = Array(CommandLine.arguments.dropFirst())
guard let name = arguments.first, let command = subcommands.first(where: { $0.name == name }) else {
    var usage = "usage: vitrine-bench <command> [options]\n\ncommands:\n"
    for command in subcommands {
        usage += "  \(command.name.padding(toLength: 11, withPad: " ", startingAt: 0))\(command.summary)\n"
    }
    FileHandle.standardError.write(Data(usage.utf8))
    exit(2)
}
do {
    exit(try command.run(Array(arguments.dropFirst())))
} catch {
    FileHandle.standardError.write(Data("vitrine-bench \(name): \(error)\n".utf8))
    exit(1)
}
