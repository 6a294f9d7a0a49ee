#!/bin/sh
# HTTP server benchmark: `crosscheck serve` on a store of the generated
# 100,000-article corpus, loaded with wrk over loopback: the story list
# (/api/stories, the default order and ?sort=outlets) and story pages
# (/api/stories/{id}, over some hundreds of different stories taken from the
# list first). Prints requests/s, p50/p99 latency, errors, non-2xx answers,
# the server's CPU time per answer and its RSS before and after; any error or
# non-2xx answer fails the benchmark (exit 1) after the figures are printed,
# with the failing requests and the slowest story pages from the server's log.
#
# Usage (from the repo root, after `make build build/bench/gencorpus`;
# `make bench` runs it):
#
#   sh bench/serve.sh [SHARED_DIR]       default ../shared
#   sh bench/serve.sh --install-only     install wrk (and curl), run nothing
#
# The store is build/bench/serve.db, kept between runs and built again only
# when build/bench/serve.stamp no longer matches: the corpus's stamp
# (article count, seed, data directory, gencorpus binary: as bench/run.sh)
# and `crosscheck --version` (which carries the schema version). Building it
# means ingesting the corpus with entities and claims, a few minutes; with
# BENCH_SERVE_FROM=DB (bench/run.sh passes the store it has just built from
# the same corpus) that store is copied instead. The corpus is generated here
# when bench/run.sh has not made it yet.
#
# The machine has 2 cores, shared by wrk and the server: the server is pinned
# to core 0 and wrk to core 1 (taskset), so neither takes the other's core.
#
# Environment:
#   BENCH_ARTICLES          corpus size (default 100000), BENCH_SEED (default 1): as bench/run.sh
#   BENCH_SERVE_SECONDS     length of each wrk run (default 20)
#   BENCH_SERVE_CONNECTIONS wrk connections (default 16)
#   BENCH_SERVE_THREADS     the server's --threads (default 4, its own default)
#   BENCH_SERVE_PIN=0       no pinning: both run on both cores
#   BENCH_SERVE_FROM        a store of the same corpus to copy instead of ingesting
set -eu

OUT=build/bench
DIR=$OUT/serve
BIN=build/release/crosscheck
DB=$OUT/serve.db
DB_STAMP=$OUT/serve.stamp
CORPUS=$OUT/corpus.jsonl
CORPUS_STAMP=$OUT/corpus.stamp
LUA=bench/serve_paths.lua
ARTICLES=${BENCH_ARTICLES:-100000}
SEED=${BENCH_SEED:-1}
SECONDS_EACH=${BENCH_SERVE_SECONDS:-20}
CONNECTIONS=${BENCH_SERVE_CONNECTIONS:-16}
SERVER_THREADS=${BENCH_SERVE_THREADS:-4}
PIN=${BENCH_SERVE_PIN:-1}

# ---- set-up ---------------------------------------------------------------

install_deps() {
    missing=""
    command -v wrk >/dev/null 2>&1 || missing="$missing wrk"
    command -v curl >/dev/null 2>&1 || missing="$missing curl"
    [ -n "$missing" ] || return 0
    if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
        echo "bench serve: need root to install:$missing" >&2
        return 1
    fi
    echo "bench serve: installing Debian packages:$missing"
    # shellcheck disable=SC2086
    $SUDO apt-get update -qq &&
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
}

if [ "${1:-}" = "--install-only" ]; then
    install_deps || echo "bench serve: could not install wrk/curl" >&2
    exit 0
fi

SHARED=${1:-../shared}
install_deps || true
for tool in wrk curl jq; do
    if ! command -v $tool >/dev/null 2>&1; then
        echo "bench serve: $tool is not installed (make bench-deps); skipping"
        exit 0
    fi
done
if [ ! -x "$BIN" ]; then
    echo "bench serve: $BIN not built; run 'make build'" >&2
    exit 1
fi
mkdir -p "$DIR"

echo
echo "== HTTP server: crosscheck serve under load from wrk on loopback (bench/serve.sh)"
echo "machine  $(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)), shared by the server and wrk; $(wrk --version 2>&1 | head -n 1 | cut -d' ' -f1-2)"

# ---- the corpus (as bench/run.sh makes it, same stamp) ----------------------

if [ ! -x "$OUT/gencorpus" ]; then
    echo "bench serve: $OUT/gencorpus not built; run 'make build/bench/gencorpus'" >&2
    exit 1
