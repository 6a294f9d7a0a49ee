# Kill -9 in the middle of an ingest: what was committed stays, no half
# article or half batch is left, and ingesting again completes the job.
. "$(dirname "$0")/lib.sh"
set -e

BATCH=50
TOTAL=12000
CORPUS="$WORK/corpus.jsonl"
# Variants of the demo's JSON Lines records, each with its own id and text.
awk -v total="$TOTAL" '
    { line[NR] = $0 }
    END {
        for (i = 1; i <= total; i++) {
            l = line[(i % NR) + 1]
            sub(/"id": *"/, "\"id\": \"crash-" i "-", l)
            sub(/"text": *"/, "\"text\": \"Bulletin " i ". ", l)
            print l
        }
    }' "$EXAMPLES/wire-feed.jsonl" >"$CORPUS"
expect_eq "$(wc -l <"$CORPUS" | tr -d ' ')" "$TOTAL" "corpus lines"

"$CROSSCHECK" --db "$DB" ingest --quiet --batch "$BATCH" "$CORPUS" 2>"$WORK/ingest.err" &
pid=$!
# Wait until a few batches are committed, then kill without warning.
articles=0
tries=0
while [ "$articles" -lt $((BATCH * 3)) ] && [ $tries -lt 2000 ]; do
    articles=$("$CROSSCHECK" --db "$DB" --json stats 2>/dev/null | jq -r '.articles' 2>/dev/null || echo 0)
    [ -n "$articles" ] || articles=0
    tries=$((tries + 1))
    sleep 0.02
done
kill -9 "$pid" 2>/dev/null || fail "the ingest finished before it could be killed; raise TOTAL"
wait "$pid" 2>/dev/null || true

# Committed batches survive, whole: the count is a multiple of the batch size,
# and every stored article has its full-text entry and its story.
expect_status 0 xc stats --json
after_kill=$(jq -r '.articles' "$WORK/out")
[ "$after_kill" -ge $((BATCH * 3)) ] || fail "only $after_kill articles survived"
[ "$after_kill" -lt "$TOTAL" ] || fail "the ingest was not interrupted"
expect_eq $((after_kill % BATCH)) 0 "articles after the kill ($after_kill) in whole batches of $BATCH"
expect_status 0 xc check

# Ingest again: the stored part is unchanged, the rest is added.
expect_status 0 xc --json ingest --batch "$BATCH" "$CORPUS"
expect_eq "$(jq -r '.unchanged' "$WORK/out")" "$after_kill" "unchanged after restart"
expect_eq "$(jq -r '.added' "$WORK/out")" $((TOTAL - after_kill)) "added after restart"
expect_eq "$(jq -r '.articles' "$WORK/out")" "$TOTAL" "articles at the end"
expect_status 0 xc check

done_testing
