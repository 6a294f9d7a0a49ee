# WARC archives: HTML responses become articles (plain, gzip per record,
# gzip as a whole, found in a folder walk); a bad record is reported with
# its file and record number and the rest is stored; a 300 MB archive is
# read through a pipe with bounded memory.
. "$(dirname "$0")/lib.sh"
set -e

# page TITLE PARAGRAPH: an invented news page.
page() {
    printf '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>%s</title></head><body>\n' "$1"
    printf '<nav><a href="/">Home</a> | <a href="/local">Local</a></nav>\n<article><h1>%s</h1>\n' "$1"
    printf '<p>%s</p>\n' "$2" \
        "Officials said the work would be paid for from the harbour reserve fund, which was set up after the floods of the previous decade and now holds enough for two more years of repairs." \
        "Residents who spoke at a public meeting on Monday evening asked for a temporary footbridge, and the council said it would publish a decision before the end of the month."
    printf '</article><footer>Invented for crosscheck tests</footer></body></html>\n'
}

# record TYPE URI CONTENT-TYPE FILE: one WARC record whose block is FILE.
NUM=0
record() {
    NUM=$((NUM + 1))
    printf 'WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2026-03-02T08:%02d:00Z\r\n' "$1" "$2" "$NUM"
    printf 'WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-%012d>\r\nContent-Type: %s\r\nContent-Length: %s\r\n\r\n' \
        "$NUM" "$3" "$(wc -c <"$4" | tr -d ' ')"
    cat "$4"
    printf '\r\n\r\n'
}

