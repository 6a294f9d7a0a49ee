# crosscheck watch against a local HTTP server (127.0.0.1 only, started
# here and stopped by the trap): new items stored, partial items completed
# from their linked page, conditional requests answered 304, feeds that are
# down or broken reported while the others are stored, the per-host delay
# kept, a slow server timed out, and a clean stop on SIGTERM. Timing is
# only ever checked from below. Every feed and page here is invented.
. "$(dirname "$0")/lib.sh"
set -e

SITE="$WORK/site"
mkdir -p "$SITE/pages"
HERE=$(cd "$(dirname "$0")" && pwd)

write_wire() { # the wire's feed; $1 = "new" adds a fourth item
    {
        cat <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Halcyon Wire Service</title>
  <link>https://halcyonwire.example/</link>
EOF
        if [ "${1:-}" = new ]; then
            cat <<'EOF'
  <item>
    <title>Ostrel ferry operator fined</title>
    <guid>halcyon-fine</guid>
    <pubDate>Mon, 09 Mar 2026 11:00:00 GMT</pubDate>
    <description>A fine of 80,000 crowns.</description>
    <content:encoded><![CDATA[<p>The operator of the ferry that capsized off Ostrel Island was fined 80,000 crowns on Monday for sailing with too few crew.</p>]]></content:encoded>
  </item>
EOF
        fi
        cat <<'EOF'
  <item>
    <title>Ferry capsizes off Ostrel Island</title>
    <guid>halcyon-ferry</guid>
    <pubDate>Thu, 19 Feb 2026 05:50:00 GMT</pubDate>
    <description>At least 23 dead.</description>
    <content:encoded><![CDATA[<p>OSTREL ISLAND — A passenger ferry capsized in a gale off Ostrel Island on Thursday, and at least 23 people died, the coastguard said.</p><p>Eleven people are missing.</p>]]></content:encoded>
  </item>
  <item>
    <title>Ostrel ferry resumes crossings</title>
    <link>/pages/resumes.html</link>
    <guid>halcyon-resumes</guid>
    <pubDate>Thu, 05 Mar 2026 08:00:00 GMT</pubDate>
    <description>Crossings resumed on Thursday.</description>
  </item>
  <item>
    <title>Inquiry into the Ostrel ferry opens</title>
    <link>/pages/inquiry.html</link>
    <guid>halcyon-inquiry</guid>
    <pubDate>Fri, 06 Mar 2026 09:30:00 GMT</pubDate>
    <description>The inquiry opened in Port Aldwick.</description>
  </item>
</channel>
</rss>
EOF
    } >"$SITE/wire.rss"
}
write_wire

cat >"$SITE/calder.atom" <<'EOF'
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>The Calder Gazette</title>
  <id>urn:calder</id>
  <entry>
    <title>Survivors recount the last minutes of the ferry</title>
    <link rel="alternate" href="pages/survivors.html"/>
    <id>urn:calder:survivors</id>
    <published>2026-02-19T17:30:00Z</published>
    <summary>Survivors spoke of tables sliding across the floor.</summary>
  </entry>
  <entry>
    <title>Ferry museum plans an exhibition</title>
    <link rel="alternate" href="pages/missing.html"/>
    <id>urn:calder:museum</id>
    <published>2026-03-07T10:00:00Z</published>
    <summary>The maritime museum plans an exhibition on the ferry.</summary>
  </entry>
</feed>
EOF

page() { # FILE TITLE PARAGRAPH...
    file=$1 title=$2
    shift 2
    {
        printf '<!doctype html>\n<html><head><title>%s</title></head><body>\n' "$title"
        printf '<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>\n'
        printf '<article><h1>%s</h1>\n' "$title"
        for p in "$@"; do printf '<p>%s</p>\n' "$p"; done
        printf '</article>\n<footer><a href="/about">About us</a> Copyright</footer></body></html>\n'
    } >"$SITE/pages/$file"
}
page resumes.html "Ostrel ferry resumes crossings" \
    "OSTREL ISLAND — The passenger ferry to Ostrel Island resumed its crossings on Thursday morning, two weeks after a vessel of the same line capsized in a gale, the operator said." \
    "The first boat left the mainland harbour at seven with forty passengers on board, most of them islanders returning home." \
    "Inspectors checked the life jackets and the lifeboats of every vessel before the service was allowed to start again."
