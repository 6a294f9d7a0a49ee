# The commands on the demo corpus: exit statuses, human and JSON output.
. "$(dirname "$0")/lib.sh"
set -e

expect_status 0 "$CROSSCHECK" --help
expect_contains "$WORK/out" "usage: crosscheck"
expect_status 0 "$CROSSCHECK" --version
expect_contains "$WORK/out" "crosscheck 0."
expect_status 2 "$CROSSCHECK"
expect_status 2 "$CROSSCHECK" frobnicate
expect_contains "$WORK/err" 'unknown command "frobnicate"'
expect_status 2 xc ingest
expect_status 2 xc ingest --format xml "$EXAMPLES"
expect_status 2 xc stories --limit many

# Ingest the demo corpus: every item stored, the summary says so.
expect_status 0 xc ingest "$EXAMPLES"
expect_contains "$WORK/out" "29 added, 0 updated, 0 unchanged, 0 failed"
expect_status 0 xc --json ingest "$EXAMPLES"
expect_eq "$(jq -r '.unchanged' "$WORK/out")" 29 "unchanged on re-ingest"
expect_eq "$(jq -r '.articles' "$WORK/out")" 29 "articles"

# stories: a table for people, JSON Lines for programs.
expect_status 0 xc stories
expect_contains "$WORK/out" "STORY"
expect_contains "$WORK/out" "Ferry capsizes off Ostrel Island"
expect_status 0 xc stories --json
expect_eq "$(wc -l <"$WORK/out" | tr -d ' ')" 11 "stories (5 events + 6 single articles)"
jq -e 'has("id") and has("title") and (.articles | type == "array")' "$WORK/out" >/dev/null ||
    fail "stories --json lacks id/title/articles"
jq -e '.articles[] | has("id") and has("source") and has("title") and has("published")' "$WORK/out" >/dev/null ||
    fail "story articles lack id/source/title/published"
ferry=$(jq -r 'select(.articles | map(.id) | index("ferry-halcyon-wire")) | .id' "$WORK/out")
[ -n "$ferry" ] || fail "no story holds ferry-halcyon-wire"
expect_eq "$(jq -r "select(.id == $ferry) | .size" "$WORK/out")" 6 "ferry story size"
expect_eq "$(jq -r "select(.id == $ferry) | .outlets | length" "$WORK/out")" 6 "ferry outlets"
expect_eq "$(jq -r "select(.id == $ferry) | .first_published" "$WORK/out")" "2026-02-19T05:50:00Z" "first published"
expect_status 0 xc stories --limit 2 --json
expect_eq "$(wc -l <"$WORK/out" | tr -d ' ')" 2 "--limit"
expect_status 0 xc stories --min-size 3 --sort recent --json
expect_eq "$(wc -l <"$WORK/out" | tr -d ' ')" 5 "--min-size 3"
expect_eq "$(jq -s -r '.[0].articles | map(.id) | index("recall-halcyon-wire") != null' "$WORK/out")" true "newest first"

# story ID: the story and its articles in publication order.
expect_status 0 xc story "$ferry"
expect_contains "$WORK/out" "6 articles from 6 outlets: 5 independent reports, copies folded under their origin; 2026-02-19 to 2026-02-20"
expect_contains "$WORK/out" "ferry-brightwater-herald  [near copy of ferry-halcyon-wire]"
expect_contains "$WORK/out" "ferry-lantern-courier"
expect_status 0 xc story "$ferry" --json
expect_eq "$(jq -r '.articles[0].id' "$WORK/out")" "ferry-halcyon-wire" "earliest article first"
expect_eq "$(jq -r '.independent' "$WORK/out")" 5 "independent reports"
expect_eq "$(jq -r '.reports | length' "$WORK/out")" 5 "reports listed"
expect_eq "$(jq -r '.reports[] | select(.id == "ferry-halcyon-wire") | .copies[0].id' "$WORK/out")" \
    "ferry-brightwater-herald" "the wire copy is folded under its origin"
expect_eq "$(jq -r '.articles[] | select(.id == "ferry-brightwater-herald") | .copy_kind' "$WORK/out")" near "copy kind"
expect_eq "$(jq -r '.articles[] | select(.id == "ferry-calder-gazette") | .why.new_story' "$WORK/out")" false "why"
jq -e '.articles[] | select(.id == "ferry-calder-gazette") | .why.terms | length > 0' "$WORK/out" >/dev/null ||
    fail "why lists no shared terms"
