#!/usr/bin/env bash
# The e-mail figures of issue 14 beside their peers, in one run (not run by CI):
#   1. the Python baseline of ../shared/bench/email (Jinja2 + the stdlib `email` package, one process) writing
#      PY_COUNT .eml files, compared as messages per second;
#   2. `vitrine mail` writing the W1 campaign (100,000 recipients) into a deleted folder, then again with nothing
#      changed (it should write nothing);
#   3. the disk's limit for the same files: `cp -r` of the folder vitrine wrote, then `sync` (vitrine's own time
#      includes its syncfs before the atomic switch);
#   4. SMTP into Postfix's `smtp-sink` on 127.0.0.1 (and aiosmtpd's counting sink when it is installed): Python's
#      smtplib (smtp_bench.py, 1 and 4 processes) and `vitrine send --connections 4` on the same SEND_COUNT
#      messages, with the CPU seconds the server itself spent on each client (its ceiling on 2 cores).
# Every case is timed whole-process with /usr/bin/time (wall, user+sys CPU, peak RSS). Everything started here is
# stopped by its process id.
# usage: .ci/bench-mail.sh      env: WORK=/tmp/vitrine-mail-bench PY_COUNT=5000 SEND_COUNT=10000 PORT=2525 MAIL_RUNS=3
#                                     POSTFIX=1 (also a real Postfix on 127.0.0.1:25; as root)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
HARNESS="${HARNESS:-$ROOT/../shared/bench/email}"
WORK="${WORK:-/tmp/vitrine-mail-bench}"
PY_COUNT="${PY_COUNT:-5000}"
SEND_COUNT="${SEND_COUNT:-10000}"
PORT="${PORT:-2525}"
MAIL_RUNS="${MAIL_RUNS:-3}"
AIO_PORT="${AIO_PORT:-8025}"
CAMPAIGN=winter-2026
export LC_ALL=C.UTF-8
# W1's messages carry tokens: a benchmark-only secret unless the caller has one.
export VITRINE_SECRET="${VITRINE_SECRET:-benchmark-only-secret-for-the-w1-store-0123456789}"
for file in gen_emails.py smtp_bench.py smtp_sink.py; do
    if [ ! -f "$HARNESS/$file" ]; then
        echo "error: the peer harness is missing at $HARNESS (../shared/bench/email beside the repository)" >&2
        exit 1
    fi
done
command -v /usr/sbin/smtp-sink >/dev/null || { echo "error: /usr/sbin/smtp-sink missing (apt-get install postfix)" >&2; exit 1; }
python3 -c 'import jinja2' || { echo "error: the Python baseline needs Jinja2 (pip install jinja2)" >&2; exit 1; }
[ -x /usr/bin/time ] || apt-get install -y -qq time >/dev/null
RES="$WORK/res"
rm -rf "$RES"
mkdir -p "$RES"

PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

# timed NAME COUNT CMD…: whole-process figures into $RES/NAME.time, the count of messages into $RES/NAME.count.
timed() {
    local name=$1 count=$2
    shift 2
    echo "== $name: $*"
    echo "$count" >"$RES/$name.count"
    /usr/bin/time -a -v -o "$RES/$name.time" "$@" >"$RES/$name.out"
}

echo "== build (release)"
cd "$ROOT"
swift build -c release --product vitrine >/dev/null
swift build -c release --product vitrine-bench >/dev/null
VITRINE="$ROOT/.build/release/vitrine"
[ -d "$WORK/w1" ] || "$ROOT/.build/release/vitrine-bench" generate W1 "$WORK/w1" >/dev/null

rm -rf "$WORK/py-eml" && sync
timed python-mail "$PY_COUNT" python3 "$HARNESS/gen_emails.py" --count "$PY_COUNT" --format eml --out "$WORK/py-eml"
rm -rf "$WORK/py-eml"

# Rounds of: vitrine mail into a deleted folder, then `cp -r` of what it wrote and `sync` (on this machine the
# kernel's cost of creating the same files swings 2-5x between identical runs: interleaving weighs on both alike).
OUT="$WORK/out"
for round in $(seq "$MAIL_RUNS"); do
    rm -rf "$OUT" && sync
    timed vitrine-mail 0 "$VITRINE" mail --store "$WORK/w1" --output "$OUT" --json "$CAMPAIGN"
    python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["recipients"])' "$RES/vitrine-mail.out" \
        >"$RES/vitrine-mail.count"
    rm -rf "$WORK/copy" && sync
    timed cp "$(cat "$RES/vitrine-mail.count")" cp -r "$OUT/mail/$CAMPAIGN/." "$WORK/copy"
    timed cp-sync 0 sync
    echo "   round $round: vitrine mail $(grep -h 'Elapsed' "$RES/vitrine-mail.time" | tail -1 | awk '{print $NF}'), cp" \
        "$(grep -h 'Elapsed' "$RES/cp.time" | tail -1 | awk '{print $NF}') + sync" \
        "$(grep -h 'Elapsed' "$RES/cp-sync.time" | tail -1 | awk '{print $NF}')"
