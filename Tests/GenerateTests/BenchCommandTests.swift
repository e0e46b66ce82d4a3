import Foundation
import Store
import Testing

@testable import vitrine_bench

/// vitrine-bench's command lines: declared options, every bad value an error (exit 2), never a silent default.
@Suite struct BenchCommandTests {
    static func problems(_ command: BenchCommand, _ arguments: [String]) -> [String] {
        do {
            _ = try command.parse(arguments)
            return []
        } catch {
            return error.problems
        }
    }

    @Test func badValuesAreErrorsNotDefaults() {
        #expect(
            Self.problems(LoadBenchmark.command, ["store", "--runs", "x"]) == [
                #"--runs: "x" is not a whole number ≥ 1"#
            ])
        #expect(
            Self.problems(LoadBenchmark.command, ["store", "--runs", "0"]) == [
                #"--runs: "0" is not a whole number ≥ 1"#
            ])
        #expect(Self.problems(LoadBenchmark.command, ["store", "--runs"]) == ["--runs needs a value (N)"])
        #expect(Self.problems(LoadBenchmark.command, []) == ["expected STORE"])
        #expect(
            Self.problems(TemplateBenchmark.command, ["table", "--max-seconds", "0", "--iterations", "-1"]) == [
                #"WORKLOAD: "table" is not one of listing, page"#, #"--max-seconds: "0" is not a number > 0"#,
                #"--iterations: "-1" is not a whole number ≥ 1"#,
            ])
        #expect(
            Self.problems(SegmentBenchmark.uci, ["--test-month", "7", "--measure", "jaccard", "--tune", "--bogus"]) == [
                #"--test-month: "7" is not a whole number from 2 to 5"#,
                #"--measure: "jaccard" is not one of rp3, cosine"#, "unknown option --bogus",
            ])
        #expect(Self.problems(SegmentBenchmark.w1, ["extra"]) == [#"unexpected argument "extra""#])
    }

    @Test func valuesThatAreNumbersOrOff() throws {
        let parsed = try SegmentBenchmark.uci.parse([
            "--damping", "-0.5", "--half-life", "off", "--per-category", "off",
        ])
        #expect(parsed.number("damping", default: 0) == -0.5)
        #expect(parsed.numberOrOff("half-life", default: 120) == nil)
        #expect(parsed.numberOrOff("popularity-half-life", default: 7) == 7)
        #expect(parsed.countOrOff("per-category", default: 3) == nil)
        #expect(parsed.count("neighbours", default: 100) == 100)
    }

    @Test func exitStatuses() {
        #expect(VitrineBench.run(["load", "store", "--runs", "x"]) == .badInput)
        #expect(VitrineBench.run(["segments"]) == .badInput)
        #expect(VitrineBench.run(["segments", "w1", "--help"]) == .success)
        #expect(VitrineBench.run(["segments", "uci", "--data", "/nonexistent/online_retail.csv"]) == .failure)
    }

    /// `segments w1` times the store `generate W1` writes: the same generator, sizes and seed, read back by the
    /// store loader.
    @Test func segmentsTimesTheStoreGenerateWrites() throws {
        let sizes = ["--products", "300", "--customers", "100", "--orders", "500", "--wishlists", "20", "--seed", "5"]
        let folder = NSTemporaryDirectory() + "vitrine-bench-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(VitrineBench.run(["generate", "W1", folder] + sizes) == .success)
        let written = try #require(StoreLoader.load(directory: folder).store)
        let timed = try SegmentBenchmark.loadStore(SegmentBenchmark.w1.parse(sizes))
        #expect(timed.products.map(\.id) == written.products.map(\.id))
        #expect(timed.customers.map(\.id) == written.customers.map(\.id))
        #expect(timed.orders == written.orders)
        #expect(timed.wishlists.count == written.wishlists.count)
        #expect(timed.segments.map(\.id) == written.segments.map(\.id))
    }
}
