// `vitrine-bench templates listing|page`: renders the shared storefront workloads (bench/templates in the
// shared folder: a 48-card listing and a product page) with vitrine's Mustache engine, the way the peer
// harness times swift-mustache: parse once, one untimed render (dumped with --dump), then a timed loop.
import Diagnostics
import Foundation
import Mustache
import VitrineKit

enum TemplateBenchmark {
    static let usage =
        "usage: vitrine-bench templates listing|page [--iterations N] [--max-seconds S] [--data DIR]"
        + " [--templates DIR] [--dump FILE]"

    static func run(_ arguments: [String]) throws -> Int32 {
        var workload = "listing"
        var iterations = 20_000
        var maxSeconds = 60.0
        var dataDirectory = "/work/shared/bench/templates/data"
        var templateDirectory = "/work/shared/bench/templates/templates"
        var dump: String? = nil
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "listing", "page": workload = argument
            case "--iterations": iterations = Int(rest.popFirst() ?? "") ?? -1
            case "--max-seconds": maxSeconds = Double(rest.popFirst() ?? "") ?? -1
            case "--data": dataDirectory = rest.popFirst() ?? ""
            case "--templates": templateDirectory = rest.popFirst() ?? ""
            case "--dump": dump = rest.popFirst()
            default:
                FileHandle.standardError.write(Data("unknown argument \(argument)\n\(usage)\n".utf8))
                return 2
            }
        }
        guard iterations > 0, maxSeconds > 0 else {
            FileHandle.standardError.write(Data("\(usage)\n".utf8))
            return 2
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
            return 1
        }

        var output: [UInt8] = []
        let problems = template.render(context, library: library, into: &output)
        guard problems.isEmpty else {
            for problem in problems { FileHandle.standardError.write(Data("\(problem)\n".utf8)) }
            return 1
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
                Double(count) / elapsed, perRender, Double(bytes) / elapsed / 1_000_000, peakRSSMiB()))
        FileHandle.standardError.write(
            Data(
                String(
                    format: "vitrine %@: %d renders in %.2f s = %.0f renders/s, %.1f MB/s, %.0f bytes/render,"
                        + " peak RSS %.1f MiB (checksum %llu)\n", workload, count, elapsed, Double(count) / elapsed,
                    Double(bytes) / elapsed / 1_000_000, perRender, peakRSSMiB(), checksum
                ).utf8))
        return 0
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    /// Peak resident set size (VmHWM) in MiB, as the peer harness reports it.
    private static func peakRSSMiB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if fields.count >= 2, let kilobytes = Double(fields[1]) { return kilobytes / 1024 }
        }
        return -1
    }
}
