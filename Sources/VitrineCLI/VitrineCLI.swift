import Diagnostics

/// The `vitrine` command line: finds the command, parses its arguments, runs it, returns the exit status.
public enum VitrineCLI {
    public static let version = "0.1.0"

    /// Every command, in the order `--help` lists them. A command appears here only once it works.
    static let commands: [Command] = [
        CheckCommand.command, InitCommand.command, BuildCommand.command, SegmentsCommand.command,
        TemplateCommands.render, TemplateCommands.check, ServeCommand.command,
    ]

    public static func main(_ arguments: [String], console: Console = Console()) -> Int32 {
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
            return command.run(parsed, console).rawValue
        } catch {
            console.err(
                "vitrine \(command.spec.name): error: \(error.message)\nrun 'vitrine \(command.spec.name) --help' for usage\n"
            )
            return ExitCode.badInput.rawValue
        }
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