fi
stamp="articles=$ARTICLES seed=$SEED data=$SHARED/data gencorpus=$(cksum < "$OUT/gencorpus")"
if ! { [ -f "$CORPUS" ] && [ -f "$CORPUS_STAMP" ] && [ "$(cat "$CORPUS_STAMP")" = "$stamp" ]; }; then
    if [ ! -d "$SHARED/data" ]; then
        echo "bench serve: $SHARED/data not found; skipping"
        exit 0
    fi
    rm -f "$CORPUS" "$CORPUS_STAMP"
    echo "generating $ARTICLES articles (seed $SEED) into $CORPUS"
    status=0
    "$OUT/gencorpus" --data "$SHARED/data" --articles "$ARTICLES" --seed "$SEED" \
        --out "$CORPUS.tmp" 2> "$OUT/gencorpus.log" || status=$?
    if [ "$status" -ne 0 ]; then
        rm -f "$CORPUS.tmp"
        [ "$status" -eq 77 ] && { echo "bench serve: no base texts under $SHARED/data; skipping"; exit 0; }
        cat "$OUT/gencorpus.log" >&2
        echo "bench serve: gencorpus failed (exit $status)" >&2
        exit 1
    fi
    mv "$CORPUS.tmp" "$CORPUS"
    echo "$stamp" > "$CORPUS_STAMP"
fi

# ---- the store: reused while the corpus and the schema are the same ----------

db_stamp="$(cat "$CORPUS_STAMP") $("$BIN" --version)"
remove_db() { rm -f "$1" "$1-wal" "$1-shm"; }
if [ -f "$DB" ] && [ -f "$DB_STAMP" ] && [ "$(cat "$DB_STAMP")" = "$db_stamp" ]; then
    how="reused (same corpus and schema: $DB_STAMP)"
else
    remove_db "$DB"
    rm -f "$DB_STAMP"
    remove_db "$DB.tmp"
    # Only a store made after the corpus was (make bench: bench/run.sh's, just now).
    if [ -n "${BENCH_SERVE_FROM:-}" ] && [ -f "$BENCH_SERVE_FROM" ] && [ -n "$(find "$BENCH_SERVE_FROM" -newer "$CORPUS")" ]; then
        # A closed store: its -wal, if any, holds committed pages too.
        cp "$BENCH_SERVE_FROM" "$DB.tmp"
        [ ! -f "$BENCH_SERVE_FROM-wal" ] || cp "$BENCH_SERVE_FROM-wal" "$DB.tmp-wal"
        how="copied from $BENCH_SERVE_FROM (the same corpus, just ingested)"
    else
        echo "ingesting $CORPUS into $DB (entities and claims on; a few minutes, once)"
        start=$(date +%s)
        if ! "$BIN" --db "$DB.tmp" ingest --quiet "$CORPUS" >"$DIR/ingest.log" 2>&1; then
            tail -n 5 "$DIR/ingest.log" >&2
            echo "bench serve: ingest failed" >&2
            exit 1
        fi
        how="built in $(( $(date +%s) - start )) s"
    fi
    for suffix in "" -wal -shm; do
        [ ! -f "$DB.tmp$suffix" ] || mv "$DB.tmp$suffix" "$DB$suffix"
    done
    echo "$db_stamp" > "$DB_STAMP"
fi
"$BIN" --db "$DB" --json stats >"$DIR/stats.json"
db_articles=$(jq -r '.articles' "$DIR/stats.json")
db_stories=$(jq -r '.stories' "$DIR/stats.json")
db_mb=$(du -m "$DB" | cut -f1)
echo "store    $DB: $db_articles articles, $db_stories stories, $db_mb MB; $how"

# ---- the server -------------------------------------------------------------

if [ "$PIN" = 1 ] && [ "$(nproc)" -ge 2 ] && command -v taskset >/dev/null 2>&1; then
    PIN_SERVER="taskset -c 0"
    PIN_WRK="taskset -c 1"
    WRK_THREADS=1
    placement="server pinned to core 0 (taskset -c 0), wrk to core 1 (taskset -c 1, one thread)"
else
    PIN_SERVER=""
    PIN_WRK=""
    WRK_THREADS=2
    placement="server and wrk not pinned: they share all $(nproc) cores"
fi

