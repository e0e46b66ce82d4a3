import VitrineKit

/// `vitrine serve [--output DIR] [--port N]`
enum ServeCommand {
    static let command = Command(
        spec: CommandSpec(
            name: "serve",
            summary: "Preview OUTPUT/site on 127.0.0.1, logging requests to OUTPUT/logs/access.log.",
            options: [
                CommonOptions.output,
                .value("port", "N", "The port to listen on (0: any free port).", default: "8080"),
            ]),
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) -> ExitCode {
        let output = arguments.value("output") ?? "Output"
        guard let port = Int(arguments.value("port") ?? "8080"), (0...65535).contains(port) else {
            console.err("vitrine serve: error: --port takes a number from 0 to 65535\n")
            return .badInput
        }
        let preview: ServeWorkflow.Preview
        do {
            preview = try ServeWorkflow.start(output: output, port: port)
        } catch {
            console.err("vitrine serve: error: \(error)\n")
            return .failure
        }
        console.out("serving \(preview.root) at \(preview.url) (access log: \(preview.accessLog)); Ctrl-C stops\n")
        preview.run()
        return .success
    }
}
