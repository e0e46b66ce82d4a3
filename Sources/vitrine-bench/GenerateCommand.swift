import Evaluation
import Foundation
import VitrineKit

/// `vitrine-bench generate PROFILE DIR [options]`: writes a deterministic store folder. `W1` is the reference
/// workload of SPEC §8; `example` is the example store committed as `Catalog/`; `uci` is the UCI Online Retail
/// data set as a store.
enum GenerateCommand {
    static let command = BenchCommand(
        name: "generate", summary: "write a deterministic store folder (W1 and smaller)",
        positionals: [
            .init(
                name: "PROFILE",
                help: "W1: the reference workload (10,000 products, 100,000 customers, 500,000 order lines); "
                    + "example: the store committed as Catalog/; uci: the UCI Online Retail transactions as a store",
                choices: ["W1", "example", "uci"]),
            .init(name: "DIRECTORY", help: "where the store folder is written"),
        ],
        options: [
            .count("seed", "random seed (default 1); the same seed writes the same bytes"),
            .count("products", "number of products (W1 only)"),
            .count("customers", "number of customers"),
            .count("orders", "number of order lines (orders.csv rows)"),
            .count("wishlists", "number of wish-list entries"),
            .path("data", "FILE", "the UCI file (uci only; default \(SharedData.transactions))"),
        ], run: run)

    static func run(_ arguments: ParsedArguments) throws -> ExitCode {
        let (profile, directory) = (arguments.positionals[0], arguments.positionals[1])
        let seed = UInt64(arguments.count("seed", default: 1))
        let sizes = ["products", "customers", "orders", "wishlists"].filter { arguments.text($0) != nil }
        if arguments.text("data") != nil && profile.lowercased() != "uci" {
            throw UsageError(problems: ["--data is for the uci profile"])
        }

        let started = ContinuousClock.now
        let store: StoreFolder
        switch profile.lowercased() {
        case "w1":
            let workload = try w1Workload(arguments)
            store = workload.makeStore()
        case "example":
            guard !sizes.contains("products") else {
                throw UsageError(problems: ["the example catalogue has a fixed product list"])
            }
            var example = ExampleStore(seed: seed)
            example.customers = arguments.count("customers", default: example.customers)
            example.orderLines = arguments.count("orders", default: example.orderLines)
            example.wishLists = arguments.count("wishlists", default: example.wishLists)
            store = example.makeStore()
        case "uci":
            guard sizes.isEmpty && arguments.text("seed") == nil else {
                throw UsageError(problems: ["the uci profile takes only --data"])
            }
            // A damaged file is reported (every problem at its place) and nothing is written.
            let (data, mapping) = try OnlineRetailInput.load(path: arguments.text("data"))
            print("mapped \(mapping.rows) rows: \(mapping)")
            store = OnlineRetailFolder.makeStore(data)
        default:
            throw UsageError(problems: ["unknown profile \(profile)"])
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
        return .success
    }

    /// W1 with the sizes and seed of `--seed`, `--products`, `--customers`, `--orders` and `--wishlists` (as
    /// `generate W1` and `segments w1` take them).
    static func w1Workload(_ arguments: ParsedArguments) throws(UsageError) -> W1Workload {
        var workload = W1Workload(seed: UInt64(arguments.count("seed", default: 1)))
        workload.products = arguments.count("products", default: workload.products)
        workload.customers = arguments.count("customers", default: workload.customers)
        workload.orderLines = arguments.count("orders", default: workload.orderLines)
        workload.wishLists = arguments.count("wishlists", default: workload.wishLists)
        guard workload.products > 0 || workload.orderLines == 0 && workload.wishLists == 0 else {
            throw UsageError(problems: ["orders and wish lists need at least one product"])
        }
        return workload
    }
}