# Every request is logged (--access-log: method, path, status, ms) so that
# non-2xx answers and the slowest pages can be named afterwards.
# Made here, not only by the redirection in the background: the loop below
# may read it before the server's shell has opened it.
: >"$DIR/server.out"
: >"$DIR/server.log"
# shellcheck disable=SC2086
$PIN_SERVER "$BIN" --db "$DB" serve --listen 127.0.0.1:0 --threads "$SERVER_THREADS" --access-log \
    >"$DIR/server.out" 2>"$DIR/server.log" &
server=$!
stop_server() {
    if [ -n "$server" ]; then
        kill -TERM "$server" 2>/dev/null || true
        wait "$server" 2>/dev/null || true
        server=""
    fi
}
trap stop_server EXIT
trap 'stop_server; exit 1' INT TERM

url=""
tries=0
while [ -z "$url" ] && [ $tries -lt 300 ]; do
    url=$(sed -n 's|^crosscheck: serving .* on \(http://[^ ]*/\) .*|\1|p' "$DIR/server.out" 2>/dev/null || true)
    if [ -z "$url" ]; then
        kill -0 "$server" 2>/dev/null || break
        sleep 0.1
        tries=$((tries + 1))
    fi
done
if [ -z "$url" ]; then
    cat "$DIR/server.log" >&2
    echo "bench serve: the server did not start" >&2
    exit 1
fi
base=${url%/}

rss() { awk -v k="$1:" '$1 == k { printf "%.0f", $2 / 1024 }' "/proc/$server/status"; }
# The server's CPU time so far, in clock ticks (user + system).
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$server/stat"; }
TICKS=$(getconf CLK_TCK)
# Wait (30 s at most) until the server is idle: requests that wrk gave up on
# are still being answered after it stops, and would slow the next run.
settle() {
    n=0
    last=$(cpu_ticks)
    while [ $n -lt 60 ]; do
        sleep 0.5
        now=$(cpu_ticks)
        [ $((now - last)) -gt 2 ] || return 0
        last=$now
        n=$((n + 1))
    done
}
rss_start=$(rss VmRSS)

# The story ids: the 200 largest stories and pages of the default (recent)
# and sort=outlets lists, so the load spreads over large and ordinary stories.
: >"$DIR/ids.txt"
for query in "sort=size&limit=200" "limit=200" "limit=200&offset=1000" "limit=200&offset=5000" \
             "sort=outlets&limit=200&offset=200"; do
    if ! curl -sf --max-time 60 "$base/api/stories?$query" -o "$DIR/list.json"; then
        echo "bench serve: GET /api/stories?$query failed" >&2
        exit 1
    fi
    jq -r '.stories[].id' "$DIR/list.json" >>"$DIR/ids.txt"
done
# Shuffled (the same order every run), so that large and small stories alternate.
sort -n -u "$DIR/ids.txt" | awk 'BEGIN { srand(7) } { printf "%.9f /api/stories/%s\n", rand(), $1 }' |
    sort -k1,1 | cut -d' ' -f2 >"$DIR/story_paths.txt"
story_count=$(wc -l <"$DIR/story_paths.txt" | tr -d ' ')
sizes=$(curl -sf --max-time 60 "$base/api/stories?sort=size&limit=1" | jq -r '.stories[0].size')
if [ "$story_count" -lt 100 ]; then
    echo "bench serve: only $story_count story ids from the list" >&2
    exit 1
fi
rss_ready=$(rss VmRSS)

echo "server   $BIN serve --threads $SERVER_THREADS on $base; $placement"
echo "load     wrk -t$WRK_THREADS -c$CONNECTIONS -d${SECONDS_EACH}s --latency, keep-alive, one run per row"
echo "stories  $story_count different story pages (sizes up to $sizes articles) from /api/stories?sort=size and pages of the list"
printf 'rss      %s MB at start, %s MB after fetching the ids\n' "$rss_start" "$rss_ready"
echo

