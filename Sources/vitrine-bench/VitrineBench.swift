import Foundation

/// The commands of `vitrine-bench` and their dispatch: a command is one word (`load`) or two (`segments w1`); a
/// bad command line prints every problem and the usage (exit 2); `--help` prints the help generated from the
/// command's declaration.
enum VitrineBench {
    static let commands = [
        GenerateCommand.command, LoadBenchmark.command, TemplateBenchmark.command, SegmentBenchmark.w1,
        SegmentBenchmark.uci, PublishBenchmark.command,
    ]

    static var overview: String {
        var overview = "usage: vitrine-bench <command> [options]\n\ncommands:\n"
        for command in commands {
            overview += "  \(command.name.padding(toLength: 14, withPad: " ", startingAt: 0))\(command.summary)\n"
        }
        return overview + "\nvitrine-bench <command> --help describes each command's options.\n"
    }

    /// Runs the command `arguments` name; what it prints goes to stdout, problems to stderr.
    static func run(_ arguments: [String]) -> ExitCode {
        if arguments.isEmpty || arguments == ["-h"] || arguments == ["--help"] {
            print(overview, terminator: "")
            return arguments.isEmpty ? .badInput : .success
        }
        let twoWords = arguments.prefix(2).joined(separator: " ")
        guard
            let command = commands.first(where: { $0.name == twoWords })
                ?? commands.first(where: { $0.name == arguments[0] })
        else {
            let group = commands.filter { $0.name.hasPrefix(arguments[0] + " ") }.map(\.name)
            let problem =
                group.isEmpty
                ? "unknown command '\(arguments[0])'" : "\(arguments[0]) needs one of: \(group.joined(separator: ", "))"
            return fail("vitrine-bench: error: \(problem)\n\n\(overview)", .badInput)
        }
        let rest = Array(arguments.dropFirst(command.name.split(separator: " ").count))
        do {
            let parsed = try command.parse(rest)
            if parsed.wantsHelp {
                print(command.help, terminator: "")
                return .success
            }
            return try command.run(parsed)
        } catch let error as UsageError {
            let problems = error.problems.map { "vitrine-bench \(command.name): error: \($0)\n" }.joined()
            return fail(
                "\(problems)\(command.usage)\n(vitrine-bench \(command.name) --help lists every option)\n", .badInput)
        } catch let failure as BenchFailure {
            guard let message = failure.message else { return failure.exitCode }
            return fail("vitrine-bench \(command.name): error: \(message)\n", failure.exitCode)
        } catch {
            return fail("vitrine-bench \(command.name): error: \(error)\n", .failure)
        }
    }

    private static func fail(_ text: String, _ status: ExitCode) -> ExitCode {
        FileHandle.standardError.write(Data(text.utf8))
        return status
    }
}
