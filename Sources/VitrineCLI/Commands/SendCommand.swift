import VitrineKit

/// `vitrine send CAMPAIGN --smtp HOST:PORT [--connections N] [--rate N] [--dry-run] [--force] …`
enum SendCommand {
    static let command = Command(
        spec: CommandSpec(
            name: "send",
            summary: "Hand a campaign's messages (written by vitrine mail) to an SMTP relay, each exactly once.",
            positionals: [.init(name: "CAMPAIGN", help: "The campaign's id in campaigns.json.", isOptional: false)],
            options: [
                .value("smtp", "HOST:PORT", "The relay to hand the messages to (Postfix, an ESP's submission host)."),
                CommonOptions.store, CommonOptions.output,
                .value("connections", "N", "Connections to the relay at once (default: 4)."),
                .value("rate", "N", "At most N messages per second over all connections (default: no limit)."),
                .value(
                    "retry-delay", "SECONDS",
                    "The wait after a 4xx reply, doubled after each further one (default: 60)."),
                .value("max-attempts", "N", "Tries of one message before it waits for a later run (default: 5)."),
                .value(
                    "wait", "SECONDS",
                    "How long this run keeps retrying deferred messages (default: 900); the rest wait for a later run."),
                .value(
                    "max-log-age", "HOURS",
                    "Refuse to start when the newest ingested access log is older (default: 48)."),
                .flag("force", "Send even when the newest ingested access log is older than --max-log-age."),
                .flag("dry-run", "Count what would be sent; connect to nothing and change nothing."),
                .value(
                    "state", "FILE", "The store's state file: the journal, suppressions (default: STORE/state.sqlite)."),
                CommonOptions.quiet, CommonOptions.json,
            ]),
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws(UsageError) -> ExitCode {
        guard let smtp = arguments.value("smtp") else {
            throw UsageError(message: "missing --smtp HOST:PORT: the relay to hand the messages to")
        }
        var options = SendWorkflow.Options(
            store: arguments.value("store") ?? "Catalog", output: arguments.value("output") ?? "Output",
            campaign: arguments.positionals.first ?? "", smtp: smtp)
        do {
            try options.apply(
                connections: arguments.value("connections"), rate: arguments.value("rate"),
                retryDelay: arguments.value("retry-delay"), maxAttempts: arguments.value("max-attempts"),
                wait: arguments.value("wait"), maxLogAge: arguments.value("max-log-age"))
        } catch {
            throw UsageError(message: error.message)
        }
        options.force = arguments.flag("force")
        options.dryRun = arguments.flag("dry-run")
        options.state = arguments.value("state")
        let result = SendWorkflow.run(options)
        console.print(result.diagnostics)
        guard let summary = result.summary else {
            return ExitCode(nothingDone: result.diagnostics, worldFailed: result.failed)
        }
        CommonOptions.printSummary(
            arguments, console, json: { summary.renderedJSON() }, text: { summary.renderedLine() })
        return result.failed ? .failure : .success
    }
}
