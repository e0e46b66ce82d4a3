import VitrineKit

/// `vitrine init DIR`
enum InitCommand {
    static let command = Command(
        spec: CommandSpec(
            name: "init", summary: "Write a new store folder from the example store (never over an existing folder).",
            positionals: [.init(name: "DIR", help: "The folder to create.", isOptional: false)]),
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) -> ExitCode {
        let destination = arguments.positionals[0]
        do {
            let files = try InitWorkflow.run(destination: destination)
            console.out("created \(destination) with \(files.count) files; try: vitrine check \(destination)\n")
            return .success
        } catch {
            console.err("vitrine init: error: \(error)\n")
            if case .destinationExists = error { return .badInput }
            return .failure
        }
    }
}
