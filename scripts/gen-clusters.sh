#!/bin/sh
# Rebuild data/clusters/english.tsv, Brown word clusters for the entity
# tagger, from unlabelled news text in ../shared/data (see
# data/clusters/README.md):
#   CoNLL-2003 train.txt (tokens only; dev.txt is the tagger's evaluation set
#   and is NOT used), PolNeAR texts (all parts), NeuS (AllSides excerpts:
#   the .source files and the raw_crawled bodies), TimeBank 1.2 (TimeML tags
#   stripped) and the Giveme5W1H gold-standard articles.
# ECB+ (an evaluation set) is left out on purpose.
# Usage: scripts/gen-clusters.sh [SHARED_DIR]   (run from the repo root, after make build)
# Environment: CLUSTERS (default 256), MIN_COUNT (default 3), OUT (default
# data/clusters/english.tsv), KEEP (a folder: keep the prepared corpus there).
# Needs cc, awk, sed, jq.
set -eu
shared=${1:-../shared}
data=$shared/data
clusters=${CLUSTERS:-256}
min_count=${MIN_COUNT:-3}
out=${OUT:-data/clusters/english.tsv}
lib=build/release/libcrosscheck.a
[ -f "$lib" ] || { echo "gen-clusters: build first (make build)" >&2; exit 1; }
[ -f "$data/conll2003/train.txt" ] || { echo "gen-clusters: no $data/conll2003/train.txt" >&2; exit 1; }
if [ -n "${KEEP:-}" ]; then tmp=$KEEP; mkdir -p "$tmp"; else
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
fi

cc -std=c11 -O2 -Wall -Wextra -Iinclude -Isrc -Ibuild/gen -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
    -o "$tmp/brown_main" tools/brown_main.c "$lib" -lsqlite3 -lutf8proc -lstemmer -lxxhash -lcjson -lm

# CoNLL-2003 train: the token column, one sentence a line, a blank line
# between documents (a boundary for the bigrams).
awk '
    /^-DOCSTART-/ { if (line != "") print line; line = ""; print ""; next }
    NF == 0 { if (line != "") print line; line = ""; next }
    { line = line (line == "" ? "" : " ") $1 }
    END { if (line != "") print line }
' "$data/conll2003/train.txt" >"$tmp/conll.tok"

# Running text, one paragraph a line, blank lines between paragraphs.
{
    # PolNeAR: plain text files.
    for f in "$data"/polnear/*/text/*.txt; do cat "$f"; printf '\n\n'; done
    # NeuS .source: "TITLE=> t ARTICLE=> body [SEP] TITLE=> ..." -> the bodies.
    for f in "$data"/neus_allsides/*.source; do
        sed -e 's/ *\[SEP\] */\n/g' "$f" | sed -n -e 's/^.*ARTICLE=> *//p'
    done
    # NeuS raw crawl: the body paragraphs of the left, centre and right reports.
    for f in "$data"/neus_allsides/raw_crawled/*.jsonl; do
        jq -r '.news | to_entries[] | .value.newBody // [] | .[] | select(type == "string")' "$f"
    done
    # TimeBank: the <TEXT> element, tags stripped, entities decoded.
    for f in "$data"/tempeval3_tbaq/*/*.tml; do
        sed -n '/<TEXT>/,/<\/TEXT>/p' "$f" | sed -e 's/<[^>]*>//g' \
            -e 's/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&apos;/'"'"'/g; s/&amp;/\&/g'
        printf '\n\n'
    done
    # Giveme5W1H gold standard: the article text.
    for f in "$data"/giveme5w1h/*/*.json; do jq -r '.text // empty' "$f"; printf '\n\n'; done
} | tr -d '\r' | sed -e 's/^[[:space:]]*//' |
    # each paragraph once (PolNeAR boilerplate, NeuS overlap), blank lines between
    awk 'NF == 0 { next } !seen[$0]++ { print; print "" }' >"$tmp/raw.txt"

mkdir -p "$(dirname "$out")"
start=$(date +%s)
"$tmp/brown_main" --out "$out" --clusters "$clusters" --min-count "$min_count" \
    ${KEEP:+--dump-tokens "$tmp/tokens.txt"} \
    --tokenized "$tmp/conll.tok" --raw "$tmp/raw.txt"
echo "gen-clusters: wrote $out ($(wc -l <"$out") words, $(wc -c <"$out") bytes) in $(($(date +%s) - start)) s"
