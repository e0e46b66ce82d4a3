#!/usr/bin/env bash
# The site build on W1 beside its peers, in one run: Hugo 0.111 building the same catalog (the harness in
# ../shared/bench/ssg: 8 segments in one build), a C program writing the same files as Hugo (its physical floor),
# the same C program writing vitrine's own files (vitrine's floor), and vitrine: a full build into a deleted
# folder, a no-change rebuild, and a rebuild after one product's price changed. Every case is timed the way the
# harness times its own (`rm -rf DEST && sync` before each run, /usr/bin/time for wall, CPU and peak RSS).
# The full builds run in interleaved rounds (Hugo, vitrine, vitrine with .gz, the C writer on both file sets, then
# again), so a disk that slows down or speeds up over the run weighs on every case alike: on this machine the
# kernel's cost of creating the same files swings 2-5x between identical runs.
# usage: .ci/bench-site.sh            env: WORK=/tmp/vitrine-site-bench RUNS=3 SKIP_PEERS=1 (vitrine only)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
HARNESS="${HARNESS:-$ROOT/../shared/bench/ssg}"
WORK="${WORK:-/tmp/vitrine-site-bench}"
RUNS="${RUNS:-3}"
export LC_ALL=C.UTF-8
# W1 has wish lists: personal pages need a signing secret (a benchmark-only one unless the caller has one).
export VITRINE_SECRET="${VITRINE_SECRET:-benchmark-only-secret-for-the-w1-store-0123456789}"
if [ ! -f "$HARNESS/run.sh" ]; then
    echo "error: the peer harness is missing at $HARNESS (../shared/bench/ssg beside the repository)" >&2
    exit 1
fi
mkdir -p "$WORK/res"
RES="$WORK/res"

echo "== build (release)"
cd "$ROOT"
swift build -c release --product vitrine >/dev/null
swift build -c release --product vitrine-bench >/dev/null
VITRINE="$ROOT/.build/release/vitrine"
[ -d "$WORK/w1" ] || "$ROOT/.build/release/vitrine-bench" generate W1 "$WORK/w1" >/dev/null
[ -x /usr/bin/time ] || apt-get install -y -qq time >/dev/null

# timed NAME PREPARE CMD…: one run, appended to $RES/NAME.time (wall, user, sys, peak RSS).
timed() {
    local name=$1 prepare=$2
    shift 2
    eval "$prepare"
    /usr/bin/time -a -o "$RES/$name.time" -f '%e %U %S %M' "$@" >/dev/null
    echo "   $name: $(tail -1 "$RES/$name.time") (wall user sys KiB); load $(cut -d' ' -f1 /proc/loadavg)"
}

# bench NAME RUNS PREPARE CMD…: RUNS runs of one case in a row (the incremental cases).
bench() {
    local name=$1 runs=$2 prepare=$3
    shift 3
    rm -f "$RES/$name".*
    echo "== $name: $*"
    for _ in $(seq "$runs"); do timed "$name" "$prepare" "$@"; done
}

SSG="$WORK/ssg"
if [ -z "${SKIP_PEERS:-}" ]; then
    # The harness generates Hugo's site and the C writer, and writes Hugo's output once (untimed here).
    echo "== peers: the harness's set-up (Hugo's W1 site, the C writer), one Hugo build for its file list"
    WORK="$SSG" RUNS_BIG=1 CASES="hugo8" bash "$HARNESS/run.sh" | grep -E '^(==|   )' || true
    find "$SSG/out-hugo8" -type f -printf '%s\t%P\n' | sort -k2 >"$WORK/manifest-hugo8.tsv"
fi
gcc -O2 -o "$WORK/writefiles" "$HARNESS/writefiles.c"
# vitrine's file list for the C writer: one untimed build (with .gz siblings, as vitrine writes by default).
OUT="$WORK/out-vitrine"
OUT_PLAIN="$WORK/out-vitrine-plain"
AS_OF="--as-of 2026-12-01"
rm -rf "$OUT" && "$VITRINE" build "$WORK/w1" --output "$OUT" --quiet $AS_OF
find -L "$OUT/site/" -type f -printf '%s\t%P\n' | sort -k2 >"$WORK/manifest-vitrine.tsv"

for name in hugo8 write8 vitrine-plain vitrine-full write-vitrine; do rm -f "$RES/$name".*; done
for round in $(seq "$RUNS"); do
    echo "== round $round of $RUNS"
    if [ -z "${SKIP_PEERS:-}" ]; then
        timed hugo8 "rm -rf $SSG/out-hugo8 && sync" hugo --quiet -s "$SSG/hugo-site" -d "$SSG/out-hugo8"
        timed write8 "rm -rf $WORK/out-write8 && sync" "$WORK/writefiles" "$WORK/manifest-hugo8.tsv" "$WORK/out-write8"
    fi
    # The pages alone, as Hugo writes them: no .gz siblings.
    timed vitrine-plain "rm -rf $OUT_PLAIN && sync" \
        "$VITRINE" build "$WORK/w1" --output "$OUT_PLAIN" --quiet --gzip off $AS_OF
    timed vitrine-full "rm -rf $OUT && sync" "$VITRINE" build "$WORK/w1" --output "$OUT" --quiet $AS_OF
    timed write-vitrine "rm -rf $WORK/out-write && sync" \
        "$WORK/writefiles" "$WORK/manifest-vitrine.tsv" "$WORK/out-write"
