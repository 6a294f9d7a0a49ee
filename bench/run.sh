#!/bin/sh
# Ingest benchmark: generate a corpus from the shared data, ingest it into a
# fresh store, and print figures ready to paste into bench/README.md.
#
# Usage (from the repo root, after `make build/bench/gencorpus
# build/bench/bench_ingest`; `make bench` does both):
#
#   sh bench/run.sh [SHARED_DIR]          default ../shared
#
# Environment:
#   BENCH_ARTICLES   corpus size in articles (default 100000)
#   BENCH_SEED       gencorpus seed (default 1)
#   BENCH_BATCH      articles per transaction (default: the library's)
#
# The corpus is kept in build/bench/corpus.jsonl and reused while the
# article count, seed, data directory and gencorpus binary are unchanged
# (see build/bench/corpus.stamp). It is made of restricted texts: never
# commit it.
set -eu

SHARED=${1:-../shared}
ARTICLES=${BENCH_ARTICLES:-100000}
SEED=${BENCH_SEED:-1}
OUT=build/bench
CORPUS=$OUT/corpus.jsonl
STAMP=$OUT/corpus.stamp
DB=$OUT/bench.db

if [ ! -d "$SHARED/data" ]; then
    echo "bench: $SHARED/data not found; skipping"
    exit 0
fi
for bin in "$OUT/gencorpus" "$OUT/bench_ingest"; do
    if [ ! -x "$bin" ]; then
        echo "bench: $bin not built; run 'make bench'" >&2
        exit 1
    fi
done

echo "== machine"
echo "date     $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "cpu      $(nproc) x $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)"
echo "memory   $(awk '/^MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo 2>/dev/null)"
echo "kernel   $(uname -sr)"
echo "compiler $(${CC:-cc} --version 2>/dev/null | head -n 1)"
rev=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]; then
    rev="$rev (with uncommitted changes)"
fi
echo "revision $rev"

