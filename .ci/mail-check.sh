#!/usr/bin/env bash
# The example campaign as its recipients get it: `vitrine mail` writes the batch; a Greek and a Persian message are
# read back with Python's e-mail parser (both parts, the text part without markup, `dir="rtl"` for Persian), and their
# HTML parts are loaded in a real browser (chromium via Selenium, as in the site check) at two widths, failing on any
# console error or failed request. The shop's address is pointed at a loopback server that holds the open pixel.
# usage: .ci/mail-check.sh VITRINE_BINARY OUTPUT_DIR SCREENSHOT_DIR
set -euo pipefail
vitrine=$1
output=$2
shots=$3
here=$(dirname "$0")

state=$(mktemp -d)/state.sqlite
"$vitrine" mail winter-2026 --output "$output" --state "$state"
preview=$(mktemp -d)
cp "$output/site/px.gif" "$preview/px.gif"
# The browser asks for a site icon of its own; a mail client would not.
cp "$output/site/px.gif" "$preview/favicon.ico"
python3 - "$output/mail/winter-2026" "$preview" <<'PYTHON'
import email, email.policy, glob, re, sys
folder, preview = sys.argv[1], sys.argv[2]
found = {}
for path in sorted(glob.glob(folder + "/*.eml")):
    message = email.message_from_bytes(open(path, "rb").read(), policy=email.policy.default)
    html = message.get_body(("html",)).get_content()
    text = message.get_body(("plain",)).get_content()
    lang = re.search(r'<html lang="([a-z]+)" dir="(ltr|rtl)"', html)
    if not lang or lang.group(1) not in ("el", "fa") or lang.group(1) in found or "/px.gif?vt=" not in html:
        continue
    assert (lang.group(2) == "rtl") == (lang.group(1) == "fa"), f"{path}: wrong direction"
    assert not re.search(r"<[a-zA-Z/][^>]*>", text), f"{path}: markup in the text part"
    found[lang.group(1)] = path
    open(f"{preview}/{lang.group(1)}.html", "w").write(html.replace("https://shop.example.com", ""))
    open(f"{preview}/{lang.group(1)}.txt", "w").write(text)
assert set(found) == {"el", "fa"}, f"no tracked Greek and Persian messages: {found}"
print("messages read back:", ", ".join(f"{k} {v.rsplit('/', 1)[1]}" for k, v in sorted(found.items())))
PYTHON

port=$((20000 + RANDOM % 20000))
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$preview" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
    curl -s -o /dev/null "http://127.0.0.1:$port/px.gif" && break
    sleep 0.1
done
python3 "$here/browser-check.py" "http://127.0.0.1:$port" "$shots" /el.html /fa.html
