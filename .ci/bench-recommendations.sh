#!/usr/bin/env bash
# Recommendation quality beside peers: vitrine's per-customer picks and the models of the `implicit` library
# (item cosine, TF-IDF and BM25 neighbours, ALS, BPR) on the same UCI Online Retail split, same scoring, same run.
#   1. builds vitrine-bench (release) and runs `segments uci` (May) and `segments uci --rolling` (the windows);
#   2. installs implicit (pinned) in a virtual environment outside the tree and runs .ci/peer-recommendations.py,
#      which chooses each peer's settings on the same five validation windows and then runs May once;
#   3. prints a markdown table per side (about three minutes on two cores).
# Env: DATA (the UCI file, default ../shared/data/transactions/online_retail_2010-12_to_2011-05.csv beside the
# repository),
# VENV (default /tmp/vitrine-peer-venv).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DATA=${DATA:-$ROOT/../shared/data/transactions/online_retail_2010-12_to_2011-05.csv}
VENV=${VENV:-/tmp/vitrine-peer-venv}
[ -f "$DATA" ] || {
    echo "error: $DATA not found. It is the UCI \"Online Retail\" data set (Chen, Sain & Guo 2012; CC BY 4.0):" \
        "https://archive.ics.uci.edu/dataset/352/online+retail, its rows of 2010-12-01 to 2011-05-31 as one CSV" \
        "(see ../shared/data/transactions/PROVENANCE.md); set DATA to its path." >&2
    exit 1
}

echo "== building vitrine-bench (release)" >&2
(cd "$ROOT" && swift build -c release --product vitrine-bench 2>&1 | tail -1) >&2
echo "== vitrine: May, then the validation windows"
"$ROOT/.build/release/vitrine-bench" segments uci --data "$DATA"
"$ROOT/.build/release/vitrine-bench" segments uci --data "$DATA" --rolling | tail -2

echo "== peers: implicit in $VENV" >&2
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/pip" install --quiet --disable-pip-version-check implicit==0.7.3 threadpoolctl >&2
"$VENV/bin/python" "$ROOT/.ci/peer-recommendations.py" "$DATA"
