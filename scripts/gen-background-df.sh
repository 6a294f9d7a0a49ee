#!/bin/sh
# Rebuild data/idf/english.tsv, the background document frequencies, from
# news text in ../shared/data that crosscheck is NOT evaluated on:
#   PolNeAR (2016 US election news, all three parts), CoNLL-2003 train
#   (Reuters, 1996), TimeBank 1.2 (news, TimeML tags stripped).
# ECB+ and NeuS, the clustering evaluation sets, are left out on purpose.
# Usage: scripts/gen-background-df.sh [SHARED_DIR]   (run from the repo root, after make build)
set -eu
shared=${1:-../shared}
data=$shared/data
bin=build/release/crosscheck
[ -x "$bin" ] || { echo "gen-background-df: build first (make build)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/conll" "$tmp/timebank"
# CoNLL: one token a line, documents separated by -DOCSTART- lines.
awk -v dir="$tmp/conll" '
    function flush() { if (text != "") { f = sprintf("%s/doc%05d.txt", dir, n); printf "%s", text > f; close(f) } text = "" }
    /^-DOCSTART-/ { flush(); n++; next }
    NF == 0 { if (line != "") { text = text line "\n"; line = "" } next }
    { line = line (line == "" ? "" : " ") $1 }
    END { if (line != "") text = text line "\n"; flush() }
' "$data/conll2003/train.txt"
for f in "$data"/tempeval3_tbaq/TimeBank/*.tml; do
    sed -e 's/<[^>]*>//g' "$f" >"$tmp/timebank/$(basename "$f" .tml).txt"
done
"$bin" train idf --out data/idf/english.tsv \
    "$data/polnear/train/text" "$data/polnear/dev/text" "$data/polnear/annotator-training/text" \
    "$tmp/conll" "$tmp/timebank"
