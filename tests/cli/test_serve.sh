# crosscheck serve against real servers on 127.0.0.1 (started here on ports
# the system picks, stopped by the trap): the JSON API on the demo corpus,
# checked against the command line's own --json answers and against the
# article texts byte by byte; errors and their object; methods; the bearer
# token (environment and --token-file), content types and the body limit;
# path traversal; security headers on every answer; HEAD; a burst of
# concurrent requests; a clean stop on SIGTERM. Needs curl and jq.
. "$(dirname "$0")/lib.sh"
set -e

command -v curl >/dev/null || fail "curl is needed (make deps installs it)"
command -v jq >/dev/null || fail "jq is needed (make deps installs it)"

TOKEN="main-token-$$"
SERVERS=""
trap 'for p in $SERVERS; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"' EXIT

expect_status 0 xc ingest "$EXAMPLES"

# start_server NAME TOKEN [serve options...]: a server on a free port of
# 127.0.0.1 with CROSSCHECK_TOKEN=TOKEN (empty: none); sets PID and URL.
start_server() {
    name=$1 token=$2
    shift 2
    CROSSCHECK_TOKEN=$token "$CROSSCHECK" --db "$DB" serve --listen 127.0.0.1:0 "$@" >"$WORK/$name.out" 2>"$WORK/$name.err" &
    PID=$!
    SERVERS="$SERVERS $PID"
    i=0
    until grep -qs '^crosscheck: serving ' "$WORK/$name.out"; do
        i=$((i + 1))
        kill -0 "$PID" 2>/dev/null || fail "server $name exited: $(cat "$WORK/$name.err")"
        [ $i -lt 300 ] || fail "server $name did not start"
        sleep 0.1
    done
    URL=$(sed -n 's|^crosscheck: serving .* on \(http://127\.0\.0\.1:[0-9][0-9]*\)/ .*|\1|p' "$WORK/$name.out")
    [ -n "$URL" ] || fail "no URL in: $(cat "$WORK/$name.out")"
}

# call METHOD PATH [curl options...]: the status in $STATUS, the body in
# $WORK/body, the headers in $WORK/headers. Every answer must carry the
# security headers.
call() {
    method=$1 path=$2
    shift 2
    if [ "$method" = HEAD ]; then set -- --head "$@"; else set -- -X "$method" "$@"; fi
    STATUS=$(curl -s -S --max-time 60 --path-as-is -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' \
        "$@" "$BASE$path") || fail "curl $method $path failed"
    grep -qi "^Content-Security-Policy: default-src 'none'" "$WORK/headers" ||
        fail "$method $path: no Content-Security-Policy: $(cat "$WORK/headers")"
    grep -qi '^X-Content-Type-Options: nosniff' "$WORK/headers" || fail "$method $path: no X-Content-Type-Options: nosniff"
    TESTS=$((TESTS + 1))
}

# get PATH: GET, expecting 200 and JSON.
get() {
    call GET "$1"
    [ "$STATUS" = 200 ] || fail "GET $1: $STATUS $(head -c 400 "$WORK/body")"
    grep -qi '^Content-Type: application/json; charset=utf-8' "$WORK/headers" || fail "GET $1: not JSON"
    TESTS=$((TESTS + 1))
}

# expect_error STATUS: the last answer is that status and exactly the
# error object {"error": {"status": STATUS, "message": "..."}}.
expect_error() {
    [ "$STATUS" = "$1" ] || fail "status $STATUS, expected $1: $(head -c 400 "$WORK/body")"
    jq -e --argjson s "$1" '(keys == ["error"]) and (.error | keys == ["message", "status"]) and
        .error.status == $s and (.error.message | type == "string" and length > 0)' "$WORK/body" >/dev/null ||
        fail "not the error object for $1: $(head -c 400 "$WORK/body")"
    TESTS=$((TESTS + 1))
}

j() { jq -r "$@" "$WORK/body"; }
cli_ids() { jq -s -c '[.[].id]' "$WORK/out"; }

# ---- the main server: writes with the token from the environment ------------
start_server main "$TOKEN"
MAIN_PID=$PID
BASE=$URL
expect_contains "$WORK/main.out" "writes need the token"

get /health
expect_eq "$(j .status)" "ok" "health"
expect_status 0 xc --json stats
expect_eq "$(j .articles)" "$(jq -r .articles "$WORK/out")" "health: articles"
expect_eq "$(j .stories)" "$(jq -r .stories "$WORK/out")" "health: stories"
expect_eq "$(j '.schema | type')" "number" "health: schema"
expect_eq "$(j .entities)" "$(jq -r .entities "$WORK/out")" "health: entities"
TOTAL=$(j .stories)
expect_eq "$TOTAL" "11" "stories in the demo corpus"

# ---- the story list: each sort against the command line, paging -------------
for sort in recent size outlets; do
    get "/api/stories?sort=$sort&limit=200"
    expect_eq "$(j .sort)" "$sort" "sort echoed"
    expect_eq "$(j .total)" "$TOTAL" "total ($sort)"
    j -c '[.stories[].id]' >"$WORK/all-$sort"
    expect_status 0 xc --json stories --sort "$sort" --limit 200
    expect_eq "$(cat "$WORK/all-$sort")" "$(cli_ids)" "story order by $sort"
    case $sort in
        size) key=.size ;;
        outlets) key=.independent_outlets ;;
        recent) key='.last_published // "" | .[0:10]' ;;
    esac
    expect_eq "$(j "[.stories[] | $key] | . == (sort | reverse)")" "true" "$sort: never increasing"
    # pages of 4 put together are the whole list
    : >"$WORK/paged"
    for offset in 0 4 8 12; do
        get "/api/stories?sort=$sort&limit=4&offset=$offset"
        expect_eq "$(j .total),$(j .limit),$(j .offset)" "$TOTAL,4,$offset" "paging fields"
        want=$((TOTAL - offset))
        [ $want -gt 4 ] && want=4
        [ $want -lt 0 ] && want=0
        expect_eq "$(j '.stories | length')" "$want" "stories at offset $offset"
        j '.stories[].id' >>"$WORK/paged"
    done
    expect_eq "$(jq -s -c . "$WORK/paged")" "$(cat "$WORK/all-$sort")" "pages of $sort"
