#!/bin/sh
# Main-text extraction: crosscheck beside readability-lxml (Debian's
# python3-readability) and Mozilla's readability.js (@mozilla/readability on
# jsdom), on the same pages of the trafilatura evaluation set, each on one core
# (taskset -c 0), every system's text scored by the one scorer,
# `crosscheck eval extract --system-output`.
#
# Usage (from the repo root, after `make build`; `make bench` runs it):
#
#   sh bench/extract.sh [SHARED_DIR]     default ../shared
#   sh bench/extract.sh --install-only   install what the competitors need, run nothing
#
# Installs what is missing: python3-readability, and nodejs + npm when there is
# no node/npm (apt-get, as root or via sudo), then the pinned JavaScript
# packages of bench/extract_readability_js (npm ci into
# build/bench/readability-js; needs the npm registry once). A competitor that
# cannot be set up is left out with a message; the rest still runs.
#
# Environment:
#   BENCH_EXTRACT_LIMIT   only the first N pages (default: all 990)
#   BENCH_EXTRACT_JS=0    leave out readability.js (about 5 minutes of the run)
set -eu

OUT=build/bench
BIN=build/release/crosscheck
PY=/usr/bin/python3             # Debian's, where python3-readability lives
JSSRC=bench/extract_readability_js
JSDIR=$OUT/readability-js

# ---- set-up ---------------------------------------------------------------

apt_install() {
    if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
        echo "bench extract: need root to install: $*" >&2
        return 1
    fi
    echo "bench extract: installing Debian packages: $*"
    $SUDO apt-get update -qq &&
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "$@"
}

install_deps() {
    missing=""
    "$PY" -c 'import readability, lxml.html' 2>/dev/null || missing="$missing python3-readability"
    # Any node >= 18 will do (Debian 12's is 18); do not replace one installed otherwise.
    command -v node >/dev/null 2>&1 || missing="$missing nodejs"
    command -v npm >/dev/null 2>&1 || missing="$missing npm"
    if [ -n "$missing" ]; then
        # shellcheck disable=SC2086
        apt_install $missing || echo "bench extract: could not install$missing; going on without" >&2
    fi
}

# The pinned packages, installed again only when package-lock.json changes.
install_js() {
    command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || return 1
    major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
    if [ "$major" -lt 18 ]; then
        echo "bench extract: node $(node --version) is older than 18 (jsdom's minimum)" >&2
        return 1
    fi
    stamp="$(cksum < "$JSSRC/package-lock.json") node=$(node --version)"
    if [ -d "$JSDIR/node_modules" ] && [ -f "$JSDIR/stamp" ] && [ "$(cat "$JSDIR/stamp")" = "$stamp" ]; then
        return 0
    fi
    rm -rf "$JSDIR"
    mkdir -p "$JSDIR"
    cp "$JSSRC/package.json" "$JSSRC/package-lock.json" "$JSDIR/"
    echo "bench extract: npm ci --prefix $JSDIR (@mozilla/readability, jsdom)"
    if npm ci --prefix "$JSDIR" --ignore-scripts --no-audit --no-fund --loglevel=error >"$JSDIR/npm.log" 2>&1; then
        echo "$stamp" > "$JSDIR/stamp"
    else
        cat "$JSDIR/npm.log" >&2
        echo "bench extract: npm ci failed" >&2
        return 1
    fi
}

if [ "${1:-}" = "--install-only" ]; then
    install_deps
    install_js || echo "bench extract: readability.js not set up" >&2
    exit 0
fi

SHARED=${1:-../shared}
DATA=$SHARED/data/trafilatura_eval
LIMIT=${BENCH_EXTRACT_LIMIT:-0}
if [ ! -f "$DATA/evaldata.json" ] || [ ! -d "$DATA/html" ]; then
    echo "bench extract: $DATA not found; skipping the extraction benchmark"
    exit 0
fi
if [ ! -x "$BIN" ]; then
    echo "bench extract: $BIN not built; run 'make build'" >&2
    exit 1
fi
if ! command -v jq >/dev/null 2>&1; then
    echo "bench extract: jq not found; run 'make deps'" >&2
    exit 1
fi
install_deps

