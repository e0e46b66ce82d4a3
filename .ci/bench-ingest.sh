#!/usr/bin/env bash
# bench-ingest.sh - `vitrine ingest` (parse, verify every token, classify, store) beside GoAccess and the C splitter,
# in one run, on the 1,000,000-line log of the ingest peers (../shared/bench/ingest/gen_log.py) with its `vt=`
# tokens re-signed as genuine vitrine tokens of the example store (.ci/resign-log.py). Release build, one core
# (taskset -c 0). Not run by CI: a benchmark, not a test.
#
#   bash .ci/bench-ingest.sh                 # 3 timed runs each after a warm-up
#   RUNS=5 PEERS=/path/to/shared/bench/ingest bash .ci/bench-ingest.sh
#
# Writes only under $W (default /tmp/vt-bench). Needs python3, gcc, goaccess (apt-get install goaccess).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PEERS=${PEERS:-}
if [ -z "$PEERS" ]; then
  for candidate in "$ROOT/../shared/bench/ingest" "$ROOT/../../shared/bench/ingest"; do
    [ -f "$candidate/gen_log.py" ] && PEERS=$(cd "$candidate" && pwd) && break
  done
fi
[ -n "$PEERS" ] || { echo "bench-ingest: the ingest peers (shared/bench/ingest) are missing; set PEERS" >&2; exit 1; }
W=${W:-/tmp/vt-bench}
RUNS=${RUNS:-3}
LINES=${LINES:-1000000}
export VITRINE_SECRET=${VITRINE_SECRET:-ingest-bench-secret-0123456789abcdefghijkl}
mkdir -p "$W"
for tool in goaccess gcc python3 taskset; do
  command -v $tool >/dev/null || { echo "bench-ingest: $tool is missing (apt-get install goaccess gcc)" >&2; exit 1; }
done

echo "== build (release)"
(cd "$ROOT" && swift build -c release --product vitrine 2>&1 | tail -1)
V=$ROOT/.build/release/vitrine
gcc -O2 -Wall -o "$W/split" "$PEERS/split.c"

echo "== data"
[ -s "$W/access-$LINES.log" ] || python3 "$PEERS/gen_log.py" -n "$LINES" -o "$W/access-$LINES.log"
LOG=$W/vitrine-$LINES.log
[ -s "$LOG" ] || python3 "$ROOT/.ci/resign-log.py" "$VITRINE_SECRET" "$ROOT/Catalog" < "$W/access-$LINES.log" > "$LOG"
N=$(wc -l < "$LOG"); BYTES=$(stat -c %s "$LOG")
echo "$(basename "$LOG"): $N lines, $BYTES bytes, $(grep -c 'vt=' "$LOG") with a token"
echo "cpu: $(lscpu | sed -n 's/^Model name:[[:space:]]*//p') x $(nproc); load before: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== what vitrine ingest counts"
rm -f "$W/state.sqlite"*
"$V" ingest "$LOG" --store "$ROOT/Catalog" --state "$W/state.sqlite"

echo "== figures (name, runs, wall median/min/max s, cpu median s, peak RSS MiB, lines/s and MB/s at median wall)"
TSV=$W/ingest-results.tsv
: > "$TSV"
B() { python3 "$PEERS/bench.py" --tsv "$TSV" --lines "$N" --bytes "$BYTES" --runs "$RUNS" "$@"; }
# Each run starts from an empty state file: a second ingest of the same log rightly adds nothing.
B --name "vitrine ingest (parse+verify+store)" --warmup 1 -- taskset -c 0 sh -c \
  "rm -f '$W'/bench.sqlite*; exec '$V' ingest '$LOG' --store '$ROOT/Catalog' --state '$W/bench.sqlite' --quiet"
B --name "C splitter (split+vt)" --warmup 1 -- taskset -c 0 "$W/split" "$LOG"
B --name "C splitter +time->epoch" --warmup 1 -- taskset -c 0 "$W/split" -t "$LOG"
B --name "goaccess -o json" --warmup 0 -- taskset -c 0 goaccess --log-format=COMBINED "$LOG" -o "$W/ga.json"
B --name "goaccess --process-and-exit" --warmup 0 -- taskset -c 0 goaccess --log-format=COMBINED "$LOG" --process-and-exit
echo "== table (lines/s cpu = lines / (user + sys))"
awk -F'\t' -v n="$N" 'BEGIN{printf "| %-36s | %4s | %7s | %7s | %7s | %12s | %12s |\n","command","runs","wall s","cpu s","RSS MiB","lines/s wall","lines/s cpu"}
  {printf "| %-36s | %4s | %7s | %7s | %7s | %12s | %12.0f |\n",$1,$2,$3,$6,$7,$8,n/($6>0?$6:1e-9)}' "$TSV"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
