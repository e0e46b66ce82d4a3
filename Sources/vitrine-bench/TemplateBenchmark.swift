// `vitrine-bench templates listing|page`: renders the shared storefront workloads (bench/templates in the
// shared folder: a 48-card listing and a product page) with vitrine's Mustache engine, the way the peer
// harness times swift-mustache: parse once, one untimed render (dumped with --dump), then a timed loop.
import Diagnostics
import Foundation
import Mustache
import VitrineKit

enum TemplateBenchmark {
    static let command = BenchCommand(
        name: "templates", summary: "Mustache render benchmark on the shared template workloads",
        positionals: [
            .init(
                name: "WORKLOAD", help: "a 48-card listing or a product page (default listing)",
                choices: ["listing", "page"], isOptional: true)
        ],
        options: [
            .count("iterations", "timed renders (default 20,000)", in: 1...Int.max),
            .number("max-seconds", "stop the timed loop after this long (default 60)", in: 1e-3...1e9, valueName: "S"),
            .path("data", "DIR", "the workloads' data (default \(SharedData.templates)/data)"),
            .path("templates", "DIR", "the workloads' templates (default \(SharedData.templates)/templates)"),
            .path("dump", "FILE", "write the first render there"),
        ], run: run)

    static func run(_ arguments: ParsedArguments) throws -> ExitCode {
        let workload = arguments.positionals.first?.lowercased() ?? "listing"
        let iterations = arguments.count("iterations", default: 20_000)
        let maxSeconds = arguments.number("max-seconds", default: 60.0)
        let dataDirectory = arguments.text("data") ?? SharedData.templates + "/data"
        let templateDirectory = arguments.text("templates") ?? SharedData.templates + "/templates"
        let dump = arguments.text("dump")
        for directory in [dataDirectory, templateDirectory] {
            if let message = SharedData.missing(directory, advice: SharedData.templatesAdvice) {
                throw BenchFailure.failure(message)
            }
        }

        // The peers' layout: templates/mustache/{card,listing,page}.mustache and data/{listing,page}.json.
        var diagnostics = DiagnosticEngine()
        let library = ThemeLoader.library(directories: [templateDirectory + "/mustache"], diagnostics: &diagnostics)
        let dataPath = "\(dataDirectory)/\(workload).json"
        var context = MustacheValue.null
        if let bytes = FileManager.default.contents(atPath: dataPath) {
            switch MustacheValue.parseJSON(SourceText(path: dataPath, bytes: [UInt8](bytes))) {
            case .success(let value): context = value
            case .failure(let error): diagnostics.merge(error.diagnostics)
            }
        } else {
            diagnostics.error("cannot read \(dataPath)", at: nil)
        }
        guard !diagnostics.hasErrors, let template = library[workload] else {
            FileHandle.standardError.write(Data(DiagnosticPrinter().render(diagnostics).utf8))
            if library[workload] == nil { FileHandle.standardError.write(Data("no template \(workload)\n".utf8)) }
            return .failure
        }

        var output: [UInt8] = []
        let problems = template.render(context, library: library, into: &output)
        guard problems.isEmpty else {
            for problem in problems { FileHandle.standardError.write(Data("\(problem)\n".utf8)) }
            return .failure
        }
        if let dump { try Data(output).write(to: URL(fileURLWithPath: dump)) }

        var bytes = 0
        var checksum: UInt64 = 0
        var count = 0
        let clock = ContinuousClock()
        let start = clock.now
        var elapsed = 0.0
        while count < iterations {
            output.removeAll(keepingCapacity: true)
            template.render(context, library: library, into: &output)
            bytes &+= output.count
            checksum &+= UInt64(output[output.count / 2])  // keeps the optimizer from skipping the work
            count += 1
            if count & 15 == 0 {
                elapsed = seconds(clock.now - start)
                if elapsed > maxSeconds { break }
            }
        }
        elapsed = seconds(clock.now - start)
        let perRender = Double(bytes) / Double(count)
        print(
            String(
                format: "RESULT\tvitrine\t%@\t%d\t%.3f\t%.1f\t%.0f\t%.1f\t%.1f", workload, count, elapsed,
                Double(count) / elapsed, perRender, Double(bytes) / elapsed / 1_000_000, Measure.peakRSSMiB()))
        FileHandle.standardError.write(
            Data(
                String(
                    format: "vitrine %@: %d renders in %.2f s = %.0f renders/s, %.1f MB/s, %.0f bytes/render,"
                        + " peak RSS %.1f MiB (checksum %llu)\n", workload, count, elapsed, Double(count) / elapsed,
                    Double(bytes) / elapsed / 1_000_000, perRender, Measure.peakRSSMiB(), checksum
                ).utf8))
        return .success
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}