expect_status 0 xc story "$ferry" --why
expect_contains "$WORK/out" "why: opened the story"
expect_contains "$WORK/out" "why: a copy (near) of ferry-halcyon-wire"
expect_contains "$WORK/out" "shared terms: "
expect_status 1 xc story 99999
expect_contains "$WORK/err" "no story 99999"
expect_status 2 xc story abc

# article ID
expect_status 0 xc article museum-marrowby-textile-reopens --json
expect_eq "$(jq -r '.title' "$WORK/out")" "Marrowby Textile Museum reopens after two-year renovation" "title from first line"
expect_eq "$(jq -r '.source' "$WORK/out")" "null" "no source without a header"
expect_status 0 xc article feed-bank-vestmark-business-journal --json
jq -e '.extra | type == "object"' "$WORK/out" >/dev/null || fail "extra JSONL fields are not kept"
expect_eq "$(jq -r '.body_offset' "$WORK/out")" -1 "JSONL text has no file offset"
expect_status 0 xc article ferry-halcyon-wire --json
off=$(jq -r '.body_offset' "$WORK/out")
head -c "$off" "$EXAMPLES/ferry-halcyon-wire.txt" | tail -n 1 | grep -q '^$' || fail "body_offset does not point after the header"
expect_status 1 xc article no-such-article

# search: BM25 ranking with snippets.
expect_status 0 xc search '"life jackets"'
expect_contains "$WORK/out" "ferry"
expect_contains "$WORK/out" "[life jackets]"
expect_status 0 xc --json search Voltrane battery --limit 3
expect_eq "$(wc -l <"$WORK/out" | tr -d ' ')" 3 "search --limit"
expect_eq "$(jq -s -r 'map(.id | startswith("recall")) | all' "$WORK/out")" true "recall articles rank first"
jq -e 'has("score") and has("snippet") and has("story")' "$WORK/out" >/dev/null || fail "search JSON lacks fields"
expect_status 0 xc search 'U.S.'
expect_status 0 xc search zzzzqqqq
expect_contains "$WORK/out" "no matches"
expect_status 2 xc search
expect_status 2 xc search --raw '"unbalanced'
expect_contains "$WORK/err" "bad query"

# stats and check
expect_status 0 xc stats --json
expect_eq "$(jq -r '.articles' "$WORK/out")" 29 "stats articles"
expect_eq "$(jq -r '.stories' "$WORK/out")" 11 "stats stories"
[ "$(jq -r '.entities > 0 and .mentions >= .entities' "$WORK/out")" = true ] || fail "stats: no entities counted"
expect_status 0 xc check
expect_contains "$WORK/out" "ok: 29 articles in 11 stories"

# Evaluation commands on a gold-labelled file (the four JSONL articles are
# four events), and tuning parameters.
jq -c '. + {event: (.id | split("-")[1])}' "$EXAMPLES/wire-feed.jsonl" >"$WORK/gold.jsonl"
expect_status 0 xc --json eval cluster "$WORK/gold.jsonl"
jq -e 'has("bcubed_p") and has("bcubed_r") and has("pairwise_f1") and has("ari") and has("v_measure")
       and .articles == 4 and .events == 4 and .stories == 4' "$WORK/out" >/dev/null ||
    fail "eval cluster JSON: $(cat "$WORK/out")"
expect_eq "$(jq -r '.bcubed_f1' "$WORK/out")" 1 "four separate events, four stories"
expect_status 0 xc --json eval cluster --set threshold=0 "$WORK/gold.jsonl"
[ "$(jq -r '.stories' "$WORK/out")" -lt 4 ] || fail "--set threshold=0 should merge stories"
expect_status 0 xc --json eval dedup "$WORK/gold.jsonl"
expect_eq "$(jq -r '.gold_copies' "$WORK/out")" 0 "no copies"
expect_status 2 xc eval cluster --set nonsense=1 "$WORK/gold.jsonl"
expect_status 2 xc ingest --set window_days "$EXAMPLES"
expect_status 3 xc eval cluster "$WORK/missing.jsonl"
expect_contains "$WORK/err" "no article could be read"
expect_status 2 xc eval whatever

# --db anywhere, and the environment default.
expect_status 0 "$CROSSCHECK" stats --db "$DB"
expect_status 0 env CROSSCHECK_DB="$DB" "$CROSSCHECK" stats
expect_contains "$WORK/out" "articles  29"

# A database we cannot open is a clear error.
expect_status 3 "$CROSSCHECK" --db /nonexistent/dir/x.db stats
expect_contains "$WORK/err" "/nonexistent/dir/x.db"

done_testing
