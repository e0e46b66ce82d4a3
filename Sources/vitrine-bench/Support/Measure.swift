import Foundation

/// Timing and memory figures for the benchmarks: wall and CPU seconds, peak resident memory.
enum Measure {
    struct Sample {
        var wallSeconds: Double
        var cpuSeconds: Double
    }

    /// Runs `body` once and reports wall and CPU (user + system) seconds.
    static func time<T>(_ body: () throws -> T) rethrows -> (value: T, sample: Sample) {
        let cpuStart = cpuSeconds()
        let clock = ContinuousClock()
        let start = clock.now
        let value = try body()
        let elapsed = clock.now - start
        let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return (value, Sample(wallSeconds: wall, cpuSeconds: cpuSeconds() - cpuStart))
    }

    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) * 1e-6 + Double(usage.ru_stime.tv_sec)
            + Double(usage.ru_stime.tv_usec) * 1e-6
    }

    /// Peak resident set size of this process (VmHWM), in MiB.
    static func peakRSSMiB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kilobytes = line.split(separator: " ").dropFirst().first.flatMap { Double($0) } ?? -1
            return kilobytes / 1024
        }
        return -1
    }

    static func format(_ value: Double, decimals: Int = 2) -> String { String(format: "%.\(decimals)f", value) }
}
