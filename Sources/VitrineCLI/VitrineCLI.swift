import Diagnostics
import Foundation

/// The `vitrine` command line: finds the command, parses its arguments, runs it, returns the exit status.
public enum VitrineCLI {
    public static let version = "0.1.0"

    /// Every command, in the order `--help` lists them. A command appears here only once it works.
    static let commands: [Command] = [
        CheckCommand.command, InitCommand.command, BuildCommand.command, MailCommand.command, SendCommand.command,
        IngestCommand.command, SegmentsCommand.command, ReportCommand.command, TemplateCommands.render,
        TemplateCommands.check, ServeCommand.command,
    ]

    /// Runs a command; a failed write to stdout or stderr turns any status into a failure of the world (exit 1).
    public static func main(_ arguments: [String], console: Console = Console()) -> Int32 {
        let status = dispatch(arguments, console: console)
        guard let failure = console.outputFailure else { return status }
        if !console.readerClosedOutput { console.err("vitrine: error: \(failure)\n") }
        return ExitCode.failure.rawValue
    }

    /// The process's entry point: prepares the standard streams, runs the command, and fails when its output could
    /// not be delivered.
    public static func runProcess(_ arguments: [String]) -> Int32 {
        let closed = prepareStandardStreams()
        let console = Console()
        let status = main(arguments, console: console)
        guard !closed.isEmpty else { return status }
        // What the command printed went to /dev/null: say so where it can still be read.
        if !closed.contains("stderr") {
            console.err("vitrine: error: cannot write to \(closed.joined(separator: " and ")): it is closed\n")
        }
        return ExitCode.failure.rawValue
    }

    /// Prepares the process's standard streams: a closed pipe is an error from `write`, not a signal, and a closed
    /// descriptor 0, 1 or 2 is held by `/dev/null` so that no file the command opens can take its number. Returns
    /// the streams that were closed (their output cannot be delivered: the command fails with exit 1).
    static func prepareStandardStreams() -> [String] {
        signal(SIGPIPE, SIG_IGN)
        var closed: [String] = []
        for (descriptor, name) in [(Int32(0), "stdin"), (1, "stdout"), (2, "stderr")]
        where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            let holder = open("/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY)
            if holder >= 0, holder != descriptor {
                dup2(holder, descriptor)
                close(holder)
            }
            if descriptor != 0 { closed.append(name) }
        }
        return closed
    }

    static func dispatch(_ arguments: [String], console: Console) -> Int32 {
        guard let first = arguments.first, first != "--help", first != "-h", first != "help" else {
            console.out(overview)
            return arguments.isEmpty ? ExitCode.badInput.rawValue : ExitCode.success.rawValue
        }
        if first == "--version" {
            console.out("vitrine \(version)\n")
            return ExitCode.success.rawValue
        }
        // Two-word commands (`template render`) match before one-word ones.
        let twoWords = arguments.count > 1 ? "\(first) \(arguments[1])" : ""
        let (command, rest): (Command, [String])
        if let match = commands.first(where: { $0.spec.name == twoWords }) {
            (command, rest) = (match, Array(arguments.dropFirst(2)))
        } else if let match = commands.first(where: { $0.spec.name == first }) {
            (command, rest) = (match, Array(arguments.dropFirst()))
        } else if let group = group(first) {
            return groupHelp(group, arguments: Array(arguments.dropFirst()), console: console)
        } else {
            let names = Set(commands.map { String($0.spec.name.split(separator: " ")[0]) })
            let suggestion = Spelling.suggestion(for: first, among: names)
            console.err(
                "vitrine: error: unknown command '\(first)'\(suggestion.map { "; did you mean '\($0)'?" } ?? "")\n"
                    + "run 'vitrine --help' for the list of commands\n")
            return ExitCode.badInput.rawValue
        }
        do {
            let parsed = try ArgumentParser.parse(rest, for: command.spec)
            if parsed.flag("help") {
                console.out(command.spec.help)
                return ExitCode.success.rawValue
            }
            return try command.run(parsed, console).rawValue
        } catch {
            console.err(
                "vitrine \(command.spec.name): error: \(error.message)\nrun 'vitrine \(command.spec.name) --help' for usage\n"
            )
            return ExitCode.badInput.rawValue
        }
    }

    /// The subcommands of a command group (`template`, `theme`), or nil when `word` names no group.
    static func group(_ word: String) -> [Command]? {
        let members = commands.filter { $0.spec.name.hasPrefix(word + " ") }
        return members.isEmpty ? nil : members
    }

    /// `vitrine theme --help` lists the group's subcommands (exit 0); a bare or unknown subcommand lists them on
    /// stderr (exit 2).
    static func groupHelp(_ members: [Command], arguments: [String], console: Console) -> Int32 {
        let groupName = String(members[0].spec.name.split(separator: " ")[0])
        var text = "usage: vitrine \(groupName) <subcommand> [options]\n\nsubcommands:\n"
        for command in members {
            text += "  " + command.spec.name.padding(toLength: 18, withPad: " ", startingAt: 0) + command.spec.summary
            text += "\n"
        }
        text += "\nrun 'vitrine \(groupName) <subcommand> --help' for a subcommand's options\n"
        guard let word = arguments.first, !["--help", "-h", "help"].contains(word) else {
            if arguments.isEmpty {
                console.err("vitrine \(groupName): error: missing subcommand\n\n" + text)
                return ExitCode.badInput.rawValue
            }
            console.out(text)
            return ExitCode.success.rawValue
        }
        let names = members.map { String($0.spec.name.split(separator: " ")[1]) }
        let suggestion = Spelling.suggestion(for: word, among: names)
        console.err(
            "vitrine \(groupName): error: unknown subcommand '\(word)'"
                + (suggestion.map { "; did you mean '\($0)'?" } ?? "") + "\n\n" + text)
        return ExitCode.badInput.rawValue
    }

    static var overview: String {
        var text =
            "vitrine \(version): a static, personalized storefront generator\n\nusage: vitrine <command> [options]\n\ncommands:\n"
        for command in commands {
            text +=
                "  " + command.spec.name.padding(toLength: 18, withPad: " ", startingAt: 0) + command.spec.summary
                + "\n"
        }
        text += "\nrun 'vitrine <command> --help' for a command's options\n"
        return text
    }
}
