import Evaluation
import Foundation
import VitrineKit

/// `vitrine-bench generate PROFILE DIR [options]`: writes a deterministic store folder. `W1` is the reference
/// workload of SPEC §8; `example` is the example store committed as `Catalog/`; `uci` is the UCI Online Retail
/// data set as a store.
enum GenerateCommand {
    static let usage = """
        usage: vitrine-bench generate <profile> <directory> [options]

        profiles:
          W1        the reference workload (10,000 products, 100,000 customers, 500,000 order lines)
          example   the example store committed as Catalog/ (fixed catalogue of about 60 products)
          uci       the UCI Online Retail transactions (a real UK shop, 2010-12 to 2011-05) as a store

        options:
          --seed N        random seed (default 1); the same seed writes the same bytes
          --products N    number of products (W1 only)
          --customers N   number of customers
          --orders N      number of order lines (orders.csv rows)
          --wishlists N   number of wish-list entries
          --data FILE     the UCI file (uci only; default \(OnlineRetailInput.defaultPath))
          -h, --help      show this help

        """

    enum ExitCode {
        static let success: Int32 = 0
        static let badInput: Int32 = 2
    }

    static func run(_ arguments: [String]) throws -> Int32 {
        if arguments.contains("-h") || arguments.contains("--help") {
            print(usage, terminator: "")
            return ExitCode.success
        }
        var positional: [String] = []
        var options: [String: Int] = [:]
        var dataPath: String?
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--data" {
                guard index + 1 < arguments.count else { return fail("--data needs a file") }
                dataPath = arguments[index + 1]
                index += 2
            } else if ["--seed", "--products", "--customers", "--orders", "--wishlists"].contains(argument) {
                guard index + 1 < arguments.count, let value = Int(arguments[index + 1]), value >= 0 else {
                    return fail("\(argument) needs a whole number ≥ 0")
                }
                options[argument] = value
                index += 2
            } else if argument.hasPrefix("-") {
                return fail("unknown option \(argument)")
            } else {
                positional.append(argument)
                index += 1
            }
        }
        guard positional.count == 2 else { return fail("expected a profile and a directory") }
        let (profile, directory) = (positional[0], positional[1])
        let seed = UInt64(options["--seed"] ?? 1)
        if dataPath != nil && profile.lowercased() != "uci" { return fail("--data is for the uci profile") }

        let started = ContinuousClock.now
        let store: StoreFolder
        switch profile.lowercased() {
        case "w1":
            var workload = W1Workload(seed: seed)
            if let value = options["--products"] { workload.products = value }
            if let value = options["--customers"] { workload.customers = value }
            if let value = options["--orders"] { workload.orderLines = value }
            if let value = options["--wishlists"] { workload.wishLists = value }
            guard workload.products > 0 || workload.orderLines == 0 && workload.wishLists == 0 else {
                return fail("orders and wish lists need at least one product")
            }
            store = workload.makeStore()
        case "example":
            guard options["--products"] == nil else { return fail("the example catalogue has a fixed product list") }
            var example = ExampleStore(seed: seed)
            if let value = options["--customers"] { example.customers = value }
            if let value = options["--orders"] { example.orderLines = value }
            if let value = options["--wishlists"] { example.wishLists = value }
            store = example.makeStore()
        case "uci":
            guard options.isEmpty else { return fail("the uci profile takes only --data") }
            // A damaged file is reported (every problem at its place) and nothing is written.
            guard let (data, mapping) = OnlineRetailInput.load(path: dataPath) else { return ExitCode.badInput }
            print("mapped \(mapping.rows) rows: \(mapping)")
            store = OnlineRetailFolder.makeStore(data)
        default:
            return fail("unknown profile \(profile) (W1, example or uci)")
        }
        let summary = try store.write(to: directory)
        let seconds =
            Double((ContinuousClock.now - started).components.attoseconds / 1_000_000_000_000_000) / 1000
            + Double((ContinuousClock.now - started).components.seconds)
        let megabytes = Double(summary.bytes / 10_000) / 100
        print(
            "generated \(profile) in \(directory): \(store.products.count) products, \(store.customers.count) customers, "
                + "\(store.history.orders.count) orders (\(store.history.lineProduct.count) lines), "
                + "\(store.wishLists.count) wish-list entries; \(summary.bytes) bytes (\(megabytes) MB) in "
                + "\((seconds * 100).rounded() / 100) s")
        return ExitCode.success
    }

    private static func fail(_ message: String) -> Int32 {
        FileHandle.standardError.write(Data("vitrine-bench generate: \(message)\n\n\(usage)".utf8))
        return ExitCode.badInput
    }
}