done
get /api/stories
expect_eq "$(j '.sort, .limit, .offset' | tr '\n' ' ')" "recent 20 0 " "defaults"
# /api/stories/ is the list too
get /api/stories/
expect_eq "$(j .total)" "$TOTAL" "list with a slash"

# the list's conflict and update counts are the story's facts with that verdict
get "/api/stories?limit=200"
cp "$WORK/body" "$WORK/list.json"
for id in $(jq -r '.stories[].id' "$WORK/list.json"); do
    expect_status 0 xc --json facts --story "$id"
    want=$(jq -s -c '[(map(select(.verdict == "conflict")) | length), (map(select(.verdict == "update")) | length)]' "$WORK/out")
    expect_eq "$(jq -c --argjson id "$id" '.stories[] | select(.id == $id) | [.conflicts, .updates]' "$WORK/list.json")" \
        "$want" "conflicts and updates of story $id"
done
expect_eq "$(jq '[.stories[].conflicts] | add > 0' "$WORK/list.json")" "true" "some conflict in the corpus"
expect_eq "$(jq '[.stories[] | select(.independent > .size)] | length' "$WORK/list.json")" "0" "independent <= size"

# ---- filters: each a proper subset, the same as the command line's ---------
filter() { # QUERY CLI-OPTIONS...: the API's ids with QUERY against the CLI's
    query=$1
    shift
    get "/api/stories?limit=200&$query"
    cp "$WORK/body" "$WORK/filtered.json"
    expect_status 0 xc --json stories --sort recent --limit 200 "$@"
    expect_eq "$(jq -c '[.stories[].id]' "$WORK/filtered.json")" "$(cli_ids)" "filter $query"
    n=$(jq '.stories | length' "$WORK/filtered.json")
    expect_eq "$(jq .total "$WORK/filtered.json")" "$n" "total of $query"
    [ "$n" -gt 0 ] && [ "$n" -lt "$TOTAL" ] || fail "filter $query: $n of $TOTAL stories, expected a proper subset"
}
filter "outlet=Radio%20Osprey" --outlet "Radio Osprey"
expect_eq "$(jq '[.stories[] | .outlets | index("Radio Osprey") != null] | all' "$WORK/filtered.json")" "true" "outlet in each"
filter "outlet=Vestmark%20Business%20Journal" --outlet "Vestmark Business Journal"
filter "from=2026-02-20&to=2026-03-05" --from 2026-02-20 --to 2026-03-05
expect_eq "$(jq '[.stories[] | (.first_published[0:10] <= "2026-03-05") and (.last_published[0:10] >= "2026-02-20")] | all' \
    "$WORK/filtered.json")" "true" "date range overlaps each story"
filter "from=2026-03-01T00:00:00Z" --from 2026-03-01T00:00:00Z
expect_eq "$(jq '[.stories[] | .last_published >= "2026-03-01"] | all' "$WORK/filtered.json")" "true" "from: latest after"
filter "to=2026-02-19" --to 2026-02-19
expect_eq "$(jq '[.stories[] | .first_published[0:10] <= "2026-02-19"] | all' "$WORK/filtered.json")" "true" "to: earliest before"
expect_eq "$(jq '[.stories[].id] | index(2) != null' "$WORK/filtered.json")" "true" "to takes in its whole day (the ferry, 05:50)"
filter "q=ferry" --query ferry
filter "q=%22life%20jackets%22" --query '"life jackets"'
filter "min_size=3" --min-size 3
expect_eq "$(jq -c '[.stories[] | select(.size >= 3) | .id] | sort' "$WORK/list.json")" \
    "$(jq -c '[.stories[].id] | sort' "$WORK/filtered.json")" "min_size: the stories of 3 or more"
