# Two ingests at once into one store, and a folder walk that meets a link
# loop: both must end with a consistent store.
. "$(dirname "$0")/lib.sh"
set -e

make_corpus() { # PREFIX COUNT FILE
    awk -v prefix="$1" -v total="$2" '
        { line[NR] = $0 }
        END {
            for (i = 1; i <= total; i++) {
                l = line[(i % NR) + 1]
                sub(/"id": *"/, "\"id\": \"" prefix "-" i "-", l)
                sub(/"text": *"/, "\"text\": \"" prefix " bulletin " i ". ", l)
                print l
            }
        }' "$EXAMPLES/wire-feed.jsonl" >"$3"
}
make_corpus a 1500 "$WORK/a.jsonl"
make_corpus b 1500 "$WORK/b.jsonl"

# The second writer waits for the first's transactions and must notice that
# the store moved on between its own batches.
xc ingest --quiet --batch 20 "$WORK/a.jsonl" >"$WORK/a.out" 2>&1 &
pa=$!
xc ingest --quiet --batch 20 "$WORK/b.jsonl" >"$WORK/b.out" 2>&1 &
pb=$!
wait $pa || fail "first ingest failed: $(cat "$WORK/a.out")"
wait $pb || fail "second ingest failed: $(cat "$WORK/b.out")"
expect_status 0 xc stats --json
expect_eq "$(jq -r .articles "$WORK/out")" 3000 "articles from both writers"
expect_status 0 xc check

# A folder holding a link to itself is read once, not forever; a link to a
# file is read (its id is the link's name).
mkdir -p "$WORK/loop/inner"
cp "$EXAMPLES/ferry-halcyon-wire.txt" "$WORK/loop/inner/"
ln -s .. "$WORK/loop/inner/up"
ln -s inner/ferry-halcyon-wire.txt "$WORK/loop/linked.txt"
expect_status 0 xc --db "$WORK/loop.db" ingest "$WORK/loop"
expect_contains "$WORK/out" "2 added, 0 updated, 0 unchanged, 0 failed"

done_testing