PIN=""
if command -v taskset >/dev/null 2>&1 && taskset -c 0 true 2>/dev/null; then
    PIN="taskset -c 0"
else
    echo "bench extract: taskset -c 0 unavailable; the systems run unpinned"
fi
set --
if [ "$LIMIT" -gt 0 ]; then
    set -- --limit "$LIMIT"
fi

# ---- runs -----------------------------------------------------------------

mkdir -p "$OUT/extract"
ROWS=$OUT/extract/rows.tsv
: > "$ROWS"

# row NAME LABEL FIGURES_JSON [--limit N]: score OUT/extract/NAME with
# crosscheck's scorer, add the figures (pages/s, errors), append a line to ROWS.
row() {
    name=$1 label=$2 fig=$3
    shift 3
    score=$("$BIN" --json eval extract "$@" --system-output "$OUT/extract/$name" --system-name "$name" "$DATA" |
            jq -c --arg n "$name" 'select(.system == $n)')
    echo "$score" | jq -r --arg lab "$label" --argjson fig "$fig" \
        '[$lab, $fig.pages_per_second, .precision, .recall, .accuracy, .f1, .pages, $fig.errors] | @tsv' >> "$ROWS"
}

echo "crosscheck: eval extract"
# shellcheck disable=SC2086
ours=$($PIN "$BIN" --json eval extract "$@" "$DATA" | jq -c 'select(.system == "crosscheck")')
echo "$ours" | jq -r '["crosscheck", .pages_per_second, .precision, .recall, .accuracy, .f1, .pages, "-"] | @tsv' >> "$ROWS"
ours_pps=$(echo "$ours" | jq -r .pages_per_second)

if "$PY" -c 'import readability' 2>/dev/null; then
    ver=$(dpkg-query -W -f='${Version}' python3-readability 2>/dev/null | sed 's/[+~].*//' || true)
    echo "readability-lxml ${ver:-?}: $PY bench/extract_readability.py"
    rm -rf "$OUT/extract/readability-lxml"
    # shellcheck disable=SC2086
    fig=$($PIN "$PY" bench/extract_readability.py --json "$@" "$DATA" "$OUT/extract/readability-lxml")
    row readability-lxml "readability-lxml ${ver:-?}" "$fig" "$@"
else
    echo "bench extract: python3-readability not available; readability-lxml left out"
fi

if [ "${BENCH_EXTRACT_JS:-1}" = 0 ]; then
    echo "bench extract: BENCH_EXTRACT_JS=0; readability.js left out"
elif install_js; then
    rv=$(jq -r '.dependencies["@mozilla/readability"]' "$JSSRC/package.json")
    jv=$(jq -r '.dependencies.jsdom' "$JSSRC/package.json")
    echo "readability.js $rv, jsdom $jv, node $(node --version): node $JSSRC/extract.mjs (a few minutes)"
    rm -rf "$OUT/extract/readability.js"
    # shellcheck disable=SC2086
    fig=$(NODE_PATH="$JSDIR/node_modules" $PIN node "$JSSRC/extract.mjs" --json "$@" "$DATA" "$OUT/extract/readability.js")
    row readability.js "readability.js $rv + jsdom $jv" "$fig" "$@"
else
    echo "bench extract: readability.js could not be set up; left out"
fi

# ---- table ----------------------------------------------------------------

echo
echo "$DATA: $(head -n 1 "$ROWS" | cut -f 7) pages, one core ($PIN), text scored by crosscheck eval extract"
awk -F '\t' -v ours="$ours_pps" '
    BEGIN { printf "  %-34s %9s %6s %6s %6s %6s %7s  %s\n", "SYSTEM", "PAGES/S", "P", "R", "ACC", "F1",
                   "ERRORS", "CROSSCHECK" }
    {
        ratio = ($1 == "crosscheck" || $2 <= 0) ? "" : sprintf("%.1fx as fast", ours / $2)
        printf "  %-34s %9.1f %6.3f %6.3f %6.3f %6.3f %7s  %s\n", $1, $2, $3, $4, $5, $6, $8, ratio
    }' "$ROWS"
echo "  pages/s: parsing and extracting only (no reading or gunzipping), pages of readability"
echo "  already decoded to text; ERRORS: pages where the system failed (scored as empty)"