filter "min_size=2&outlet=Halcyon%20Wire%20Service&sort=recent" --min-size 2 --outlet "Halcyon Wire Service"
get "/api/stories?outlet=No%20Such%20Outlet"
expect_eq "$(j '.total, (.stories | length)' | tr '\n' ' ')" "0 0 " "unknown outlet"

# ---- one story: the ferry ------------------------------------------------------
get /api/articles/ferry-halcyon-wire
FERRY=$(j .story)
get "/api/stories/$FERRY"
cp "$WORK/body" "$WORK/story.json"
S="$WORK/story.json"
expect_eq "$(jq .id "$S")" "$FERRY" "story id"
expect_eq "$(jq '.articles | length' "$S")" "$(jq .size "$S")" "articles = size"
expect_eq "$(jq .size "$S")" "6" "the ferry's articles"
expect_eq "$(jq -c '[.reports[] | .id] | index("ferry-halcyon-wire") != null' "$S")" "true" "the wire is a report"
expect_eq "$(jq -c '.reports[] | select(.id == "ferry-halcyon-wire") | [.copies[] | .id, .copy_of, .kind]' "$S")" \
    '["ferry-brightwater-herald","ferry-halcyon-wire","near"]' "the Herald copies the wire"
expect_eq "$(jq '(.reports | length) + ([.reports[].copies[]] | length) == .size' "$S")" "true" "reports and copies cover the story"
expect_eq "$(jq '.independent == (.reports | length)' "$S")" "true" "independent = reports"
expect_eq "$(jq -r '.articles[] | select(.id == "ferry-brightwater-herald") | .copy_of' "$S")" "ferry-halcyon-wire" "copy_of"
# facts, quotes, entities, brief and timeline as the command line gives them
expect_status 0 xc --json facts --story "$FERRY"
expect_eq "$(jq -c .facts "$S")" "$(jq -s -c 'map(del(.story))' "$WORK/out")" "facts"
expect_eq "$(jq '[.facts[] | select(.verdict == "conflict")] | length > 0' "$S")" "true" "a conflict"
expect_eq "$(jq '[.facts[] | select(.verdict == "conflict") | (.values | length >= 2) and (.links | map(.relation) | index("conflict") != null)] | all' "$S")" \
    "true" "a conflict has two values and a conflict link"
# the toll rises (at least 23, at least 25, 27) and "four more bodies" is an
# addition, not a fourth total: no conflict over the dead
expect_eq "$(jq '[.facts[] | select(.thing == "deaths" and .verdict == "conflict")] | length' "$S")" "0" "the death toll is not contested"
expect_eq "$(jq '[.facts[] | select(.thing == "deaths") | .values[].low] | index(4)' "$S")" "null" "four more bodies is not a toll"
expect_eq "$(jq "[.stories[] | select(.id == $FERRY) | .conflicts][0]" "$WORK/list.json")" \
    "$(jq '[.facts[] | select(.verdict == "conflict")] | length' "$S")" "list conflicts = story conflicts"
expect_status 0 xc --json quotes --story "$FERRY"
expect_eq "$(jq -c .quotes "$S")" "$(jq -s -c 'map(del(.story))' "$WORK/out")" "quotes"
expect_eq "$(jq -r '[.quotes[] | select(.speaker == "Helena Varga-Moss")][0].reports[0].wording' "$S")" "main" "a quote's main wording"
expect_eq "$(jq '[.quotes[].reports[] | select(.wording == "variant") | .diff | length > 0] | all' "$S")" "true" "variants have a diff"
expect_status 0 xc --json entities --story "$FERRY" --limit 40
expect_eq "$(jq -c .entities "$S")" "$(jq -s -c . "$WORK/out")" "entities"
expect_status 0 xc --json brief "$FERRY"
expect_eq "$(jq -c .brief.sentences "$S")" "$(jq -c .sentences "$WORK/out")" "brief sentences"
expect_eq "$(jq -c .brief.words "$S")" "$(jq -c .words "$WORK/out")" "brief words"
expect_eq "$(jq -c .timeline "$S")" "$(jq -c .timeline "$WORK/out")" "timeline"
expect_eq "$(jq '.brief.sentences | length > 0' "$S")" "true" "a brief"
expect_eq "$(jq '[.brief.sentences[] | .sources | length > 0] | all' "$S")" "true" "each sentence has sources"
expect_eq "$(jq '.timeline | length > 0 and ([.[] | (.sources | length > 0) and (.date | length > 0)] | all)' "$S")" "true" "timeline"

# slice FILE START END: those bytes of FILE
slice() { tail -c +$(($2 + 1)) "$1" | head -c $(($3 - $2)); }