failed=0
printf '%-27s %8s %7s %9s %9s %6s %7s %8s %9s\n' "request" "requests" "req/s" "p50" "p99" "errors" "non-2xx" "CPU/req" "RSS after"
# run NAME PATH [PATHS_FILE]: one wrk run; a line of figures.
run() {
    name=$1
    path=$2
    paths_file=${3:-}
    log="$DIR/wrk-$name.txt"
    settle
    lines_before=$(wc -l <"$DIR/server.log")
    cpu_before=$(cpu_ticks)
    set -- -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --timeout 10s --latency
    if [ -n "$paths_file" ]; then
        set -- "$@" -s "$LUA" "$base" -- "$paths_file"
    else
        set -- "$@" "$base$path"
    fi
    # shellcheck disable=SC2086
    if ! $PIN_WRK wrk "$@" >"$log" 2>&1; then
        cat "$log" >&2
        echo "bench serve: wrk failed on $path" >&2
        failed=1
        return 0
    fi
    requests=$(sed -n 's/^ *\([0-9]*\) requests in .*/\1/p' "$log")
    rps=$(sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' "$log")
    p50=$(awk '$1 == "50%" { print $2 }' "$log")
    p99=$(awk '$1 == "99%" { print $2 }' "$log")
    errors=$(awk '/^ *Socket errors:/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' "$log")
    non2xx=$(sed -n 's/^ *Non-2xx or 3xx responses: *\([0-9]*\).*/\1/p' "$log")
    errors=${errors:-0}
    non2xx=${non2xx:-0}
    # The server's CPU per answer, counting the answers still being made
    # when wrk stopped (those it timed out on included).
    settle
    answered=$(tail -n +"$((lines_before + 1))" "$DIR/server.log" | grep -c '^crosscheck serve: ' || true)
    cpu_ms=$(awk -v t="$(( $(cpu_ticks) - cpu_before ))" -v hz="$TICKS" -v n="$answered" \
        'BEGIN { if (n > 0) printf "%.0f ms", t * 1000 / hz / n; else print "-" }')
    printf '%-27s %8s %7.1f %9s %9s %6s %7s %8s %6s MB\n' "$path" "$requests" "$rps" "$p50" "$p99" \
        "$errors" "$non2xx" "$cpu_ms" "$(rss VmRSS)"
    # Answers other than 2xx, from the server's log of this run.
    tail -n +"$((lines_before + 1))" "$DIR/server.log" >"$DIR/log-$name.txt"
    awk '$2 == "serve:" && $5 !~ /^2/ { n[$5]++ } END { for (s in n) printf "  %s: %d answers\n", s, n[s] }' \
        "$DIR/log-$name.txt" >"$DIR/bad-$name.txt"
    if [ "${requests:-0}" = 0 ]; then
        failed=1
        echo "  FAILED: no request was answered within the run"
    fi
    if [ "$errors" != 0 ] || [ "$non2xx" != 0 ] || [ -s "$DIR/bad-$name.txt" ]; then
        failed=1
        echo "  FAILED: $errors socket errors (connect, read, write, timeout), $non2xx non-2xx answers"
        sed -n '/Socket errors/p' "$log"
        cat "$DIR/bad-$name.txt"
        awk '$2 == "serve:" && $5 !~ /^2/' "$DIR/log-$name.txt" | head -n 5 | sed 's/^/  /'
    fi
}

run list-recent /api/stories
run list-outlets "/api/stories?sort=outlets"
run story-pages "/api/stories/{id}" "$DIR/story_paths.txt"
rss_end=$(rss VmRSS)
rss_peak=$(rss VmHWM)

echo
# The slowest story pages (server time, from its log) and their sizes.
awk '$2 == "serve:" && $4 ~ /^\/api\/stories\/[0-9]+$/ { ms = $6 + 0; if (ms > max[$4]) max[$4] = ms; sum[$4] += ms; n[$4]++ }
     END { for (p in max) printf "%s %.1f %.1f %d\n", p, max[p], sum[p] / n[p], n[p] }' \
    "$DIR/log-story-pages.txt" 2>/dev/null | sort -k3,3 -g -r | head -n 3 >"$DIR/slowest.txt"
if [ -s "$DIR/slowest.txt" ]; then
    echo "slowest story pages (server time from its log, mean of the page's requests):"
    while read -r path _max mean _count; do
        what=$(curl -sf --max-time 60 "$base$path" | jq -r '"\(.size) articles, \(.facts | length) facts, \(.quotes | length) quotes, \(.entities | length) entities"' || echo "?")
        printf '  %-22s %9s ms  %s\n' "$path" "$mean" "$what"
    done <"$DIR/slowest.txt"
fi
printf 'rss      %s MB at start, %s MB after the load, peak %s MB (each of its %s store connections, %s readers and the writer, keeps its own SQLite page cache)\n' \
    "$rss_start" "$rss_end" "$rss_peak" "$((SERVER_THREADS + 1))" "$SERVER_THREADS"

stop_server
trap - EXIT INT TERM
if [ "$failed" != 0 ]; then
    echo "bench serve: FAILED: errors, non-2xx answers or no answers under load (above)" >&2
    exit 1
fi