done
rm -rf "$WORK/copy"
timed vitrine-mail-nochange "$(cat "$RES/vitrine-mail.count")" \
    "$VITRINE" mail --store "$WORK/w1" --output "$OUT" --json "$CAMPAIGN"
du -sbL "$OUT/mail/$CAMPAIGN/" | cut -f1 >"$RES/bytes"

# The same SEND_COUNT messages for both clients: the first recipients' files, written by vitrine.
SEND_OUT="$WORK/send-out"
rm -rf "$SEND_OUT"
"$VITRINE" mail --store "$WORK/w1" --output "$SEND_OUT" --quiet --limit "$SEND_COUNT" "$CAMPAIGN"
EML="$SEND_OUT/mail/$CAMPAIGN/"

# The CPU seconds (user + sys) a process has used so far; "postfix": every Postfix process's, with its master's
# waited-for children's.
cpu_seconds() {
    local stats=("/proc/$1/stat")
    [ "$1" = postfix ] && stats=($(grep -lE '^[0-9]+ \((master|smtpd|cleanup|qmgr|pickup|discard|trivial-rewri|postlogd|anvil|tlsmgr|proxymap)\)' /proc/[0-9]*/stat 2>/dev/null))
    awk -v hz="$(getconf CLK_TCK)" '{ s += $14 + $15 + ($4 == 1 ? $16 + $17 : 0) } END { printf "%.2f", s / hz }' \
        "${stats[@]}"
}

# sink_timed NAME SINK_PID CMD…: `timed`, plus the CPU seconds the server spent on this client in $RES/NAME.sink.
sink_timed() {
    local name=$1 sink=$2 before
    shift 2
    before=$(cpu_seconds "$sink")
    timed "$name" "$SEND_COUNT" "$@"
    awk -v a="$before" -v b="$(cpu_seconds "$sink")" 'BEGIN { printf "%.2f\n", b - a }' >"$RES/$name.sink"
}

# send_pair PEER PORT PID: Python's smtplib (1 and 4 connections), then vitrine, into the server listening on PORT.
send_pair() {
    local peer=$1 port=$2 sink=$3
    for conns in 1 4; do
        sink_timed "python-send-$peer-$conns" "$sink" python3 "$HARNESS/smtp_bench.py" --port "$port" \
            --eml-dir "$EML" --count "$SEND_COUNT" --conns "$conns"
    done
    rm -f "$WORK/state.sqlite"*
    sink_timed "vitrine-send-$peer" "$sink" "$VITRINE" send --store "$WORK/w1" --output "$SEND_OUT" \
        --state "$WORK/state.sqlite" --smtp "127.0.0.1:$port" --connections 4 --force --json "$CAMPAIGN"
}

/usr/sbin/smtp-sink -u nobody "127.0.0.1:$PORT" 256 &
PIDS+=($!)
sleep 0.5
send_pair smtp-sink "$PORT" "${PIDS[-1]}"

if python3 -c 'import aiosmtpd' 2>/dev/null; then
    python3 "$HARNESS/smtp_sink.py" --host 127.0.0.1 --port "$AIO_PORT" --stats "$WORK/aiosmtpd.json" &
    PIDS+=($!)
    sleep 1
    send_pair aiosmtpd "$AIO_PORT" "${PIDS[-1]}"
fi
# POSTFIX=1: a real Postfix on 127.0.0.1:25 (the harness's discard-only, never-relaying setup, as root), which
# fsyncs each queue file: a multi-process server whose own limit is the disk. The W1 addresses (example.com) are made
# local there, so every message is taken and discarded.
if [ -n "${POSTFIX:-}" ]; then
    DELIVERY=discard bash "$HARNESS/postfix_setup.sh" start
    postconf -e 'mydestination = vitrine.test, localhost, example.com'
    postfix reload
    sleep 1
    send_pair postfix 25 postfix
    postfix stop
fi
cleanup
PIDS=()