page inquiry.html "Inquiry into the Ostrel ferry opens" \
    "PORT ALDWICK — A public inquiry into the capsizing of the Ostrel ferry opened in Port Aldwick on Friday, with the captain expected to give evidence next week." \
    "The chair of the inquiry said it would look at the crew numbers, the weather warnings and the life jackets on board." \
    "Relatives of the dead filled the public gallery."
page survivors.html "Survivors recount the last minutes of the ferry" \
    "The tables were sliding across the floor, one survivor said of the moment the ferry rolled over in the gale off Ostrel Island." \
    "Fishermen who raced out of the harbour pulled forty-odd people from the water, their decks piled with orange life jackets." \
    "Eleven people are still missing."
printf '\037\213 garbage \000\001\002 that is no feed at all' >"$SITE/garbage.rss"

python3 "$HERE/httpd.py" "$SITE" "$WORK/port" "$WORK/log" 60 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
i=0
while [ ! -s "$WORK/port" ]; do
    i=$((i + 1))
    [ $i -lt 100 ] || fail "the test server did not start"
    sleep 0.1
done
BASE="http://127.0.0.1:$(cat "$WORK/port")"
# A port with nothing listening: one the system hands out, then closed.
DEAD=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')

cat >"$WORK/feeds.txt" <<EOF
# the good feeds
$BASE/wire.rss
$BASE/calder.atom

# the bad ones
$BASE/garbage.rss
$BASE/wire.rss?status=500
http://127.0.0.1:$DEAD/feed.rss
$BASE/wire.rss
EOF

# ---- round one: everything new ---------------------------------------------
expect_status 1 xc watch "$WORK/feeds.txt" --once --delay 0.3 --timeout 5
expect_contains "$WORK/out" "round 1: $BASE/wire.rss: 3 new (1 full text, 2 from the linked page, 0 partial), 0 already stored"
expect_contains "$WORK/out" "round 1: $BASE/calder.atom: 2 new (0 full text, 1 from the linked page, 1 partial), 0 already stored"
expect_contains "$WORK/out" "5 new articles stored"
expect_contains "$WORK/err" "crosscheck: $BASE/garbage.rss: binary data"
expect_contains "$WORK/err" "crosscheck: $BASE/wire.rss?status=500: HTTP 500"
expect_contains "$WORK/err" "crosscheck: http://127.0.0.1:$DEAD/feed.rss: cannot connect"
expect_contains "$WORK/err" "crosscheck: $BASE/calder.atom:12: warning: linked page $BASE/pages/missing.html: HTTP 404; stored the feed's summary (partial)"
expect_status 0 xc check

# Full text from the feed; text from the linked page; the summary when the page is missing.
expect_status 0 xc --json article halcyon-ferry
expect_eq "$(jq -r .extra.partial "$WORK/out")" "null" "full item"
expect_eq "$(jq -r .source "$WORK/out")" "Halcyon Wire Service" "outlet"
expect_eq "$(jq -r .origin "$WORK/out")" "$BASE/wire.rss" "origin"
expect_status 0 xc --json article halcyon-resumes
expect_eq "$(jq -r .extra.text_from "$WORK/out")" "page" "page text"
expect_eq "$(jq -r .url "$WORK/out")" "$BASE/pages/resumes.html" "resolved link"
expect_eq "$(jq -r .published "$WORK/out")" "2026-03-05T08:00:00Z" "feed date"
expect_contains "$WORK/out" "Inspectors checked the life jackets"
expect_not_contains "$WORK/out" "About us"
expect_status 0 xc --json article urn:calder:museum
expect_eq "$(jq -r .extra.partial "$WORK/out")" "true" "partial item"
expect_contains "$WORK/out" "The maritime museum plans an exhibition on the ferry."
expect_status 0 xc search '"tables were sliding"'
expect_contains "$WORK/out" "urn:calder:survivors"