# an extract sentence is cut, byte for byte, from its first source
jq -r '.brief.sentences[] | select(.kind == "extract") | .sources[0] | "\(.article) \(.start) \(.end)"' "$S" | head -n 3 >"$WORK/cuts"
[ -s "$WORK/cuts" ] || fail "no extract sentences"
k=0
while read -r article start end; do
    get "/api/articles/$article"
    j -j .text >"$WORK/source.txt"
    slice "$WORK/source.txt" "$start" "$end" >"$WORK/cut"
    jq -j ".brief.sentences | map(select(.kind == \"extract\"))[$k].text" "$S" >"$WORK/want"
    cmp -s "$WORK/cut" "$WORK/want" || fail "brief sentence $k is not $article [$start, $end): $(cat "$WORK/cut")"
    TESTS=$((TESTS + 1))
    k=$((k + 1))
done <"$WORK/cuts"

# ---- an article: every span cuts its text out of the article, byte for byte --
get /api/articles/ferry-calder-gazette # curly quotes and em dashes: bytes are not characters
cp "$WORK/body" "$WORK/article.json"
A="$WORK/article.json"
expect_eq "$(jq -r '.id, .source, .story' "$A" | tr '\n' '|')" "ferry-calder-gazette|The Calder Gazette|$FERRY|" "article fields"
expect_status 0 xc --json article ferry-calder-gazette
expect_eq "$(jq -c .text "$A")" "$(jq -c .text "$WORK/out")" "article text"
jq -j .text "$A" >"$WORK/article.txt"
len=$(wc -c <"$WORK/article.txt")
[ "$(jq -r '.text | length' "$A")" -lt "$len" ] || fail "expected multibyte characters in the article"
for kind in mentions numbers dates; do
    n=$(jq ".$kind | length" "$A")
    [ "$n" -gt 0 ] || fail "no $kind in the article"
    i=0
    while [ $i -lt "$n" ]; do
        set -- $(jq -r ".$kind[$i] | \"\(.start) \(.end)\"" "$A")
        [ "$1" -lt "$2" ] && [ "$2" -le "$len" ] || fail "$kind[$i]: span $1 $2 outside the text"
        slice "$WORK/article.txt" "$1" "$2" >"$WORK/cut"
        jq -j ".$kind[$i].text" "$A" >"$WORK/want"
        cmp -s "$WORK/cut" "$WORK/want" || fail "$kind[$i] [$1, $2) is '$(cat "$WORK/cut")', not '$(cat "$WORK/want")'"
        TESTS=$((TESTS + 1))
        i=$((i + 1))
    done
done
expect_eq "$(jq '(.text | explode | to_entries | map(select(.value > 127)) | .[0].key) as $c |
    [.mentions[], .numbers[], .dates[] | select(.start > $c)] | length > 0' "$A")" "true" "spans after a multibyte character"
# a quote's span starts with its words (an interrupted quote's text joins its parts with " … ")
n=$(jq '.quotes | length' "$A")
[ "$n" -gt 0 ] || fail "no quotes in the article"
i=0
while [ $i -lt "$n" ]; do
    set -- $(jq -r ".quotes[$i] | \"\(.start) \(.end)\"" "$A")
    slice "$WORK/article.txt" "$1" "$2" >"$WORK/cut"
    jq -j ".quotes[$i].text | split(\" … \")[0]" "$A" >"$WORK/want"
    head -c "$(wc -c <"$WORK/want")" "$WORK/cut" | cmp -s - "$WORK/want" || fail "quote $i [$1, $2) does not start with its words"
    TESTS=$((TESTS + 1))
    i=$((i + 1))
done
expect_eq "$(jq '[.numbers[] | select(.kind == "count")] | length > 0' "$A")" "true" "counts"

# ---- an entity ---------------------------------------------------------------
HELENA=$(jq '.entities[] | select(.name == "Helena Varga-Moss") | .id' "$S")
[ -n "$HELENA" ] || fail "no Helena Varga-Moss in the ferry story"
get "/api/entities/$HELENA"
cp "$WORK/body" "$WORK/entity.json"
expect_eq "$(jq -r '.name, .type' "$WORK/entity.json" | tr '\n' ' ')" "Helena Varga-Moss PER " "entity"
expect_eq "$(jq -c 'del(.stories)' "$WORK/entity.json")" "$(jq -c ".entities[] | select(.id == $HELENA)" "$S")" "entity as in its story"
expect_eq "$(jq "[.stories[].id] | index($FERRY) != null" "$WORK/entity.json")" "true" "the entity's stories"
get "/api/stories?entity=$HELENA&limit=200"
expect_eq "$(j -c '[.stories[].id]')" "$(jq -c '[.stories[].id]' "$WORK/entity.json")" "stories?entity= = the entity's stories"
expect_status 0 xc --json stories --entity "$HELENA" --sort recent
expect_eq "$(jq -c '[.stories[].id]' "$WORK/entity.json")" "$(cli_ids)" "the entity's stories, CLI"
PORT_ALDWICK=$(jq '.entities[] | select(.name == "PORT ALDWICK" or .name == "Port Aldwick") | .id' "$S")
filter "entity=$PORT_ALDWICK" --entity "$PORT_ALDWICK"

