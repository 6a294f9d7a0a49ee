#!/bin/sh
# What the engine finds on the seed reports (../shared/seeds): ingest them
# into a temporary store and print the story's cross-checked facts (those
# more than one independent report gives, or that are contested) and its
# quote ledger (remarks quoted by more than one report). The README's
# "On the seeds" block is this script's output, pasted between its
# markers; tests/cli/test_seeds.sh checks that they still agree.
#
# Usage: sh scripts/seeds-ledger.sh [CROSSCHECK] [SHARED]
set -eu
BIN=${1:-build/release/crosscheck}
SHARED=${2:-../shared}
DIR=$(mktemp -d "${TMPDIR:-/tmp}/seeds-ledger.XXXXXX")
trap 'rm -rf "$DIR"' EXIT
"$BIN" --db "$DIR/seeds.db" ingest --quiet "$SHARED/seeds" >/dev/null
story=$("$BIN" --db "$DIR/seeds.db" --json stories --limit 1 | jq -r .id)
echo '$ crosscheck ingest ../shared/seeds && crosscheck facts --story 1   # contested and shared facts'
"$BIN" --db "$DIR/seeds.db" facts --story "$story" | awk '/^[a-z]/ { keep = $1 != "single" } keep'
echo
echo '$ crosscheck quotes --story 1   # remarks quoted by more than one report'
"$BIN" --db "$DIR/seeds.db" quotes --story "$story" |
    awk '/^[^ ]/ { head = $0; next } /^    [0-9]+ independent/ { keep = ($0 ~ /reports/); if (keep) print head } keep'