# response URI TITLE PARAGRAPH: an HTTP 200 response with a page.
response() {
    { printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n'; page "$2" "$3"; } >"$WORK/block"
    record response "$1" "application/http; msgtype=response" "$WORK/block"
}

# member COMMAND...: the command's record in a gzip member of its own (run in
# this shell, so the record count goes on).
member() {
    "$@" >"$WORK/rec"
    gzip -c "$WORK/rec"
}

printf 'software: invented\r\n' >"$WORK/info"
printf 'GET /a HTTP/1.1\r\nHost: harbour.example\r\n\r\n' >"$WORK/request"
printf 'HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<html><body>Not here</body></html>' >"$WORK/notfound"
printf 'HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\211PNG\r\n\032\n' >"$WORK/image"

# Each record in its own gzip member, as crawlers write them; record 4 has a
# garbled Content-Length.
{
    member record warcinfo "" "application/warc-fields" "$WORK/info"
    member record request https://harbour.example/breakwater "application/http; msgtype=request" "$WORK/request"
    member response https://harbour.example/breakwater "Breakwater to close for six weeks of repairs" \
        "The harbour authority of Port Aldwick said on Tuesday that the northern breakwater would close for six weeks after winter storms opened a gap in its outer wall."
    NUM=$((NUM + 1))
    printf 'WARC/1.0\r\nWARC-Type: response\r\nContent-Length: twelve\r\n\r\nHTTP/1.1 200 OK\r\n\r\n\r\n\r\n' | gzip -c
    member record response https://harbour.example/logo.png "application/http; msgtype=response" "$WORK/image"
    member record response https://harbour.example/missing "application/http; msgtype=response" "$WORK/notfound"
    member response https://harbour.example/lighthouse "Lighthouse cut off as storm damage spreads" \
        "Engineers found that the lighthouse at the end of the breakwater could no longer be reached on foot, and the coastguard moved its lookout to the southern quay on Wednesday."
} >"$WORK/crawl.warc.gz"

expect_status 1 xc ingest "$WORK/crawl.warc.gz"
expect_contains "$WORK/err" "crosscheck: $WORK/crawl.warc.gz:4: record 4 (offset "
expect_contains "$WORK/err" "): bad Content-Length \"twelve\"; skipped "
expect_eq "$(wc -l <"$WORK/err" | tr -d ' ')" 1 "one bad record reported"
expect_contains "$WORK/out" "2 added, 0 updated, 0 unchanged, 1 failed"
expect_status 0 xc --json search breakwater
expect_eq "$(jq -r .url "$WORK/out" | sort | tr '\n' ' ')" \
    "https://harbour.example/breakwater https://harbour.example/lighthouse " "stored URLs"
expect_contains "$WORK/out" '"title":"Breakwater to close for six weeks of repairs"'
expect_contains "$WORK/out" '"title":"Lighthouse cut off as storm damage spreads"'
id=$(jq -r 'select(.url == "https://harbour.example/lighthouse") | .id' "$WORK/out")
expect_status 0 xc --json article "$id"
expect_eq "$(jq -r .origin_line "$WORK/out")" 7 "the record number as the article's line"
expect_eq "$(jq -r .extra.crawled "$WORK/out")" "2026-03-02T08:07:00Z" "the crawl date"
expect_eq "$(jq -r .published "$WORK/out")" null "the crawl date is not the publication date"
expect_contains "$WORK/out" "coastguard moved its lookout"
expect_not_contains "$WORK/out" "Invented for crosscheck tests"

# The same archive again, plain, and gzip as one stream, in a folder walk
# (names in any case): nothing new.
mkdir -p "$WORK/dir/sub"
gzip -dc "$WORK/crawl.warc.gz" >"$WORK/dir/crawl.warc"
gzip -dc "$WORK/crawl.warc.gz" | gzip -c >"$WORK/dir/sub/CRAWL.WARC.GZ"
expect_status 1 xc ingest "$WORK/dir"
expect_contains "$WORK/err" "crosscheck: $WORK/dir/crawl.warc:4: record 4 (offset "
expect_contains "$WORK/err" "crosscheck: $WORK/dir/sub/CRAWL.WARC.GZ:4: record 4 (offset "
expect_contains "$WORK/out" "0 added, 0 updated, 4 unchanged, 2 failed"

# A truncated archive: what precedes the cut is stored.
NUM=0
{
    response https://harbour.example/ferry "Ferry timetable changes after breakwater closure" \
        "Ferry services to Ostrel Island will leave from the southern quay from Monday while the northern breakwater is closed for repairs, the operator said."
    response https://harbour.example/cut "A page that is cut short" "This record never ends."
} >"$WORK/whole.warc"
head -c $(($(wc -c <"$WORK/whole.warc") - 200)) "$WORK/whole.warc" >"$WORK/cut.warc"
expect_status 1 xc ingest "$WORK/cut.warc"
expect_contains "$WORK/err" "crosscheck: $WORK/cut.warc:2: record 2 (offset "
expect_contains "$WORK/err" "): truncated block ("
expect_contains "$WORK/out" "1 added"

# Not a WARC at all: a clear error, no crash.
head -c 5000 /dev/urandom >"$WORK/noise.warc"
printf '\037\213\010\000garbage' >"$WORK/noise2.warc.gz"
expect_status 1 xc ingest "$WORK/noise.warc" "$WORK/noise2.warc.gz"
expect_contains "$WORK/err" "crosscheck: $WORK/noise.warc:1: record 1 (offset 0): expected a WARC/1.0 or WARC/1.1 version line"
expect_contains "$WORK/err" "crosscheck: $WORK/noise2.warc.gz:1: record 1 (offset 0): corrupt gzip data"

# 300 MB through a pipe: three 100 MB videos (skipped), a 40 MB page (over
# the 32 MB limit: reported), pages between them. Memory stays bounded: the
# blocks are read past, never held.
big_archive() {
    NUM=0
    for i in 1 2 3; do
        response "https://harbour.example/big/$i" "Harbour update number $i" \
            "The harbour authority published its update number $i on the repairs to the northern breakwater, with new dates for the reopening of the ferry berths."
        printf 'WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://harbour.example/video%s.mp4\r\n' "$i"
        printf 'Content-Type: application/http; msgtype=response\r\nContent-Length: %s\r\n\r\n' $((100000000 + 47))
        printf 'HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\n\r\n' # 47 bytes
        head -c 100000000 /dev/zero
        printf '\r\n\r\n'
    done
    printf 'WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: https://harbour.example/huge\r\n'
    printf 'Content-Type: text/html\r\nContent-Length: 40000000\r\n\r\n'
    head -c 40000000 /dev/zero | tr '\0' 'a'
    printf '\r\n\r\n'
    response https://harbour.example/after "After the huge page" \
        "The last page of the archive says that the breakwater repairs are on schedule and that the lighthouse path will reopen in April."
}
rm -f "$DB"
mkfifo "$WORK/big.warc"
big_archive >"$WORK/big.warc" &
expect_status 1 /usr/bin/time -f 'peak-rss-kb %M' -o "$WORK/time" "$CROSSCHECK" --db "$DB" ingest "$WORK/big.warc"
wait
expect_contains "$WORK/out" "4 added, 0 updated, 0 unchanged, 1 failed"
expect_contains "$WORK/err" "big.warc:7: record 7 (offset 3000"
expect_contains "$WORK/err" "too big: the block has 40000000 bytes, over the 33554432-byte limit (--max-bytes)"
rss=$(sed -n 's/^peak-rss-kb //p' "$WORK/time")
echo "peak RSS reading a 340 MB archive through a pipe: $((rss / 1024)) MB"
[ "$rss" -lt 204800 ] || fail "peak RSS $rss KB over 200 MB"

# The same gzip-compressed as one stream.
rm -f "$DB" "$WORK/big.warc"
mkfifo "$WORK/big.warc.gz"
big_archive | gzip -1 >"$WORK/big.warc.gz" &
expect_status 1 /usr/bin/time -f 'peak-rss-kb %M' -o "$WORK/time" "$CROSSCHECK" --db "$DB" ingest "$WORK/big.warc.gz"
wait
expect_contains "$WORK/out" "4 added, 0 updated, 0 unchanged, 1 failed"
rss=$(sed -n 's/^peak-rss-kb //p' "$WORK/time")
echo "peak RSS reading it gzip-compressed: $((rss / 1024)) MB"
[ "$rss" -lt 204800 ] || fail "peak RSS $rss KB over 200 MB"

done_testing