# ---- search: snippet parts ------------------------------------------------------
get "/api/search?q=%22life%20jackets%22&limit=5"
cp "$WORK/body" "$WORK/search.json"
expect_eq "$(jq -r .query "$WORK/search.json")" '"life jackets"' "query echoed"
expect_status 0 xc --json search '"life jackets"' --limit 5
expect_eq "$(jq -c '[.hits[].id]' "$WORK/search.json")" "$(cli_ids)" "search hits"
expect_eq "$(jq '.hits | length > 0' "$WORK/search.json")" "true" "hits"
expect_eq "$(jq '[.hits[] | [.snippet[] | select(.match) | .text | ascii_downcase == "life jackets"] | (length > 0 and all)] | all' \
    "$WORK/search.json")" "true" "matches are the phrase"
expect_eq "$(jq '[.hits[].snippet[] | (.text | length > 0) and (.match | type == "boolean") and (.text | test("[\ue000\ue001]") | not)] | all' \
    "$WORK/search.json")" "true" "parts are plain text"
# the parts put together are the command line's snippet without its [ ] marks
expect_eq "$(jq -r '.hits[0].snippet | map(if .match then "[" + .text + "]" else .text end) | add' "$WORK/search.json")" \
    "$(jq -s -r '.[0].snippet' "$WORK/out")" "snippet as the CLI marks it"
get "/api/search?q=ferry&limit=2"
expect_eq "$(j '.hits | length')" "2" "search limit"

# ---- not found, bad parameters --------------------------------------------------
for path in /api/stories/99999 /api/stories/abc /api/stories/0 /api/stories/-1 /api/articles/no-such-article \
    /api/entities/99999 /api/entities/abc /api/nope /nope /api/stories/2/articles /health/x; do
    call GET "$path"
    expect_error 404
done
call GET /api/stories/99999
expect_contains "$WORK/body" "no story 99999"
for query in limit=0 limit=201 limit=abc limit=-5 offset=-1 offset=x min_size=-1 entity=0 entity=x \
    sort=bogus sort=id "from=yesterday" "to=2026-13-45" "from=2026-02-19T25:00:00Z" "q=%22"; do
    call GET "/api/stories?$query"
    expect_error 400
done
for query in "" "q=" "q=%22%22" "q=-ferry" "q=ferry&limit=0" "q=ferry&limit=101"; do
    call GET "/api/search?$query"
    expect_error 400
done

# bytes that are not UTF-8 in a request: the answer is UTF-8 all the same
for path in "/api/%ff%fe" "/api/stories?sort=%ff" "/api/stories/%c3%a9%ff" "/api/articles/%ff" "/api/search?q=%ff" \
    "/api/stories?from=%e2%80%94%e2%80%94%e2%80%94%e2%80%94%e2%80%94%e2%80%94%e2%80%94%e2%80%94%e2%80%94%e2%80%94%e2%80%94%e2%80%94%e2%80%94%e2%80%94"; do
    call GET "$path"
    case $STATUS in 400 | 404) ;; *) fail "GET $path: $STATUS" ;; esac
    expect_error "$STATUS"
    iconv -f UTF-8 -t UTF-8 "$WORK/body" >/dev/null 2>&1 || fail "GET $path: the answer is not UTF-8: $(od -c "$WORK/body" | head -5)"
    TESTS=$((TESTS + 1))
done

# ---- methods --------------------------------------------------------------------
call DELETE "/api/stories/$FERRY"
expect_error 405
expect_contains "$WORK/headers" "Allow: GET, HEAD"
call POST /api/stories -H 'Content-Type: application/json' --data-binary '{}'
expect_error 405
call PUT /health
expect_error 405
call GET /api/articles
expect_error 405
expect_contains "$WORK/headers" "Allow: POST"
call DELETE /api/articles
expect_error 405

