// accesslog-bench FILE [combined|vitrine|json] [RUNS]: lines/s of LogReader + LogParser over one file, one core.
// Release builds only (`swift run -c release accesslog-bench /tmp/access.log`); a warm-up run, then RUNS timed runs;
// the checksum (records, statuses, bytes, times) keeps the optimizer from dropping the work.
import AccessLog
import Glibc

#if DEBUG
    print("warning: a debug build; figures are meaningless, use -c release")
#endif

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    print("usage: accesslog-bench FILE [combined|vitrine|json] [RUNS]")
    exit(2)
}
let format: LogFormat
switch arguments.count > 2 ? arguments[2] : "combined" {
case "vitrine": format = .vitrine
case "json": format = .jsonLines
default: format = .combined
}
let runs = arguments.count > 3 ? Int(arguments[3]) ?? 3 : 3
let parser = LogParser(format: format)

struct Tally {
    var lines = 0
    var records = 0
    var problems: [LineProblem: Int] = [:]
    var checksum = 0
}

func run() -> Tally {
    var tally = Tally()
    do {
        let reader = try LogReader(path: arguments[1])
        try reader.forEachLine(atEnd: true) { line in
            tally.lines += 1
            let problem = parser.parse(line) { record in
                tally.records += 1
                tally.checksum &+=
                    record.status &+ record.bytes &+ Int(truncatingIfNeeded: record.time)
                    &+ record.target.count &+ (record.queryValue("vt")?.count ?? 0)
            }
            if let problem { tally.problems[problem, default: 0] += 1 }
        } problem: { problem in
            tally.lines += 1
            tally.problems[problem, default: 0] += 1
        }
    } catch {
        print("error: \(error)")
        exit(1)
    }
    return tally
}

func now() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

func cpu() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec)
        + Double(usage.ru_stime.tv_usec) / 1e6
}

let warm = run()
print("lines \(warm.lines), records \(warm.records), problems \(warm.problems), checksum \(warm.checksum)")
var walls: [Double] = []
var cpus: [Double] = []
for _ in 0..<runs {
    let (wall0, cpu0) = (now(), cpu())
    let tally = run()
    walls.append(now() - wall0)
    cpus.append(cpu() - cpu0)
    precondition(tally.checksum == warm.checksum)
}
let wall = walls.sorted()[walls.count / 2]
let cpuTime = cpus.sorted()[cpus.count / 2]
let perWall = Double(warm.lines) / wall
let perCPU = Double(warm.lines) / cpuTime
print(
    "median of \(runs): wall \(wall) s, cpu \(cpuTime) s; \(Int(perWall)) lines/s (wall), \(Int(perCPU)) lines/s (cpu)"
)
print("peer: the C splitter of bench/ingest does ~6 M lines/s on this machine (split.c -t, quiet)")
