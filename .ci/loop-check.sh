#!/usr/bin/env bash
# The whole loop without nginx, as the README walks it: a campaign's batch (`vitrine mail`), `vitrine serve` in front
# of the built site, a recipient's mail client fetching the open pixel, a click on a product link and the one-click
# unsubscribe POST (taken from one of the written messages), `vitrine ingest` of the preview server's access log,
# `vitrine report` with exactly those counts, the next batch without the unsubscribed customer, and the report's
# HTML in a real browser.
# usage: .ci/loop-check.sh VITRINE_BINARY OUTPUT_DIR SCREENSHOT_DIR   (OUTPUT_DIR holds a built example store)
set -euo pipefail
vitrine=$1
output=$2
shots=$3
here=$(dirname "$0")
work=$(mktemp -d)
state="$work/state.sqlite"
browser="Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36"

"$vitrine" mail winter-2026 --output "$output" --state "$state" --quiet
rm -f "$output/logs/access.log"
port=$((20000 + RANDOM % 20000))
"$vitrine" serve --output "$output" --port "$port" >"$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
    grep -q "serving" "$work/serve.log" && break
    sleep 0.1
done

# One recipient with tracking consent: their pixel, their first product link, their unsubscribe address.
python3 - "$output/mail/winter-2026" "http://127.0.0.1:$port" >"$work/links" <<'PYTHON'
import csv, email, email.policy, re, sys
folder, local = sys.argv[1], sys.argv[2]
for row in csv.DictReader(open(folder + "/manifest.csv")):
    message = email.message_from_bytes(open(f"{folder}/{row['file']}", "rb").read(), policy=email.policy.default)
    html = message.get_body(("html",)).get_content()
    pixel = re.search(r'src="(https://shop\.example\.com/px\.gif\?vt=[^"]+)"', html)
    link = re.search(r'href="(https://shop\.example\.com/[a-z]+/p/[^"]+vt=[^"]+)"', html)
    if not (pixel and link):
        continue
    unsubscribe = re.search(r"<(https://[^>]+/unsubscribe/\?vt=[^>]+)>", str(message["List-Unsubscribe"])).group(1)
    for url in (pixel.group(1), link.group(1).replace("&amp;", "&"), unsubscribe):
        print(url.replace("https://shop.example.com", local))
    print(row["recipient"], row["segment"])
    break
PYTHON
{ read -r pixel; read -r link; read -r unsubscribe; read -r customer segment; } <"$work/links"
curl -sf -A "$browser" -o /dev/null "$pixel"
sleep 1
curl -sf -A "$browser" -o /dev/null "$link"
curl -sf -A "$browser" -o /dev/null -X POST -d "List-Unsubscribe=One-Click" "$unsubscribe"
kill $server
wait $server 2>/dev/null || true
trap - EXIT

"$vitrine" ingest "$output/logs/access.log" --state "$state"
"$vitrine" report --output "$output" --state "$state" --json >"$work/report.json"
python3 - "$work/report.json" "$segment" <<'PYTHON'
import json, sys
report, segment = json.load(open(sys.argv[1])), sys.argv[2]
campaign = next(c for c in report["campaigns"] if c["id"] == "winter-2026")
row = next(r for r in campaign["segments"] if r["segment"] == segment)
got = {"opens": row["opens"]["unique_human"], "clicks": row["clicks"]["unique_human"], "unsubscribes": row["unsubscribes"]}
assert got == {"opens": 1, "clicks": 1, "unsubscribes": 1}, f"{segment}: {got}"
print(f"report: segment {segment}: 1 open, 1 click, 1 unsubscribe, as sent")
PYTHON
again=$("$vitrine" mail winter-2026 --output "$output" --state "$state" --json)
grep -q '"suppressed": 1' <<<"$again" || { echo "the unsubscribed customer is still mailed: $again" >&2; exit 1; }
! grep -q "^$customer," "$output/mail/winter-2026/manifest.csv" || { echo "$customer is in the next batch" >&2; exit 1; }
echo "the next batch leaves the unsubscribed customer out"

port=$((20000 + RANDOM % 20000))
cp -RL "$output/reports" "$work/reports"
cp "$output/site/px.gif" "$work/reports/favicon.ico"   # the browser asks for a site icon of its own
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/reports" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
    curl -s -o /dev/null "http://127.0.0.1:$port/" && break
    sleep 0.1
done
python3 "$here/browser-check.py" "http://127.0.0.1:$port" "$shots" /index.html