# HEAD: the headers of GET, no body
get "/api/stories/$FERRY"
length=$(wc -c <"$WORK/body")
call HEAD "/api/stories/$FERRY"
expect_eq "$STATUS" "200" "HEAD status"
# nothing after the headers (read off the socket: curl would not read a body)
expect_eq "$(python3 -c '
import socket, sys
s = socket.create_connection((sys.argv[1], int(sys.argv[2])), timeout=30)
s.sendall(("HEAD " + sys.argv[3] + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").encode())
data = b""
while True:
    chunk = s.recv(65536)
    if not chunk:
        break
    data += chunk
head, sep, rest = data.partition(b"\r\n\r\n")
print(head.split(b"\r\n")[0].decode(), len(rest))
' 127.0.0.1 "${BASE##*:}" "/api/stories/$FERRY")" "HTTP/1.1 200 OK 0" "HEAD: no body"
expect_eq "$(sed -n 's/^Content-Length: *\([0-9]*\).*/\1/Ip' "$WORK/headers")" "$(echo $length)" "HEAD length"
call HEAD /api/stories/99999
expect_eq "$STATUS" "404" "HEAD of nothing"

# ---- path traversal: never a file -----------------------------------------------
for path in "/../../../../etc/passwd" "/%2e%2e/%2e%2e/%2e%2e/etc/passwd" "/%2e%2e%2f%2e%2e%2fetc%2fpasswd" \
    "/api/../etc/passwd" "/api/../../../../../etc/passwd" "/api/..%2f..%2f..%2fetc%2fpasswd" "//etc/passwd" \
    "/api/articles/..%2f..%2f..%2fetc%2fpasswd" "/api/openapi.json/../../Makefile" "/../Makefile" "/Makefile" \
    "/examples/README.md" "/..%5c..%5cetc%5cpasswd" "/api/stories/..%2f..%2fMakefile"; do
    call GET "$path"
    expect_error 404
    expect_not_contains "$WORK/body" "root:"
    expect_not_contains "$WORK/body" "CC       ?="
done

# ---- the OpenAPI document: every route of docs/api.md ---------------------------
get /api/openapi.json
expect_eq "$(j .openapi)" "3.0.3" "OpenAPI version"
cmp -s "$WORK/body" src/api/openapi.json || fail "/api/openapi.json is not src/api/openapi.json"
grep '^## [A-Z]* /' docs/api.md | sed 's/^## \([A-Z]*\) \([^?]*\).*/\1 \2/' >"$WORK/routes"
[ "$(wc -l <"$WORK/routes")" -ge 7 ] || fail "docs/api.md: routes not found"
while read -r method path; do
    m=$(echo "$method" | tr 'A-Z' 'a-z')
    expect_eq "$(j --arg p "$path" --arg m "$m" '.paths[$p][$m] != null')" "true" "OpenAPI: $method $path"
done <"$WORK/routes"
expect_eq "$(j '.paths["/api/articles"].post.security[0] | has("bearer")')" "true" "OpenAPI: bearer on POST"
expect_eq "$(j '.components.securitySchemes.bearer.scheme')" "bearer" "OpenAPI: bearer scheme"

# ---- writes ---------------------------------------------------------------------
POST_JSON="-H Content-Type:application/json"
AUTH="Authorization: Bearer $TOKEN"
call POST /api/articles $POST_JSON --data-binary '{"id": "w-1", "text": "Some text."}'
expect_error 401
expect_contains "$WORK/headers" 'WWW-Authenticate: Bearer'
call POST /api/articles $POST_JSON -H "Authorization: Bearer wrong-$TOKEN" --data-binary '{"id": "w-1", "text": "Some text."}'
expect_error 401
call POST /api/articles $POST_JSON -H "Authorization: Bearer nain-token-$$" --data-binary '{"id": "w-1", "text": "Some text."}'
expect_error 401
call POST /api/articles $POST_JSON -H "Authorization: Basic $TOKEN" --data-binary '{"id": "w-1", "text": "Some text."}'
expect_error 401
call POST /api/articles -H "$AUTH" -H 'Content-Type: text/plain' --data-binary '{"id": "w-1", "text": "Some text."}'
expect_error 415
call POST /api/articles -H "$AUTH" -H 'Content-Type: application/x-www-form-urlencoded' --data 'id=w-1&text=x'
expect_error 415
call POST /api/articles -H "$AUTH" $POST_JSON --data-binary '{"id": "w-1", '
expect_error 400
call GET /api/articles/w-1
expect_error 404

# JSON Lines: one good line, one bad
cat >"$WORK/mixed.jsonl" <<'EOF'
{"id": "ferry-api-followup", "title": "Ostrel ferry: coast guard says 23 dead, 11 missing", "source": "Test Wire", "url": "https://test.example/ferry", "published": "2026-02-19T09:00:00Z", "text": "PORT ALDWICK — A passenger ferry carrying 214 people capsized in heavy seas off Ostrel Island on Wednesday evening, killing at least 23 people and leaving 11 others missing, the Vestmark Coast Guard said on Thursday.\nThe Saint Brannock, built in 1994, was sailing from Port Aldwick to Ostrel Island when it capsized."}
{"id": "no-text", "title": "A record without text"}
EOF
call POST /api/articles -H "$AUTH" -H 'Content-Type: application/x-ndjson' --data-binary "@$WORK/mixed.jsonl"
expect_eq "$STATUS" "200" "mixed JSON Lines"
expect_eq "$(j -c '[.added, .updated, .unchanged, .failed]')" "[1,0,0,1]" "mixed: counts"
expect_eq "$(j -c '.items | sort_by(.line) | map([.line, .outcome])')" '[[1,"added"],[2,"failed"]]' "mixed: items"
expect_eq "$(j -r '.items[] | select(.line == 1) | .id')" "ferry-api-followup" "mixed: the id"
expect_eq "$(j '.items[] | select(.line == 2) | .message | test("text")')" "true" "mixed: why"
get /api/articles/ferry-api-followup
expect_eq "$(j -r '.source, .published, .url' | tr '\n' '|')" "Test Wire|2026-02-19T09:00:00Z|https://test.example/ferry|" "posted article"
expect_eq "$(j '.text | startswith("PORT ALDWICK — A passenger ferry")')" "true" "posted text"
expect_eq "$(j '.numbers | length > 0')" "true" "posted article analysed"
NEW_STORY=$(j .story)
[ "$NEW_STORY" != null ] || fail "the posted article has no story"
get "/api/stories/$NEW_STORY"
expect_eq "$(j '[.articles[].id] | index("ferry-api-followup") != null')" "true" "the posted article in its story"
get /health
expect_eq "$(j .articles)" "30" "articles after the post"
# the same again: unchanged
head -n 1 "$WORK/mixed.jsonl" >"$WORK/one.jsonl"
call POST /api/articles -H "$AUTH" -H 'Content-Type: application/x-ndjson' --data-binary "@$WORK/one.jsonl"
expect_eq "$STATUS,$(j .unchanged)" "200,1" "posted again"
# nothing in the body is an article: 400 with the items
call POST /api/articles -H "$AUTH" -H 'Content-Type: application/x-ndjson' --data-binary '{"title": "no text"}'
expect_eq "$STATUS,$(j .failed),$(j .added)" "400,1,0" "nothing stored"

# a JSON array, and markup that stays text
call POST /api/articles -H "$AUTH" -H 'Content-Type: application/json; charset=utf-8' --data-binary \
    '[{"id": "arr-1", "title": "<script>alert(1)</script> Kestane bakery", "text": "The Kestane bakery <script>alert(1)</script> opens on Sundays.", "source": "Test Wire"},
      {"id": "arr-2", "title": "Marrowby library", "text": "The Marrowby library lends bicycles from May.", "source": "Test Wire"}]'
expect_eq "$STATUS" "200" "array"
expect_eq "$(j -c '[.added, .failed, (.items | length)]')" "[2,0,2]" "array: counts"
get /api/articles/arr-1
expect_eq "$(j -r .title)" "<script>alert(1)</script> Kestane bakery" "markup in a title, as a JSON string"
expect_eq "$(j -r .text)" "The Kestane bakery <script>alert(1)</script> opens on Sundays." "markup in the text"
expect_eq "$(j -c '[.title, .text] | map(type)')" '["string","string"]' "strings"
get /api/articles/arr-2
expect_eq "$(j -r .title)" "Marrowby library" "second of the array"

# ---- a burst of concurrent requests ---------------------------------------------
get "/api/stories?limit=200"
ARTICLE_PATHS=$(j -r '.stories[].id' | sed 's|^|/api/stories/|')
{
    for i in $(seq 1 20); do
        echo /health
        echo "/api/stories?sort=size&limit=5"
        echo "/api/articles/ferry-calder-gazette"
        echo "/api/search?q=ferry"
        echo "/api/entities/$HELENA"
        echo "/api/stories?q=ferry&outlet=Radio%20Osprey"
    done
    for i in 1 2 3 4 5 6 7; do echo "$ARTICLE_PATHS"; done
} | head -n 200 >"$WORK/burst"
expect_eq "$(wc -l <"$WORK/burst" | tr -d ' ')" "200" "burst size"
sed "s|^|$BASE|" "$WORK/burst" | xargs -P 50 -n 1 curl -s -o /dev/null --max-time 120 -w '%{http_code}\n' >"$WORK/codes" 2>&1 || true
expect_eq "$(wc -l <"$WORK/codes" | tr -d ' ')" "200" "answers in the burst"
expect_eq "$(sort "$WORK/codes" | uniq -c | sed 's/^ *//')" "200 200" "every answer of the burst is 200"
# writes among reads
for i in 1 2 3 4 5 6 7 8; do
    printf '{"id": "burst-%s", "title": "Note %s", "text": "Burst note %s about the Marrowby tram timetable.", "source": "Test Wire"}\n' \
        "$i" "$i" "$i" >"$WORK/burst-$i.json"
done
{
    for i in 1 2 3 4 5 6 7 8; do echo "W $i"; done
    sed 's/^/R /' "$WORK/burst" | head -n 60
} | xargs -P 30 -n 2 sh -c 'if [ "$4" = W ]; then
        curl -s -o /dev/null --max-time 120 -w "%{http_code}\n" -H "$1" -H "Content-Type: application/json" \
            --data-binary "@$2/burst-$5.json" "$3/api/articles"
    else curl -s -o /dev/null --max-time 120 -w "%{http_code}\n" "$3$5"; fi' _ "$AUTH" "$WORK" "$BASE" \
    >"$WORK/codes" 2>&1 || true
expect_eq "$(sort "$WORK/codes" | uniq -c | sed 's/^ *//')" "68 200" "reads and writes at once"
get /health
expect_eq "$(j .articles)" "40" "articles after the burst's writes"
kill -0 "$MAIN_PID" || fail "the server died"

# ---- a server without a token: writes refused -------------------------------------
start_server readonly "" --access-log # an empty token is none
RO_PID=$PID
expect_contains "$WORK/readonly.out" "writes off"
BASE=$URL
# the access log: one line per request; a decoded %0a cannot forge a line
call GET '/api/nothing%0acrosscheck%20serve:%20GET%20/forged%20200%0d%1b%5b2J'
expect_error 404
i=0
until grep -qs 'nothing' "$WORK/readonly.err" || [ $i -gt 50 ]; do i=$((i + 1)); sleep 0.1; done
expect_contains "$WORK/readonly.err" 'GET /api/nothing\x0acrosscheck serve: GET /forged 200\x0d\x1b[2J 404'
[ "$(grep -c "^crosscheck serve: GET /forged" "$WORK/readonly.err")" = 0 ] || fail "the access log took a forged line"
TESTS=$((TESTS + 1))
call POST /api/articles -H "$AUTH" $POST_JSON --data-binary '{"id": "ro-1", "text": "Some text."}'
expect_error 403
call POST /api/articles $POST_JSON --data-binary '{"id": "ro-1", "text": "Some text."}'
expect_error 403
get /api/stories/$FERRY # reads as usual

# ---- --token-file (over the environment's token) and a small --max-body ---------------
printf 'file-token-%s\nsecond line is not the token\n' "$$" >"$WORK/token"
chmod 600 "$WORK/token"
start_server small "$TOKEN" --token-file "$WORK/token" --max-body 2000
SMALL_PID=$PID
BASE=$URL
FILE_AUTH="Authorization: Bearer file-token-$$"
call POST /api/articles -H "$FILE_AUTH" $POST_JSON --data-binary '{"id": "small-1", "text": "The Kestane tram runs late on Fridays."}'
expect_eq "$STATUS,$(j .added)" "200,1" "the token from the file"
call POST /api/articles -H "$AUTH" $POST_JSON --data-binary '{"id": "small-2", "text": "The environment token is not it."}'
expect_error 401
call POST /api/articles -H "Authorization: Bearer second line is not the token" $POST_JSON --data-binary '{"id": "small-2", "text": "x y"}'
expect_error 401
# over the limit: refused by its length, and sent in chunks
{
    printf '{"id": "big-1", "text": "'
    i=0
    while [ $i -lt 60 ]; do printf 'The tram to Kestane was late again this morning. '; i=$((i + 1)); done
    printf '"}'
} >"$WORK/big.json"
[ "$(wc -c <"$WORK/big.json")" -gt 2000 ] || fail "the big body is not big"
call POST /api/articles -H "$FILE_AUTH" $POST_JSON --data-binary "@$WORK/big.json"
expect_error 413
call POST /api/articles -H "$FILE_AUTH" $POST_JSON -H 'Transfer-Encoding: chunked' --data-binary "@$WORK/big.json"
expect_error 413
call GET /api/articles/big-1
expect_error 404
head -c 1900 "$WORK/big.json" >"$WORK/fits.json"
printf '"}' >>"$WORK/fits.json"
call POST /api/articles -H "$FILE_AUTH" $POST_JSON --data-binary "@$WORK/fits.json"
expect_eq "$STATUS,$(j .added)" "200,1" "a body under the limit"
# a token file whose first line is empty is refused
printf '\nsecret\n' >"$WORK/empty-token"
expect_status 2 xc serve --listen 127.0.0.1:0 --token-file "$WORK/empty-token"
expect_contains "$WORK/err" "empty"
expect_status 2 xc serve --listen 127.0.0.1:0 --max-body 0
expect_status 2 xc serve --listen not-an-address

# ---- SIGTERM: a clean stop ----------------------------------------------------------
for name in main readonly small; do
    case $name in main) pid=$MAIN_PID ;; readonly) pid=$RO_PID ;; small) pid=$SMALL_PID ;; esac
    kill -TERM "$pid"
    set +e
    wait "$pid"
    status=$?
    set -e
    expect_eq "$status" "0" "$name: exit status after SIGTERM"
    expect_contains "$WORK/$name.err" "stopping (terminate)"
done
SERVERS=""
expect_status 0 xc check

done_testing