echo
python3 - "$RES" <<'PY'
import json, os, re, statistics, sys
res = sys.argv[1]
def figures(name):
    path = os.path.join(res, name + ".time")
    if not os.path.exists(path):
        return None
    text = open(path).read()
    # Every run of the case (time -a appends): the median wall and CPU, the largest peak RSS.
    get = lambda key: [m.strip() for m in re.findall(re.escape(key) + r":\s*(.+)", text)]
    walls = [sum(float(part) * 60 ** i for i, part in enumerate(reversed(clock.split(":"))))
             for clock in get("Elapsed (wall clock) time (h:mm:ss or m:ss)")]
    cpus = [float(u) + float(s) for u, s in zip(get("User time (seconds)"), get("System time (seconds)"))]
    rss = max(int(k) for k in get("Maximum resident set size (kbytes)")) / 1024
    count = int(open(os.path.join(res, name + ".count")).read())
    return statistics.median(walls), statistics.median(cpus), rss, count, walls
rows = [
    ("python-mail", "Python Jinja2 + email → .eml (gen_emails.py)"),
    ("vitrine-mail", "vitrine mail W1 → .eml + manifest (cold, synced)"),
    ("vitrine-mail-nochange", "vitrine mail W1, nothing changed"),
    ("cp", "cp -r of vitrine's folder"),
    ("cp-sync", "sync after that cp"),
    ("python-send-smtp-sink-1", "Python smtplib, 1 conn → smtp-sink"),
    ("python-send-smtp-sink-4", "Python smtplib, 4 conns → smtp-sink"),
    ("vitrine-send-smtp-sink", "vitrine send --connections 4 → smtp-sink"),
    ("python-send-aiosmtpd-1", "Python smtplib, 1 conn → aiosmtpd"),
    ("python-send-aiosmtpd-4", "Python smtplib, 4 conns → aiosmtpd"),
    ("vitrine-send-aiosmtpd", "vitrine send --connections 4 → aiosmtpd"),
    ("python-send-postfix-1", "Python smtplib, 1 conn → Postfix (discard)"),
    ("python-send-postfix-4", "Python smtplib, 4 conns → Postfix (discard)"),
    ("vitrine-send-postfix", "vitrine send --connections 4 → Postfix (discard)"),
]
def sink_cpu(name):
    path = os.path.join(res, name + ".sink")
    return float(open(path).read()) if os.path.exists(path) else None
found = {name: figures(name) for name, _ in rows}
print("| case | messages | wall s | msgs/s | CPU s (user+sys) | peak RSS MiB | server's CPU s |")
print("|---|---:|---:|---:|---:|---:|---:|")
for name, label in rows:
    f = found[name]
    if f is None:
        continue
    wall, cpu, rss, count, walls = f
    rate = f"{count / wall:,.0f}" if count and wall > 0 else "–"
    server = sink_cpu(name)
    server = f"{server:.2f}" if server is not None else ""
    runs = f" (median of {len(walls)}: {', '.join(f'{w:.1f}' for w in walls)})" if len(walls) > 1 else ""
    print(f"| {label}{runs} | {count:,} | {wall:.2f} | {rate} | {cpu:.1f} | {rss:.0f} | {server} |")
print()
for peer in ("smtp-sink", "aiosmtpd", "postfix"):
    for conns in (1, 4):
        path = os.path.join(res, f"python-send-{peer}-{conns}.out")
        if os.path.exists(path):
            print(f"python-send-{peer}-{conns} (its own timer, SMTP exchange only): {open(path).read().strip()}")
mail, python = found["vitrine-mail"], found["python-mail"]
if mail and python:
    print(f"mail: {mail[3] / mail[0] / (python[3] / python[0]):.1f}× the Python baseline's msgs/s (target ≥ 20×)")
if mail and found["cp"]:
    disk = found["cp"][0] + (found["cp-sync"][0] if found["cp-sync"] else 0)
    print(f"mail: {mail[0] / disk:.2f}× the time of cp -r + sync at the medians (target ≤ 1.5×)")
    rounds = [m / (c + s) for m, c, s in zip(mail[4], found["cp"][4], found["cp-sync"][4])]
    print("  round by round: " + ", ".join(f"{r:.2f}×" for r in rounds))
for peer in ("smtp-sink", "aiosmtpd", "postfix"):
    ours = found.get(f"vitrine-send-{peer}")
    for conns in (1, 4):
        theirs = found.get(f"python-send-{peer}-{conns}")
        if ours and theirs:
            print(f"send into {peer}: {theirs[0] / ours[0]:.2f}× the msgs/s of Python smtplib over {conns} "
                  f"connection(s), whole process (target ≥ 3×)")
    server = sink_cpu(f"vitrine-send-{peer}")
    if ours and server:
        print(f"  {peer} spent {server / ours[3] * 1e6:.0f} µs of CPU per message of vitrine's: on one core it "
              f"cannot take more than {ours[3] / server:,.0f} msgs/s from any client")
PY
