# Web pages: crosscheck extract, ingest of .html/.htm/.gz, bad pages, and
# the extraction benchmark when ../shared is there.
. "$(dirname "$0")/lib.sh"
set -e

PAGES="$WORK/pages"
mkdir -p "$PAGES"
cat >"$PAGES/bridge.html" <<'HTML'
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Harbour bridge reopens after storm - The Coastal Gazette</title>
<meta property="og:site_name" content="The Coastal Gazette">
<meta property="article:published_time" content="2031-04-29T09:30:00Z">
<meta name="author" content="Mara Velden">
<link rel="canonical" href="https://gazette.example/bridge"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbour bridge reopens after storm</h1>
<p>The harbour bridge reopened on Tuesday morning after engineers spent three days checking
cables that were damaged by the storm, the city council said.</p>
<p>The council said the repairs would cost about 2.4 million euros, which the regional
government has agreed to cover from its emergency fund.</p></article>
<div class="comments"><p>Comment: what a mess this storm was, I waited for hours in the queue!</p></div>
<footer>Copyright The Coastal Gazette</footer></body></html>
HTML
# a windows-1252 page that says it is UTF-8
printf '<html><head><meta charset="utf-8"><title>Stra\337e gesperrt</title></head><body><p>Die Stra\337e in M\374nchen war am Montag wegen Bauarbeiten gesperrt, sagte die Stadtverwaltung gegen\374ber der Zeitung am Abend.</p></body></html>' >"$PAGES/strasse.htm"
sed 's/Harbour bridge/Ferry pier/g; s/bridge/pier/g' "$PAGES/bridge.html" | gzip -c >"$PAGES/pier.html.gz"
head -c 4096 /dev/urandom >"$PAGES/noise.html"

# extract: text, JSON, stdin, gzip
expect_status 0 "$CROSSCHECK" extract "$PAGES/bridge.html"
expect_contains "$WORK/out" "cables that were damaged by the storm"
grep -q "Home" "$WORK/out" && fail "navigation in the main text"
grep -q "waited for hours" "$WORK/out" && fail "comments in the main text"
expect_status 0 "$CROSSCHECK" --json extract "$PAGES/bridge.html"
expect_eq "$(jq -r .title "$WORK/out")" "Harbour bridge reopens after storm" "title"
expect_eq "$(jq -r .published "$WORK/out")" "2031-04-29T09:30:00Z" "published"
expect_eq "$(jq -r .author "$WORK/out")" "Mara Velden" "author"
expect_eq "$(jq -r .source "$WORK/out")" "The Coastal Gazette" "source"
expect_eq "$(jq -r .url "$WORK/out")" "https://gazette.example/bridge" "url"
expect_eq "$(jq -r .lang "$WORK/out")" "en" "lang"
expect_status 0 sh -c "\"$CROSSCHECK\" --json extract - <\"$PAGES/strasse.htm\""
expect_contains "$WORK/out" "Die Straße in München"
expect_eq "$(jq -r .charset "$WORK/out")" "windows-1252" "charset"
expect_status 0 "$CROSSCHECK" extract "$PAGES/pier.html.gz"
expect_contains "$WORK/out" "The harbour pier reopened"
expect_status 1 "$CROSSCHECK" extract "$PAGES/noise.html"
expect_contains "$WORK/err" "noise.html: not HTML: binary data"
expect_status 2 "$CROSSCHECK" extract

# ingest: the folder's pages are stored, the bad one is reported and skipped
expect_status 1 xc ingest "$PAGES"
expect_contains "$WORK/err" "noise.html:1: not HTML: binary data"
expect_status 0 xc --json article bridge
expect_eq "$(jq -r .source "$WORK/out")" "The Coastal Gazette" "stored source"
expect_eq "$(jq -r .published "$WORK/out")" "2031-04-29T09:30:00Z" "stored date"
expect_eq "$(jq -r .extra.author "$WORK/out")" "Mara Velden" "stored author"
expect_status 0 xc --json article pier
expect_contains "$WORK/out" "The harbour pier reopened"
expect_status 0 xc --json article strasse
expect_contains "$WORK/out" "Die Straße in München"

# the benchmark: a floor under the measured F1 (README), so a regression fails
DATA="$SHARED/data/trafilatura_eval"
if [ -f "$DATA/evaldata.json" ]; then
    expect_status 0 "$CROSSCHECK" --json eval extract "$DATA"
    f1=$(jq -r .f1 "$WORK/out")
    pages=$(jq -r .pages "$WORK/out")
    expect_eq "$pages" 990 "pages scored"
    awk -v f="$f1" 'BEGIN { exit !(f >= 0.93) }' || fail "eval extract F1 $f1 < 0.93"
    TESTS=$((TESTS + 1))
else
    echo "skip: $DATA is absent (the extraction benchmark)"
fi
echo "test_html: $TESTS checks passed"
