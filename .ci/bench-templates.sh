#!/usr/bin/env bash
# Template-engine benchmark: vitrine's Mustache engine side by side with the shared peer harness
# (hand-written Swift "naive" and hummingbird-project/swift-mustache), same workloads, same run.
#   1. builds vitrine-bench (release) and the peer harness from a copy in /tmp (peer code is never committed);
#   2. renders listing and page with each engine (renders/s, MB/s, peak RSS) and checks that the first render
#      of each engine is byte-identical to swift-naive's;
#   3. counts instructions per render under callgrind: (Ir at N2 renders - Ir at N1) / (N2 - N1), so start-up
#      and parsing cancel out (as the peers' instr.sh does);
#   4. prints a markdown table.
# Env: ITER (renders per timed run, default 20000), MAX_SECONDS (cap per run, default 10), ROUNDS (timed runs
# per engine and workload, alternating engines; the best counts, default 3), N1/N2 (callgrind
# render counts, default 4/24), PEERS (source of the peer harness, default ../shared/bench/templates beside the
# repository),
# PEER_DIR (its copy, default /tmp/vitrine-template-peers), SKIP_CALLGRIND=1 to skip step 3.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
ITER=${ITER:-20000}
MAX_SECONDS=${MAX_SECONDS:-10}
ROUNDS=${ROUNDS:-3}
N1=${N1:-4}; N2=${N2:-24}
PEERS=${PEERS:-$ROOT/../shared/bench/templates}
[ -d "$PEERS" ] || {
    echo "error: $PEERS not found. It is the shared template-engine peer harness (workloads data/*.json from its" \
        "python/gen_data.py, templates/mustache/*.mustache, the peers' Swift packages); set PEERS to its path." >&2
    exit 1
}
PEER_DIR=${PEER_DIR:-/tmp/vitrine-template-peers}
OUT=$PEER_DIR/out
DATA=$PEERS/data
TEMPLATES=$PEERS/templates

echo "== building vitrine-bench (release)" >&2
(cd "$ROOT" && swift build -c release --product vitrine-bench 2>&1 | tail -1) >&2
VITRINE=$ROOT/.build/release/vitrine-bench

echo "== building the peer harness in $PEER_DIR (naive + swift-mustache only)" >&2
mkdir -p "$PEER_DIR"
rsync -a --delete --exclude .build --exclude out "$PEERS/" "$PEER_DIR/" 2>/dev/null || cp -r "$PEERS/." "$PEER_DIR/"
# Only the two peers we compare with: skip building leaf-kit, NIO, Stencil and Plot on a shared machine.
cat > "$PEER_DIR/Package.swift" <<'SWIFT'
// swift-tools-version:6.0
import PackageDescription
let package = Package(
    name: "template-peers",
    platforms: [.macOS(.v13)],
    dependencies: [.package(url: "https://github.com/hummingbird-project/swift-mustache.git", exact: "2.1.1")],
    targets: [
        .target(name: "BenchCore", path: "Sources/BenchCore"),
        .executableTarget(name: "bench-naive", dependencies: ["BenchCore"], path: "Sources/bench-naive"),
        .executableTarget(
            name: "bench-mustache",
            dependencies: ["BenchCore", .product(name: "Mustache", package: "swift-mustache")],
            path: "Sources/bench-mustache"),
    ],
    swiftLanguageModes: [.v5]
)
SWIFT
(cd "$PEER_DIR" && swift build -c release --product bench-naive 2>&1 | tail -1 \
    && swift build -c release --product bench-mustache 2>&1 | tail -1) >&2
NAIVE=$PEER_DIR/.build/release/bench-naive
MUSTACHE=$PEER_DIR/.build/release/bench-mustache

mkdir -p "$OUT"
: > "$OUT/results.tsv"
cmd_for() { # engine workload -> command line
  case $1 in
    naive) echo "$NAIVE $2 --data $DATA --templates $TEMPLATES" ;;
    mustache) echo "$MUSTACHE $2 --data $DATA --templates $TEMPLATES" ;;
    vitrine) echo "$VITRINE templates $2 --data $DATA --templates $TEMPLATES" ;;
  esac
}
# The machine is shared: engines alternate over ROUNDS rounds and each keeps its best run, so a burst of
# someone else's load penalises no engine in particular.
echo "== timed runs (ROUNDS=$ROUNDS x ITER=$ITER, MAX_SECONDS=$MAX_SECONDS; load: $(cut -d' ' -f1-3 /proc/loadavg))" >&2
for round in $(seq "$ROUNDS"); do
  for w in listing page; do
    for e in naive mustache vitrine; do
      $(cmd_for $e $w) --iterations "$ITER" --max-seconds "$MAX_SECONDS" --dump "$OUT/$e-$w.html" 2>/dev/null \
        | grep '^RESULT' | tee -a "$OUT/results.tsv" >&2
    done
  done