# Reuse the corpus only if it was made with the same inputs. The binary's
# checksum stands in for the generator's version.
stamp="articles=$ARTICLES seed=$SEED data=$SHARED/data gencorpus=$(cksum < "$OUT/gencorpus")"
echo
echo "== corpus"
if [ -f "$CORPUS" ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$stamp" ]; then
    echo "reusing $CORPUS"
else
    rm -f "$CORPUS" "$STAMP"
    echo "generating $ARTICLES articles (seed $SEED) into $CORPUS"
    status=0
    "$OUT/gencorpus" --data "$SHARED/data" --articles "$ARTICLES" --seed "$SEED" \
        --out "$CORPUS.tmp" 2> "$OUT/gencorpus.log" || status=$?
    if [ "$status" -eq 77 ]; then
        rm -f "$CORPUS.tmp"
        echo "bench: no base texts under $SHARED/data; skipping"
        exit 0
    elif [ "$status" -ne 0 ]; then
        rm -f "$CORPUS.tmp"
        cat "$OUT/gencorpus.log" >&2
        echo "bench: gencorpus failed (exit $status)" >&2
        exit 1
    fi
    # Rename only once complete, so an interrupted run is never reused.
    mv "$CORPUS.tmp" "$CORPUS"
    echo "$stamp" > "$STAMP"
fi
lines=$(wc -l < "$CORPUS" | tr -d ' ')
bytes=$(wc -c < "$CORPUS" | tr -d ' ')
awk -v l="$lines" -v b="$bytes" 'BEGIN { printf "%d articles, %.1f MB of JSON Lines\n", l, b / 1e6 }'

echo
echo "== ingest into $DB (fresh store)"
set -- --progress $(( (ARTICLES + 9) / 10 ))
if [ -n "${BENCH_BATCH:-}" ]; then
    set -- "$@" --batch "$BENCH_BATCH"
fi
"$OUT/bench_ingest" "$@" "$DB" "$CORPUS"

echo
echo "== engines without the store: dedup, dedup + clustering, memory of the active index"
"$OUT/bench_engine" "$CORPUS"

STREAM=${BENCH_STREAM:-1000000}
if [ "$STREAM" -gt 0 ]; then
    echo
    echo "== a $STREAM-article stream through the engines (gencorpus | bench_engine --stream): RSS"
    "$OUT/gencorpus" --data "$SHARED/data" --articles "$STREAM" --seed "$SEED" 2>/dev/null |
        "$OUT/bench_engine" --stream --every $(( (STREAM + 9) / 10 )) -
fi

echo
echo "== entity tagger: load time, tagging speed (one core), whole-article extraction"
set --
if [ -f "$SHARED/data/conll2003/dev.txt" ]; then
    set -- --conll "$SHARED/data/conll2003/dev.txt"
fi
"$OUT/bench_ner" "$@" --articles 20000 "$CORPUS"

if [ -d "$SHARED/data/polnear/train/text" ] && [ -x "$OUT/bench_quotes" ]; then
    echo
    echo "== quotes: the finder alone and with entity extraction (PolNeAR train texts, one core)"
    "$OUT/bench_quotes" "$SHARED/data/polnear/train"
fi

if [ -x "$OUT/bench_numbers" ] && ls "$SHARED"/data/polnear/*/text/*.txt >/dev/null 2>&1; then
    echo
    echo "== quantities: numbers of the PolNeAR texts (one core)"
    "$OUT/bench_numbers" "$SHARED"/data/polnear/*/text/*.txt
fi

if [ -x "$OUT/bench_claims" ]; then
    echo
    echo "== what each article says: quotes + numbers + dates (one core), then the story ledgers"
    "$OUT/bench_claims" --articles 20000 "$CORPUS"
fi

echo
echo "== briefs: every story's brief and timeline, read from the store just built (crosscheck brief --all)"
rm -rf "$OUT/briefs"
brief_start=$(date +%s.%N)
build/release/crosscheck --db "$DB" brief --all --out "$OUT/briefs" 2>"$OUT/briefs.log"
brief_end=$(date +%s.%N)
awk -v s="$brief_start" -v e="$brief_end" -v n="$(ls "$OUT/briefs" | wc -l)" \
    'BEGIN { printf "briefs     %d stories in %.1f s: %.0f stories/s (Markdown files written)\n", n, e - s, n / (e - s) }'

echo
echo "== dates: recognition and normalisation speed (one core), date inference"
"$OUT/bench_dates" --articles 20000 "$CORPUS"

echo
echo "== WARC archives: invented pages ingested (fresh store), then large non-HTML records read through"
sh bench/warc.sh

echo
echo "== accuracy (crosscheck eval)"
bin=build/release/crosscheck
"$bin" eval dedup "$CORPUS" | sed 's/^/  /'
if [ -f "$SHARED/data/ecbplus/articles.jsonl" ]; then
    "$bin" eval cluster "$SHARED/data/ecbplus/articles.jsonl" | sed 's/^/  /'
fi
if ls "$SHARED"/data/neus_allsides/raw_crawled/*.jsonl >/dev/null 2>&1; then
    sh scripts/neus-stories.sh "$SHARED" >"$OUT/neus.jsonl"
    "$bin" eval cluster "$OUT/neus.jsonl" | sed 's/^/  /'
fi
if [ -f "$SHARED/data/conll2003/dev.txt" ]; then
    "$bin" eval ner "$SHARED/data/conll2003/dev.txt" | sed 's/^/  /'
fi
if [ -d "$SHARED/data/ecbplus/xml" ]; then
    "$bin" eval entities "$SHARED/data/ecbplus/xml" | sed 's/^/  /'
fi
if [ -d "$SHARED/data/tempeval3_tbaq/TimeBank" ]; then
    "$bin" eval dates "$SHARED/data/tempeval3_tbaq/TimeBank" | sed 's/^/  /'
fi
if [ -d "$SHARED/data/polnear/dev" ]; then
    "$bin" eval quotes "$SHARED/data/polnear/dev" | sed 's/^/  /'
fi

echo
echo "== summaries on NeuS val: crosscheck's brief, Lead, LexRank, centroid and ots (ROUGE at the reference's length)"
sh bench/ots.sh "$SHARED" val

echo
echo "== main-text extraction: crosscheck, readability-lxml and readability.js on one core (bench/extract.sh)"
sh bench/extract.sh "$SHARED"