done
rm -rf "$WORK/out-write" "$WORK/out-write8"
find "$OUT/site/" -type f -name '*.html' -printf '%s\n' | awk '{s+=$1} END {print NR, s}' >"$RES/vitrine-full.out"
find "$OUT_PLAIN/site/" -type f -name '*.html' -printf '%s\n' | awk '{s+=$1} END {print NR, s}' >"$RES/vitrine-plain.out"
bench vitrine-nochange "$RUNS" "sync" "$VITRINE" build "$WORK/w1" --output "$OUT" --quiet $AS_OF
# One product's price: the first product line's price column, nudged by a cent and back on alternate runs. The first
# such build (untimed) is the second build of this output, which has no standby generation yet and links every file;
# the timed ones take over the standby and touch what differs.
cp "$WORK/w1/products.csv" "$WORK/products.original.csv"
cat >"$WORK/toggle-price.py" <<'PY'
import csv, sys
path, original = sys.argv[1], sys.argv[2]
rows = list(csv.reader(open(path, newline="", encoding="utf-8")))
base = list(csv.reader(open(original, newline="", encoding="utf-8")))
price = rows[0].index("price")
if rows[1][price] == base[1][price]:
    cents = round(float(rows[1][price]) * 100) + 1
    rows[1][price] = f"{cents // 100}.{cents % 100:02d}"
else:
    rows[1][price] = base[1][price]
csv.writer(open(path, "w", newline="", encoding="utf-8"), lineterminator="\n").writerows(rows)
PY
TOGGLE="python3 $WORK/toggle-price.py $WORK/w1/products.csv $WORK/products.original.csv"
$TOGGLE && "$VITRINE" build "$WORK/w1" --output "$OUT" --quiet $AS_OF
bench vitrine-oneprice "$RUNS" "$TOGGLE && sync" "$VITRINE" build "$WORK/w1" --output "$OUT" --quiet $AS_OF
cp "$WORK/products.original.csv" "$WORK/w1/products.csv"
"$VITRINE" build "$WORK/w1" --output "$OUT" --quiet $AS_OF


echo
python3 - "$RES" <<'PY'
import os, statistics, sys
res = sys.argv[1]
def case(name):
    path = os.path.join(res, name + ".time")
    if not os.path.exists(path):
        return None
    # /usr/bin/time -a also appends a line for a command that failed: only the four-figure lines are runs.
    rows = [line.split() for line in open(path) if len(line.split()) == 4]
    times = [float(r[0]) for r in rows]
    cpu = statistics.median(float(r[1]) + float(r[2]) for r in rows)
    user = statistics.median(float(r[1]) for r in rows)
    rss = max(int(r[3]) for r in rows) / 1024
    out = open(os.path.join(res, name + ".out")).read().split() if os.path.exists(os.path.join(res, name + ".out")) else None
    return statistics.median(times), min(times), max(times), (cpu, user), rss, out
hugo_pages, vitrine_pages = 82008, None
rows = []
for name, label in [("hugo8", "Hugo 0.111, 8 segments"), ("write8", "C writer, Hugo's files"),
                    ("vitrine-full", "vitrine build, full (pages + .gz siblings)"),
                    ("vitrine-plain", "vitrine build, full, --gzip off"),
                    ("write-vitrine", "C writer, vitrine's files (with .gz)"),
                    ("vitrine-nochange", "vitrine build, no change"), ("vitrine-oneprice", "vitrine build, one price changed")]:
    c = case(name)
    if c is None:
        continue
    median, low, high, cpu, rss, out = c
    pages = ""
    if name == "hugo8":
        pages = f"{hugo_pages / median:,.0f}"
    if name in ("vitrine-full", "vitrine-plain"):
        vitrine_pages = int(out[0])  # HTML files: every page, the site root and 404.html
        pages = f"{vitrine_pages / median:,.0f}"
    rows.append((label, f"{median:.1f} ({low:.1f}–{high:.1f})", f"{cpu[0]:.1f} ({cpu[1]:.1f})", pages, f"{rss:.0f}"))
print("| case | wall median s (min–max) | CPU s, user+sys (user) | pages/s | peak RSS MiB |")
print("|---|---:|---:|---:|---:|")
for row in rows:
    print("| " + " | ".join(row) + " |")

# The issue's ratios, per page (vitrine writes more pages than Hugo): pages per second at the medians and at the
# best runs (the harness's least-disturbed figure), CPU per page with and without system time, and the share of
# Hugo's CPU the C writer alone spends writing Hugo's files (the floor of any writer of those files on this disk).
hugo, plain, write8 = case("hugo8"), case("vitrine-plain"), case("write8")
if hugo and plain and vitrine_pages:
    print()
    print(f"pages/s, vitrine --gzip off / Hugo: {vitrine_pages / plain[0] / (hugo_pages / hugo[0]):.2f}x at the medians, "
          f"{vitrine_pages / plain[1] / (hugo_pages / hugo[1]):.2f}x best against best")
    print(f"CPU per page, vitrine / Hugo: {plain[3][0] / vitrine_pages / (hugo[3][0] / hugo_pages):.0%} user+sys, "
          f"{plain[3][1] / vitrine_pages / (hugo[3][1] / hugo_pages):.0%} user")
    if write8:
        print(f"the C writer's CPU on Hugo's files / Hugo's CPU: {write8[3][0] / hugo[3][0]:.0%}")
PY
