# Acceptance on the five seed reports of one event (../shared/seeds): they
# must come out as exactly one story holding all five. The seeds are read
# from ../shared and never committed.
. "$(dirname "$0")/lib.sh"
set -e

SEEDS="$SHARED/seeds"
if [ ! -d "$SEEDS" ]; then
    echo "skip: $SEEDS not found (the seed reports live outside the repository)"
    exit 0
fi
count=$(ls "$SEEDS"/*.txt | wc -l | tr -d ' ')
expect_eq "$count" 5 "seed files"

expect_status 0 xc ingest "$SEEDS"
expect_contains "$WORK/out" "5 added"
expect_status 0 xc stories --json
expect_eq "$(wc -l <"$WORK/out" | tr -d ' ')" 1 "stories from the seeds"
expect_eq "$(jq -r '.articles | length' "$WORK/out")" 5 "articles in the story"
for f in "$SEEDS"/*.txt; do
    id=$(basename "$f" .txt)
    expect_eq "$(jq -r --arg id "$id" '.articles | map(.id) | index($id) != null' "$WORK/out")" true "seed $id in the story"
done
# The same holds when the seeds arrive one by one, in reverse order.
rm -f "$DB" "$DB-wal" "$DB-shm"
for f in $(ls -r "$SEEDS"/*.txt); do
    expect_status 0 xc ingest "$f"
done
expect_status 0 xc stories --json
expect_eq "$(wc -l <"$WORK/out" | tr -d ' ')" 1 "stories from seeds ingested one by one"
expect_status 0 xc check

# The story's ledger: the contested death toll, the shared figures, the
# quotes two outlets carry (two of them in other words).
expect_status 0 xc --json facts --story 1
expect_eq "$(jq -r -s '[.[] | select(.verdict == "conflict")] | length' "$WORK/out")" 1 "one contested fact"
expect_eq "$(jq -r -s '.[0] | [.thing, ([.values[].reports[].text] | sort | join("|"))] | @csv' "$WORK/out")" \
    '"deaths","at least three dead|one fatality"' "one fatality / at least three dead"
expect_eq "$(jq -r -s '[.[] | select(.verdict == "agree") | [.values[0].reports[].text] | sort | join("|")] | sort | join(" / ")' \
    "$WORK/out")" "approximately 20% of Ukrainian territory|approximately one-fifth of Ukraine’s territory|roughly one-fifth of Ukrainian territory / at least 91 drones|over ninety" \
    "agreements"
expect_status 0 xc --json quotes --story 1
expect_eq "$(jq -r -s '[.[] | select(.independent >= 2)] | length' "$WORK/out")" 5 "remarks two outlets quote"
expect_eq "$(jq -r -s '.[] | select(.text | startswith("I am really hopeful")) | [.speaker, .independent] | @csv' \
    "$WORK/out")" '"Steve Witkoff",2' "Witkoff's remark"
expect_eq "$(jq -r -s '[.[] | select(.speaker == "Marco Rubio" and .variants == 1)] | length' "$WORK/out")" 2 \
    "Rubio's two remarks, each in other words in one outlet"

# The README shows what the engine finds here: it must be this run's output.
if [ -f README.md ] && [ -f scripts/seeds-ledger.sh ]; then
    sh scripts/seeds-ledger.sh "$CROSSCHECK" "$SHARED" >"$WORK/ledger.txt"
    sed -n '/<!-- seeds-ledger:begin -->/,/<!-- seeds-ledger:end -->/p' README.md | sed '1,2d;$d' | sed '$d' \
        >"$WORK/readme.txt"
    cmp -s "$WORK/ledger.txt" "$WORK/readme.txt" ||
        fail "README's seeds block differs from scripts/seeds-ledger.sh; regenerate it: $(diff "$WORK/readme.txt" "$WORK/ledger.txt" | head -5)"
    TESTS=$((TESTS + 1))
fi

if [ -f README.md ] && [ -f scripts/seeds-brief.sh ]; then
    sh scripts/seeds-brief.sh "$CROSSCHECK" "$SHARED" >"$WORK/brief.txt"
    sed -n '/<!-- seeds-brief:begin -->/,/<!-- seeds-brief:end -->/p' README.md | sed '1,2d;$d' | sed '$d' \
        >"$WORK/readme-brief.txt"
    cmp -s "$WORK/brief.txt" "$WORK/readme-brief.txt" ||
        fail "README's seeds brief differs from scripts/seeds-brief.sh; regenerate it: $(diff "$WORK/readme-brief.txt" "$WORK/brief.txt" | head -5)"
    TESTS=$((TESTS + 1))
fi

done_testing