# Requests: who we said we are, and the per-host delay between them
# (a lower bound only: the server received each at least 0.3 s after the
# one before ended).
expect_contains "$WORK/log" '"user_agent": "crosscheck/'
gaps=$(jq -s -r '[.[].t] | sort | [range(1; length) as $i | .[$i] - .[$i - 1]] | min' "$WORK/log")
expect_eq "$(jq -n "$gaps >= 0.29")" "true" "smallest gap between requests ($gaps s)"
expect_eq "$(jq -s length "$WORK/log")" "8" "requests in round one"

# ---- round two, a new process: conditional requests, nothing new ------------
: >"$WORK/log"
expect_status 1 xc watch "$WORK/feeds.txt" --once --delay 0
expect_contains "$WORK/out" "round 1: $BASE/wire.rss: not modified"
expect_contains "$WORK/out" "round 1: $BASE/calder.atom: not modified"
expect_contains "$WORK/out" "0 new articles stored"
expect_eq "$(jq -r 'select(.path == "/wire.rss" and .query == "") | .status' "$WORK/log")" "304" "wire.rss answered"
expect_eq "$(jq -r 'select(.path == "/calder.atom") | .if_none_match != null and .if_modified_since != null' "$WORK/log")" "true" "conditional request"
expect_eq "$(jq -s '[.[] | select(.path | startswith("/pages/"))] | length' "$WORK/log")" "0" "no page fetched again"
expect_status 0 xc --json stats
expect_eq "$(jq -r .articles "$WORK/out")" "5" "articles after round two"

# ---- the feed changes: only the new item is taken --------------------------
sleep 1.1 # a new second for Last-Modified
write_wire new
printf '%s/wire.rss\n' "$BASE" >"$WORK/wire.txt"
expect_status 0 xc --json watch "$WORK/wire.txt" --once --delay 0
expect_eq "$(jq -r .status "$WORK/out")" "read" "changed feed"
expect_eq "$(jq -r .added "$WORK/out")" "1" "new items"
expect_eq "$(jq -r .known "$WORK/out")" "3" "known items"
expect_status 0 xc --json article halcyon-fine
expect_contains "$WORK/out" "80,000 crowns"

# ---- --max-items: the rest waits, and the feed is read in full next time --
expect_status 0 xc --db "$WORK/max.db" watch "$WORK/wire.txt" --once --delay 0 --max-items 1
expect_contains "$WORK/out" "1 new (1 full text, 0 from the linked page, 0 partial), 0 already stored, 3 left for the next round"
expect_status 0 xc --db "$WORK/max.db" watch "$WORK/wire.txt" --once --delay 0 --max-items 1
expect_contains "$WORK/out" "1 new (1 full text, 0 from the linked page, 0 partial), 1 already stored, 2 left for the next round"

# ---- a slow server times out ------------------------------------------------
printf '%s/wire.rss?sleep=4\n' "$BASE" >"$WORK/slow.txt"
expect_status 1 xc watch "$WORK/slow.txt" --once --timeout 1
expect_contains "$WORK/err" "crosscheck: $BASE/wire.rss?sleep=4: timed out"

# ---- without --once: rounds until SIGTERM, then a clean exit ---------------
"$CROSSCHECK" --db "$DB" watch "$WORK/wire.txt" --interval 1 --delay 0 >"$WORK/loop.out" 2>"$WORK/loop.err" &
WATCHER=$!
i=0
while ! grep -qs "^round 2: " "$WORK/loop.out"; do
    i=$((i + 1))
    [ $i -lt 200 ] || { kill $WATCHER; fail "watch did not start a second round"; }
    sleep 0.1
done
kill -TERM $WATCHER
set +e
wait $WATCHER
status=$?
set -e
expect_eq "$status" "0" "exit status after SIGTERM"
expect_contains "$WORK/loop.out" "stopped after"
expect_status 0 xc check

# ---- the feed list ------------------------------------------------------------
printf '%s/wire.rss\nftp://example.org/feed\n' "$BASE" >"$WORK/bad.txt"
expect_status 2 xc watch "$WORK/bad.txt" --once
expect_contains "$WORK/err" "$WORK/bad.txt:2: not an http or https URL"
printf '# nothing\n\n' >"$WORK/empty.txt"
expect_status 2 xc watch "$WORK/empty.txt"
expect_contains "$WORK/err" "no feed URLs"
expect_status 2 xc watch "$WORK/feeds.txt" --delay -1

done_testing
