# Feed files: RSS 2.0, RSS 1.0 (RDF) and Atom items become articles with
# their outlet and date; items without their full text are marked partial;
# a file that is not a feed, or not text, is an error naming the file.
# Every feed here is invented.
. "$(dirname "$0")/lib.sh"
set -e

IN="$WORK/feeds"
mkdir -p "$IN/more"

cat >"$IN/brightwater.rss" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>The Brightwater Herald</title>
  <link>https://brightwater.example/</link>
  <language>en-gb</language>
  <item>
    <title>Harbour reopens after the storm</title>
    <link>https://brightwater.example/2026/03/harbour</link>
    <guid isPermaLink="false">bw-harbour</guid>
    <pubDate>Tue, 03 Mar 2026 09:15:00 GMT</pubDate>
    <description><![CDATA[<p>The harbour at Brightwater <b>reopened</b> on Tuesday.</p>]]></description>
    <dc:creator>Ada Lintott</dc:creator>
  </item>
  <item>
    <title>Ferry timetable: winter hours stay until April</title>
    <link>https://brightwater.example/2026/03/ferry</link>
    <guid>bw-ferry</guid>
    <pubDate>Wed, 04 Mar 2026 10:00:00 +0100</pubDate>
    <description>Winter hours stay.</description>
    <content:encoded><![CDATA[<p>The ferry company said on Wednesday that the winter timetable would stay in force until the first week of April, because two of its boats are still in the yard for repairs.</p><p>Passengers were asked to check the departure board before travelling.</p>]]></content:encoded>
  </item>
  <item>
    <link>https://brightwater.example/nothing-but-a-link</link>
  </item>
</channel>
</rss>
EOF

cat >"$IN/osprey.xml" <<'EOF'
<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://osprey.example/">
    <title>Radio Osprey</title>
    <link>https://osprey.example/</link>
  </channel>
  <item rdf:about="https://osprey.example/toll">
    <title>Ferry disaster: toll rises, captain detained</title>
    <link>https://osprey.example/toll</link>
    <description>Police detained the captain of the ferry on Friday.</description>
    <dc:date>2026-02-20</dc:date>
  </item>
</rdf:RDF>
EOF

cat >"$IN/more/calder.atom" <<'EOF'
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>The Calder Gazette</title>
  <link href="https://calder.example/"/>
  <id>urn:calder</id>
  <entry>
    <title>Train derails near Holloway</title>
    <link rel="alternate" href="https://calder.example/train"/>
    <id>urn:calder:train</id>
    <published>2026-03-04T18:30:00Z</published>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Four people died when a regional train left the tracks near Holloway.</p><p>The line stays closed.</p></div></content>
  </entry>
</feed>
EOF

# Not feeds: an .xml that is something else is left alone in a folder walk.
printf '<?xml version="1.0"?>\n<TimeML><TEXT>Not news.</TEXT></TimeML>\n' >"$IN/more/other.xml"

expect_status 1 xc ingest "$IN"
expect_contains "$WORK/out" "4 added, 0 updated, 0 unchanged, 1 failed"
expect_contains "$WORK/err" "crosscheck: $IN/brightwater.rss:24: empty item: no title, summary or content"
expect_not_contains "$WORK/err" "other.xml"
expect_status 0 xc check

# Outlet, date, and partial or not.
expect_status 0 xc --json article bw-harbour
expect_eq "$(jq -r .source "$WORK/out")" "The Brightwater Herald" "outlet"
expect_eq "$(jq -r .published "$WORK/out")" "2026-03-03T09:15:00Z" "RFC 822 date"
expect_eq "$(jq -r .extra.partial "$WORK/out")" "true" "partial item"
expect_eq "$(jq -r .extra.feed "$WORK/out")" "$IN/brightwater.rss" "feed"
expect_eq "$(jq -r .extra.author "$WORK/out")" "Ada Lintott" "author"
expect_eq "$(jq -r .extra.language "$WORK/out")" "en-gb" "language"
expect_eq "$(jq -r .text "$WORK/out")" "$(printf 'Harbour reopens after the storm\n\nThe harbour at Brightwater reopened on Tuesday.\n\nhttps://brightwater.example/2026/03/harbour')" "partial text"
expect_eq "$(jq -r .origin_line "$WORK/out")" "8" "item line"

expect_status 0 xc --json article bw-ferry
expect_eq "$(jq -r .extra.partial "$WORK/out")" "null" "full item"
expect_eq "$(jq -r .published "$WORK/out")" "2026-03-04T09:00:00Z" "date with offset"
expect_contains "$WORK/out" "The ferry company said on Wednesday"
expect_not_contains "$WORK/out" "<p>"

expect_status 0 xc --json article https://osprey.example/toll
expect_eq "$(jq -r .source "$WORK/out")" "Radio Osprey" "RSS 1.0 outlet"
expect_eq "$(jq -r .published "$WORK/out")" "2026-02-20" "dc:date"

expect_status 0 xc --json article urn:calder:train
expect_eq "$(jq -r .source "$WORK/out")" "The Calder Gazette" "Atom outlet"
expect_eq "$(jq -r .url "$WORK/out")" "https://calder.example/train" "Atom link"
expect_eq "$(jq -r .text "$WORK/out")" "$(printf 'Four people died when a regional train left the tracks near Holloway.\n\nThe line stays closed.')" "xhtml content"

# Ingesting the same feeds again changes nothing.
expect_status 1 xc ingest "$IN/brightwater.rss" "$IN/osprey.xml" "$IN/more/calder.atom"
expect_contains "$WORK/out" "0 added, 0 updated, 4 unchanged, 1 failed"

# Bad feeds: each error names its file; the good items around them are stored.
BAD="$WORK/bad"
mkdir -p "$BAD"
printf '<rss><channel><title>Eastmarch Daily</title>\n<item><title>Whole item</title><description>It is all here.</description></item>\n<item><title>Cut</title><description>Half a sen' >"$BAD/truncated.rss"
printf '<!DOCTYPE html>\n<html><body><p>A web page, not a feed.</p></body></html>\n' >"$BAD/page.rss"
printf '\211PNG\r\n\032\n\000\000\000\rIHDR' >"$BAD/image.atom"
printf '}{ not XML at all' >"$BAD/garbage.rss"
: >"$BAD/empty.rss"
printf '<?xml version="1.0" encoding="EUC-JP"?><rss><channel><title>T</title><item><title>\377\377\377</title></item></channel></rss>' >"$BAD/eucjp.rss"
expect_status 1 xc ingest "$BAD"
expect_contains "$WORK/err" "crosscheck: $BAD/truncated.rss:3: malformed XML: Premature end of data"
expect_contains "$WORK/err" "crosscheck: $BAD/page.rss:1: not an RSS or Atom feed: the root element is <html>"
expect_contains "$WORK/err" "crosscheck: $BAD/image.atom:1: binary data: NUL byte at offset 8"
expect_contains "$WORK/err" "crosscheck: $BAD/garbage.rss:1: not a feed: not XML"
expect_contains "$WORK/err" "crosscheck: $BAD/empty.rss:1: empty feed"
expect_contains "$WORK/err" "crosscheck: $BAD/eucjp.rss:1: malformed XML"
expect_not_contains "$WORK/err" "encoding error" # libxml2's own messages stay quiet
expect_contains "$WORK/out" "2 added"
expect_status 0 xc search '"all here"'
expect_contains "$WORK/out" "Eastmarch Daily"
expect_status 0 xc check

done_testing
