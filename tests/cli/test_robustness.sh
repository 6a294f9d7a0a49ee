# Awkward streams: tiny and empty articles, a 10 MB article, thousands of
# copies of one article, undated articles, dates out of order. Nothing may
# crash, and the store must stay consistent.
. "$(dirname "$0")/lib.sh"
set -e

# Empty and one-word articles.
{
    printf '{"id":"w1","text":"Breaking"}\n'
    printf '{"id":"w2","text":"breaking!"}\n'
    printf '{"id":"w3","text":"Update"}\n'
    printf '{"id":"e1","text":"   "}\n'
    printf '{"id":"w4","text":"."}\n'
} >"$WORK/tiny.jsonl"
expect_status 1 xc ingest "$WORK/tiny.jsonl"
expect_contains "$WORK/err" "tiny.jsonl:4: empty article"
expect_contains "$WORK/out" "4 added"
expect_status 0 xc article w2 --json
expect_eq "$(jq -r '.copy_of' "$WORK/out")" "w1" "one-word copy"
expect_status 0 xc check

# A 10 MB article (a long report, paragraphs of varied words).
awk 'BEGIN {
    srand(7); split("harbour ferry council budget storm rescue minister report vote energy price school", w, " ")
    printf "Title: A very long report\n\n"
    while (bytes < 10 * 1024 * 1024) {
        line = ""
        for (i = 0; i < 40; i++) line = line w[int(rand() * 12) + 1] " " int(rand() * 1000) " "
        print line "."; bytes += length(line) + 2
    }
}' >"$WORK/long.txt"
expect_status 0 xc ingest "$WORK/long.txt"
expect_status 0 xc search harbour --limit 1 --json
expect_contains "$WORK/out" '"id":"long"'
# its brief reads the first 20,000 bytes: sentences still cite the article
expect_status 0 xc --json article long
expect_status 0 xc --json brief "$(jq -r .story "$WORK/out")"
expect_eq "$(jq -r '[.sentences[].sources[0].article] | unique | @csv' "$WORK/out")" '"long"' "the long article's brief"

# Many copies of one article: one story, one independent report.
awk -v n=5000 '{ for (i = 1; i <= n; i++) { l = $0; sub(/"id": *"[^"]*"/, "\"id\": \"copy-" i "\"", l); print l } }' \
    "$EXAMPLES/wire-feed.jsonl" | head -n 5000 >"$WORK/copies.jsonl"
expect_status 0 xc --json ingest "$WORK/copies.jsonl"
expect_eq "$(jq -r '.added' "$WORK/out")" 5000 "copies stored"
expect_status 0 xc article copy-1 --json
story=$(jq -r '.story' "$WORK/out")
expect_status 0 xc story "$story" --json
expect_eq "$(jq -r '.size' "$WORK/out")" 5000 "all copies in one story"
expect_eq "$(jq -r '.independent' "$WORK/out")" 1 "one independent report"
expect_eq "$(jq -r '.reports[0].copies | length' "$WORK/out")" 4999 "copies folded under the origin"
# its ledger: every fact and quote is one independent report, however many copies carry it
expect_eq "$(jq -r '[.facts[].independent, .quotes[].independent] | unique | @csv' "$WORK/out")" "1" \
    "copies are not independent reports"
expect_eq "$(jq -r '[.quotes[] | (.reports | length)] | unique | @csv' "$WORK/out")" "5000" \
    "each quote attested by all 5000 copies"
# its brief: one text read, each sentence cited to all 5000 articles, one independent report
expect_status 0 xc --json brief "$story"
expect_eq "$(jq -r '[.independent, ([.sentences[] | select(.kind == "extract") | (.sources | length), .independent]
          | unique | @csv)] | @csv' "$WORK/out")" '1,"1,5000"' "the brief of 5000 copies"
expect_status 0 xc check

# Undated articles, and a copy that arrives before its (earlier) original.
DB="$WORK/dates.db"
cat >"$WORK/late-copy.txt" <<'TXT'
Title: Harbour reopens (agency copy)
Source: Copy Desk
Date: 2026-03-02T12:00:00Z

The harbour at Port Aldwick reopened on Sunday morning after three days of storms, the port authority said. Ferries to Ostrel Island will run a reduced timetable until Tuesday while engineers inspect the damaged north pier, and freight traffic is being diverted to the southern terminal.
TXT
cat >"$WORK/original.txt" <<'TXT'
Title: Harbour reopens after storms
Source: Harbour Wire
Date: 2026-03-01T08:00:00Z

The harbour at Port Aldwick reopened on Sunday morning after three days of storms, the port authority said. Ferries to Ostrel Island will run a reduced timetable until Tuesday while engineers inspect the damaged north pier, and freight traffic is being diverted to the southern terminal.
TXT
printf 'No date on this one: the town library extends its opening hours on weekdays.\n' >"$WORK/undated-a.txt"
printf 'No date either: a recipe for lentil soup with lemon and cumin.\n' >"$WORK/undated-b.txt"
expect_status 0 xc ingest "$WORK/late-copy.txt" "$WORK/undated-a.txt" "$WORK/undated-b.txt"
expect_status 0 xc ingest "$WORK/original.txt"
expect_status 0 xc article original --json
story=$(jq -r '.story' "$WORK/out")
expect_eq "$(jq -r '.copy_of' "$WORK/out")" null "the earlier article is the origin"
expect_status 0 xc article late-copy --json
expect_eq "$(jq -r '.copy_of' "$WORK/out")" original "the later one is the copy"
expect_eq "$(jq -r '.story' "$WORK/out")" "$story" "both in one story"
expect_status 0 xc story "$story" --json
expect_eq "$(jq -r '.independent' "$WORK/out")" 1 "one independent report"
expect_eq "$(jq -r '.first_published' "$WORK/out")" "2026-03-01T08:00:00Z" "the story starts with the original"
expect_status 0 xc stats --json
expect_eq "$(jq -r '.stories' "$WORK/out")" 3 "undated articles get their own stories"
expect_status 0 xc check

done_testing
