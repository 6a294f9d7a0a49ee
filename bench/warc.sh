#!/bin/sh
# WARC benchmark: an archive of invented news pages (each with its request
# record and an image response, as crawls hold them) read and extracted
# without the store (build/bench/bench_warc), then ingested into a fresh
# store; then a 1 GB archive of large non-HTML records (zeros) read through
# (blocks read past). Prints records/s, MB/s and peak RSS.
#
# Usage (from the repo root, after `make build build/bench/bench_warc`):
#
#   sh bench/warc.sh
#
# Environment:
#   BENCH_WARC_PAGES   pages in the archive (default 5000)
#   BENCH_WARC_SKIP_MB size of the read-through archive in MB (default 1000; 0 skips it)
set -eu

PAGES=${BENCH_WARC_PAGES:-5000}
SKIP_MB=${BENCH_WARC_SKIP_MB:-1000}
BIN=build/release/crosscheck
OUT=build/bench/warc
TIME=/usr/bin/time

if [ ! -x "$BIN" ] || [ ! -x "$TIME" ]; then
    echo "bench/warc.sh: needs $BIN (make build) and $TIME (Debian package time)" >&2
    exit 1
fi
mkdir -p "$OUT"

# The archive: awk counts bytes under LC_ALL=C, so Content-Length is right.
LC_ALL=C awk -v pages="$PAGES" 'BEGIN {
    srand(11)
    n = split("harbour ferry council budget storm rescue minister report vote energy price school " \
              "bridge repairs river flood police court hospital union strike rail airport museum " \
              "election mayor tax housing water power grid wind farm fishing port quay lighthouse", w, " ")
    split("Port Aldwick|Ostrel Island|Holloway|Marrowby|Brightwater|Calder|Eastmarch|Vestmark", place, "|")
    for (i = 1; i <= pages; i++) {
        topic = w[int(rand() * n) + 1]; where = place[int(rand() * 8) + 1]
        uri = sprintf("https://news%d.example/2026/03/%02d/%s-%d", i % 40, i % 28 + 1, topic, i)
        title = sprintf("%s %s: %s talks resume after week of delays", where, topic, w[int(rand() * n) + 1])
        body = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" title "</title></head><body>" \
               "<nav><a href=\"/\">Home</a> <a href=\"/local\">Local</a> <a href=\"/sport\">Sport</a></nav><article><h1>" title "</h1>"
        for (p = 0; p < 6; p++) {
            para = "The " w[int(rand() * n) + 1] " officials in " where " said on Tuesday"
            for (k = 0; k < 50; k++) {
                para = para (k % 12 == 11 ? ". The " : " ") w[int(rand() * n) + 1]
                if (k % 9 == 4) para = para " " int(rand() * 900 + 10)
            }
            body = body "<p>" para ".</p>\n"
        }
        body = body "</article><footer>Invented page for the crosscheck benchmark</footer></body></html>\n"
        http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " length(body) "\r\n\r\n" body
        req = "GET /" i " HTTP/1.1\r\nHost: news.example\r\nUser-Agent: bench\r\n\r\n"
        img = "HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\n\r\n"
        for (k = 0; k < 300; k++) img = img "\377\330\377\340JFIF"
        record("request", uri, "application/http; msgtype=request", req, i)
        record("response", uri, "application/http; msgtype=response", http, i)
        record("response", uri ".jpg", "application/http; msgtype=response", img, i)
    }
}
function record(type, uri, ctype, block, i) {
    printf "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2026-03-%02dT10:00:00Z\r\n", type, uri, i % 28 + 1
    printf "WARC-Record-ID: <urn:uuid:%08d-0000-0000-0000-%012d>\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n", i, length(block), ctype, length(block)
    printf "%s\r\n\r\n", block
}' >"$OUT/pages.warc"
gzip -6 -c "$OUT/pages.warc" >"$OUT/pages.warc.gz"
records=$((PAGES * 3))
plain=$(wc -c <"$OUT/pages.warc" | tr -d ' ')
packed=$(wc -c <"$OUT/pages.warc.gz" | tr -d ' ')

if [ -x build/bench/bench_warc ]; then
    build/bench/bench_warc "$OUT/pages.warc.gz"
fi
rm -f "$OUT/bench.db" "$OUT/bench.db-wal" "$OUT/bench.db-shm"
"$TIME" -f '%e %M' -o "$OUT/time" "$BIN" --db "$OUT/bench.db" ingest "$OUT/pages.warc.gz" >"$OUT/ingest.log" 2>&1 || true
read -r secs rss <"$OUT/time"
added=$(sed -n 's/.*: \([0-9]*\) added.*/\1/p' "$OUT/ingest.log")
awk -v r="$records" -v a="$added" -v s="$secs" -v p="$plain" -v z="$packed" -v m="$rss" 'BEGIN {
    printf "warc ingest  %d records (%d pages stored) in %.1f s: %.0f records/s, %.0f pages/s, %.1f MB/s of WARC (%.1f MB/s gzip), peak RSS %.0f MB\n",
           r, a, s, r / s, a / s, p / 1e6 / s, z / 1e6 / s, m / 1024 }'

if [ "$SKIP_MB" -gt 0 ]; then
    # Ten large video responses per GB: the reader reads past their blocks.
    big_archive() {
        i=0
        while [ $i -lt $((SKIP_MB / 100)) ]; do
            i=$((i + 1))
            printf 'WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/video%d.mp4\r\n' $i
            printf 'Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n' $((100000000 + 47))
            printf 'HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\n\r\n'
            head -c 100000000 /dev/zero
            printf '\r\n\r\n'
        done
    }
    big_archive | gzip -1 >"$OUT/big.warc.gz"
    for kind in plain gzip; do
        rm -f "$OUT/skip.db" "$OUT/skip.db-wal" "$OUT/skip.db-shm" "$OUT/big.warc"
        if [ $kind = plain ]; then
            mkfifo "$OUT/big.warc"
            big_archive >"$OUT/big.warc" &
            file="$OUT/big.warc"
        else
            file="$OUT/big.warc.gz"
        fi
        "$TIME" -f '%e %M' -o "$OUT/time" "$BIN" --db "$OUT/skip.db" ingest "$file" >/dev/null 2>&1 || true
        wait
        read -r secs rss <"$OUT/time"
        awk -v k="$kind" -v mb="$SKIP_MB" -v s="$secs" -v m="$rss" 'BEGIN {
            printf "warc skip    %d MB of non-HTML records of zeros (%s%s) in %.1f s: %.0f MB/s, peak RSS %.0f MB\n",
                   mb, k, k == "plain" ? ", through a pipe" : "", s, mb / s, m / 1024 }'
    done
    rm -f "$OUT/big.warc" "$OUT/big.warc.gz"
fi