done

echo "== output check (first render of each engine vs swift-naive)" >&2
python3 "$PEER_DIR/python/check_outputs.py" "$OUT" | tee "$OUT/check.tsv" >&2

: > "$OUT/instr.tsv"
if [ "${SKIP_CALLGRIND:-0}" != 1 ]; then
  echo "== callgrind: instructions per render ($N1 vs $N2 renders)" >&2
  B=$(mktemp -d)  # stripped copies: valgrind's DWARF reader gives up on some Swift binaries
  strip -o "$B/bench-naive" "$NAIVE"; strip -o "$B/bench-mustache" "$MUSTACHE"; strip -o "$B/vitrine-bench" "$VITRINE"
  NAIVE=$B/bench-naive; MUSTACHE=$B/bench-mustache; VITRINE=$B/vitrine-bench
  ir() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | awk '/Collected :/ {print $4}'; }
  for w in listing page; do
    for e in naive mustache vitrine; do
      a=$(ir $(cmd_for $e $w) --iterations "$N1" --max-seconds 1000)
      b=$(ir $(cmd_for $e $w) --iterations "$N2" --max-seconds 1000)
      printf "%s\t%s\t%.0f\n" "$e" "$w" "$(echo "($b - $a) / ($N2 - $N1)" | bc -l)" | tee -a "$OUT/instr.tsv" >&2
    done
  done
  rm -rf "$B"
fi

python3 - "$OUT" "$ROUNDS" "$N1" "$N2" <<'PY'
import sys, collections
out = sys.argv[1]
res = collections.defaultdict(dict)
for line in open(out + "/results.tsv"):
    f = line.rstrip("\n").split("\t")
    if f[0] == "RESULT":
        _, eng, w, n, secs, rps, bpr, mbs, rss = f
        if float(rps) > res[eng].get(w, {}).get("rps", 0):  # best of the rounds
            res[eng][w] = dict(n=int(n), rps=float(rps), mbs=float(mbs), rss=float(rss))
instr = collections.defaultdict(dict)
for line in open(out + "/instr.tsv"):
    e, w, n = line.split()
    instr[{"naive": "swift-naive", "mustache": "swift-mustache", "vitrine": "vitrine"}[e]][w] = int(n)
check = {}
for line in open(out + "/check.tsv"):
    f = line.rstrip("\n").split("\t")
    if f[0] == "CHECK":
        check[(f[2], f[1])] = f[4].split(" ")[0]
names = {"swift-naive": "naive", "swift-mustache": "mustache", "vitrine": "vitrine"}
print("renders/s: best of %s alternating rounds; instr/render: callgrind, (Ir(%s) - Ir(%s)) / %s renders" % (
    sys.argv[2], sys.argv[4], sys.argv[3], int(sys.argv[4]) - int(sys.argv[3])))
print()
print("| engine | renders/s listing | renders/s page | MB/s listing / page | peak RSS MiB | instr/render listing | instr/render page | output vs naive (listing / page) |")
print("|---|---:|---:|---:|---:|---:|---:|---|")
for eng in ["vitrine", "swift-naive", "swift-mustache"]:
    r = res.get(eng, {}); L, P = r.get("listing", {}), r.get("page", {})
    i = instr.get(eng, {})
    fmt = lambda v: "%.2f M" % (v / 1e6) if v else "n/a"
    c = "reference" if eng == "swift-naive" else "%s / %s" % (check.get((names[eng], "listing"), "?"), check.get((names[eng], "page"), "?"))
    print("| %s | %.0f | %.0f | %.1f / %.1f | %.1f | %s | %s | %s |" % (eng, L.get("rps", 0), P.get("rps", 0),
          L.get("mbs", 0), P.get("mbs", 0), max(L.get("rss", 0), P.get("rss", 0)), fmt(i.get("listing")), fmt(i.get("page")), c))
PY
