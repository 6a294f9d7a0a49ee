#!/bin/sh
# ots (the Open Text Summarizer, Debian package `ots`) on NeuS, scored with
# crosscheck's own ROUGE beside crosscheck's brief and its baselines.
#
# Usage (from the repo root, after `make build`; `make bench` runs it on val):
#
#   sh bench/ots.sh [SHARED_DIR] [SPLIT]      default ../shared val
#
# Environment: BENCH_NEUS_LIMIT  the first N clusters only (default: all).
#
# For each cluster the three reports (each title, a blank line, its text)
# go into one plain-text file, and ots summarises it with the ratio that
# approximates the budget: ots picks whole sentences until about RATIO %
# of the input's words, so RATIO = ceil(100 × reference words / input
# words), counted as ROUGE counts (runs of [a-z0-9], lower case). Its
# output, lines joined by spaces, one cluster a line, is then scored by
# `crosscheck eval summary --system-output FILE --system-name ots`, which
# cuts every output, ots's and crosscheck's systems', to the reference's
# word count before scoring. ots's speed counts one ots process per
# cluster, start-up included (the loop of the shell script is timed, not
# the preparation of its inputs); the speed of crosscheck's systems is
# in-process (splitting into sentences and picking), and the wall time of
# the whole `crosscheck eval summary` process is printed too.
#
# Files in build/bench/ots/ are made of the restricted texts: never commit
# them.
set -eu

SHARED=${1:-../shared}
SPLIT=${2:-val}
NEUS=$SHARED/data/neus_allsides
SOURCE=$NEUS/$SPLIT.source
TARGET=$NEUS/$SPLIT.target
BIN=build/release/crosscheck
OUT=build/bench/ots
LIMIT=${BENCH_NEUS_LIMIT:-0}

if [ ! -f "$SOURCE" ] || [ ! -f "$TARGET" ]; then
    echo "bench ots: $SOURCE or $TARGET not found; skipping"
    exit 0
fi
if ! command -v ots >/dev/null 2>&1; then
    echo "bench ots: ots is not installed (make deps installs it); skipping"
    exit 0
fi
if [ ! -x "$BIN" ]; then
    echo "bench ots: $BIN not built; run 'make build'" >&2
    exit 1
fi

rm -rf "$OUT"
mkdir -p "$OUT/in"

# The budget of each cluster: the reference's words as ROUGE counts them.
LC_ALL=C awk -v limit="$LIMIT" '
    limit > 0 && NR > limit { exit }
    {
        s = $0
        gsub(/TITLE=>|ARTICLE=>/, " ", s)
        s = tolower(s)
        gsub(/[^a-z0-9]+/, " ", s)
        print split(s, words, " ")
    }' "$TARGET" >"$OUT/budgets"

# One input file per cluster, and the plan: file, ratio.
LC_ALL=C awk -v limit="$LIMIT" -v dir="$OUT/in" '
    FNR == NR { budget[FNR] = $1; next }
    limit > 0 && FNR > limit { exit }
    {
        file = sprintf("%s/%05d.txt", dir, FNR)
        n = split($0, parts, /\[SEP\]/)
        words = 0
        printf "" >file
        for (i = 1; i <= n; i++) {
            p = parts[i]
            sub(/^[ \t]*TITLE=>[ \t]*/, "", p)
            k = index(p, "ARTICLE=>")
            title = k ? substr(p, 1, k - 1) : p
            text = k ? substr(p, k + 9) : ""
            gsub(/^[ \t]+|[ \t]+$/, "", title)
            gsub(/^[ \t]+|[ \t]+$/, "", text)
            printf "%s\n\n%s\n\n", title, text >>file
            s = tolower(title " " text)
            gsub(/[^a-z0-9]+/, " ", s)
            words += split(s, w, " ")
        }
        close(file)
        ratio = words > 0 ? int((100 * budget[FNR] + words - 1) / words) : 100
        if (ratio < 1) ratio = 1
        if (ratio > 100) ratio = 100
        print file, ratio
    }' "$OUT/budgets" "$SOURCE" >"$OUT/plan"
clusters=$(wc -l <"$OUT/plan" | tr -d ' ')

now() { date +%s.%N; }

echo "== ots $(ots --version 2>/dev/null | head -n 1 | sed 's/^ots //') on NeuS $SPLIT: $clusters clusters, one process each"
start=$(now)
while read -r file ratio; do
    ots --ratio="$ratio" "$file" >"$file.out" 2>/dev/null || : >"$file.out"
done <"$OUT/plan"
end=$(now)
ots_seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')

# ots's summaries, one a line, in cluster order.
while read -r file ratio; do
    tr '\n' ' ' <"$file.out"
    echo
done <"$OUT/plan" >"$OUT/ots.txt"

set -- --source "$SOURCE" --target "$TARGET" --system-output "$OUT/ots.txt" --system-name ots
if [ "$LIMIT" -gt 0 ]; then
    set -- "$@" --limit "$LIMIT"
fi
start=$(now)
status=0
"$BIN" eval summary "$@" >"$OUT/table" || status=$?
end=$(now)
sed 's/^/  /' "$OUT/table"
awk -v n="$clusters" -v s="$ots_seconds" -v a="$start" -v b="$end" 'BEGIN {
    printf "  ots: %.2f s, %.0f clusters/s (a process per cluster, start-up included)\n", s, (s > 0 ? n / s : 0)
    printf "  crosscheck eval summary, the whole process (reading, four systems, scoring): %.2f s, %.0f clusters/s\n",
        b - a, (b - a > 0 ? n / (b - a) : 0)
}'
exit "$status"
